/**
 * The PostgreSQL store's first schema: the SQLite store's as of its step 50, in PostgreSQL's
 * words. Times are milliseconds since the epoch (bigint), JSON is kept as the text it was written
 * as (the edit log's replay check compares that text), and emails are unique whatever their case.
 * PostgreSQL does not index the referencing side of a foreign key by itself: the cascades that
 * removing a member or a floor runs each have an index here.
 */
export const initial = {
  version: 10,
  sql: `
    create table workspaces (
      id text primary key,
      name text not null,
      created_at bigint not null
    );
    create table accounts (
      id text primary key,
      email text not null,
      name text not null,
      password_hash text not null,
      colour text not null,
      created_at bigint not null
    );
    create unique index accounts_email on accounts (lower(email));
    create table members (
      id text primary key,
      workspace_id text not null references workspaces(id) on delete cascade,
      account_id text not null references accounts(id) on delete cascade,
      role text not null check (role in ('owner', 'host', 'member', 'guest')),
      rooms text not null default '[]',
      last_seen_at bigint,
      created_at bigint not null,
      unique (workspace_id, account_id)
    );
    create index members_account on members (account_id);
    create table sessions (
      token_hash text primary key,
      member_id text not null references members(id) on delete cascade,
      created_at bigint not null,
      expires_at bigint not null
    );
    create index sessions_member on sessions (member_id);
    create table invites (
      id text primary key,
      code_hash text not null unique,
      workspace_id text not null references workspaces(id) on delete cascade,
      role text not null,
      email text,
      rooms text not null default '[]',
      created_by text not null,
      created_at bigint not null,
      expires_at bigint not null,
      used_at bigint,
      revoked_at bigint
    );
    create index invites_workspace on invites (workspace_id, created_by);
    create table floors (
      workspace_id text not null references workspaces(id) on delete cascade,
      id text not null,
      position integer not null,
      version integer not null,
      doc text not null,
      primary key (workspace_id, id)
    );
    create table floor_ops (
      workspace_id text not null,
      floor_id text not null,
      version integer not null,
      batch_id text not null,
      ops text not null,
      undo text,
      author_id text not null,
      created_at bigint not null,
      primary key (workspace_id, floor_id, version),
      foreign key (workspace_id, floor_id) references floors(workspace_id, id) on delete cascade
    );
    create unique index floor_ops_batch on floor_ops (workspace_id, floor_id, batch_id);
    create table floor_drafts (
      workspace_id text not null,
      floor_id text not null,
      member_id text not null references members(id) on delete cascade,
      base_version integer not null,
      base_doc text not null,
      ops text not null,
      updated_at bigint not null,
      primary key (workspace_id, floor_id, member_id),
      foreign key (workspace_id, floor_id) references floors(workspace_id, id) on delete cascade
    );
    create index floor_drafts_member on floor_drafts (member_id);
    create table admissions (
      workspace_id text not null references workspaces(id) on delete cascade,
      room_id text not null,
      member_id text not null references members(id) on delete cascade,
      until bigint not null,
      primary key (workspace_id, room_id, member_id)
    );
    create index admissions_member on admissions (member_id);
    create table room_occupants (
      workspace_id text not null references workspaces(id) on delete cascade,
      room_id text not null,
      member_id text not null,
      since bigint not null,
      -- Arrivals at the same moment keep the order of LiveKit's list (SQLite's rowid).
      arrival bigint generated always as identity,
      primary key (workspace_id, room_id, member_id)
    );
    create table room_reads (
      workspace_id text not null references workspaces(id) on delete cascade,
      room_id text not null,
      read_at bigint not null,
      primary key (workspace_id, room_id)
    );
    create table rate_limits (
      key text primary key,
      count integer not null,
      reset_at bigint not null
    );
    create index rate_limits_reset on rate_limits (reset_at);
    create table member_removals (
      workspace_id text not null references workspaces(id) on delete cascade,
      member_id text not null,
      account_id text not null references accounts(id) on delete cascade,
      email text not null,
      role text not null,
      started_at bigint not null,
      completed_at bigint,
      primary key (workspace_id, member_id)
    );
    create index member_removals_account on member_removals (account_id, workspace_id);
  `,
}
