/** Profiles (issue 13): the SQLite store's step 90 (see its comment), in PostgreSQL's words. */
export const profiles = {
  version: 50,
  sql: `
    create table profiles (
      member_id text primary key references members(id) on delete cascade,
      workspace_id text not null references workspaces(id) on delete cascade,
      title text not null default '',
      time_zone text,
      about text not null default '',
      links text not null default '[]',
      photo_key text,
      photo_version text,
      updated_at bigint not null
    );
    create index profiles_workspace on profiles (workspace_id);
    create table profile_tags (
      member_id text not null references members(id) on delete cascade,
      workspace_id text not null,
      kind text not null check (kind in ('interest', 'skill')),
      tag text not null,
      tag_key text not null,
      position integer not null,
      primary key (member_id, kind, tag_key)
    );
    create index profile_tags_key on profile_tags (workspace_id, kind, tag_key);
  `,
}
