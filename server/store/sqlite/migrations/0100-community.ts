import type { Database } from 'better-sqlite3'

/**
 * Community (issue 13):
 * - community_groups, group_members: interest groups (each with a chat channel, made by the chat store);
 * - events, event_rsvps: events in a room, with a capacity; `public_code` makes one an open event;
 * - guest_links: a room and a time window, kept by the hash of their code (like invites);
 * - guest_passes: a guest member's window (from a link or an open event), gone with the member;
 *   `ends_at` is indexed for the sweeper that removes guests whose window has ended.
 * Creators and hosts are not foreign keys: a group or an event stays when its maker leaves.
 */
export const community = {
  version: 100,
  update(db: Database): void {
    db.exec(`
      create table community_groups (
        workspace_id text not null references workspaces(id) on delete cascade,
        id text not null,
        name text not null,
        description text not null,
        channel_id text not null,
        created_by text,
        created_at integer not null,
        primary key (workspace_id, id)
      );
      create unique index community_groups_name on community_groups (workspace_id, name collate nocase);
      create table group_members (
        workspace_id text not null,
        group_id text not null,
        member_id text not null references members(id) on delete cascade,
        joined_at integer not null,
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
        starts_at integer not null,
        ends_at integer not null,
        capacity integer not null,
        group_id text,
        public_code text unique,
        created_at integer not null,
        primary key (workspace_id, id)
      );
      create index events_ends on events (workspace_id, ends_at);
      create table event_rsvps (
        workspace_id text not null,
        event_id text not null,
        member_id text not null references members(id) on delete cascade,
        at integer not null,
        primary key (workspace_id, event_id, member_id),
        foreign key (workspace_id, event_id) references events(workspace_id, id) on delete cascade
      );
      create index event_rsvps_member on event_rsvps (member_id);
      create table guest_links (
        workspace_id text not null references workspaces(id) on delete cascade,
        id text not null,
        code_hash text not null unique,
        room_id text not null,
        starts_at integer not null,
        ends_at integer not null,
        created_by text not null,
        created_at integer not null,
        revoked_at integer,
        primary key (workspace_id, id)
      );
      create table guest_passes (
        member_id text primary key references members(id) on delete cascade,
        workspace_id text not null references workspaces(id) on delete cascade,
        room_id text not null,
        starts_at integer not null,
        ends_at integer not null,
        source text not null check (source in ('link', 'event')),
        source_id text not null,
        email text
      );
      create index guest_passes_ends on guest_passes (ends_at);
    `)
  },
}
