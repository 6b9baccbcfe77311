/** Community (issue 13): the SQLite store's step 100 (see its comment), in PostgreSQL's words. */
export const community = {
  version: 60,
  sql: `
    create table community_groups (
      workspace_id text not null references workspaces(id) on delete cascade,
      id text not null,
      name text not null,
      description text not null,
      channel_id text not null,
      created_by text,
      created_at bigint not null,
      primary key (workspace_id, id)
    );
    create unique index community_groups_name on community_groups (workspace_id, lower(name));
    create table group_members (
      workspace_id text not null,
      group_id text not null,
      member_id text not null references members(id) on delete cascade,
      joined_at bigint not null,
      primary key (workspace_id, group_id, member_id),
      foreign key (workspace_id, group_id) references community_groups(workspace_id, id) on delete cascade
    );
    create index group_members_member on group_members (member_id);
    create table events (
      workspace_id text not null references workspaces(id) on delete cascade,
      id text not null,
      title text not null,
      description text not null,
      host_id text,
      room_id text not null,
      starts_at bigint not null,
      ends_at bigint not null,
      capacity integer not null,
      group_id text,
      public_code text unique,
      created_at bigint not null,
      primary key (workspace_id, id)
    );
    create index events_ends on events (workspace_id, ends_at);
    create table event_rsvps (
      workspace_id text not null,
      event_id text not null,
      member_id text not null references members(id) on delete cascade,
      at bigint not null,
      primary key (workspace_id, event_id, member_id),
      foreign key (workspace_id, event_id) references events(workspace_id, id) on delete cascade
    );
    create index event_rsvps_member on event_rsvps (member_id);
    create table guest_links (
      workspace_id text not null references workspaces(id) on delete cascade,
      id text not null,
      code_hash text not null unique,
      room_id text not null,
      starts_at bigint not null,
      ends_at bigint not null,
      created_by text not null,
      created_at bigint not null,
      revoked_at bigint,
      primary key (workspace_id, id)
    );
    create table guest_passes (
      member_id text primary key references members(id) on delete cascade,
      workspace_id text not null references workspaces(id) on delete cascade,
      room_id text not null,
      starts_at bigint not null,
      ends_at bigint not null,
      source text not null check (source in ('link', 'event')),
      source_id text not null,
      email text
    );
    create index guest_passes_ends on guest_passes (ends_at);
  `,
}
