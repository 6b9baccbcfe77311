import type { Database } from 'better-sqlite3'

/**
 * Issue 14: the shared calendar.
 * - events gain a weekly series (`repeat_weekly`, `repeat_until`: the last start, null for no end)
 *   and `series_ends_at`, when the last occurrence ends (a far end for an endless series): what
 *   "has it ended" and the search for booking clashes in a room read;
 * - event_invites: who was invited; event_answers: who answered maybe or no (a yes is an RSVP in event_rsvps);
 * - calendar_deadlines: all-day dates, for a company or (company_id null) the whole space;
 * - calendar_feeds: a member's private iCalendar feed, by the hash of its token, one per member.
 */
export const calendar = {
  version: 140,
  update(db: Database): void {
    db.exec(`
      alter table events add column repeat_weekly integer not null default 0;
      alter table events add column repeat_until integer;
      alter table events add column series_ends_at integer not null default 0;
      update events set series_ends_at = ends_at;
      create index events_series_ends on events (workspace_id, series_ends_at);
      create index events_room_series on events (workspace_id, room_id, series_ends_at);
      create table event_invites (
        workspace_id text not null,
        event_id text not null,
        member_id text not null references members(id) on delete cascade,
        primary key (workspace_id, event_id, member_id),
        foreign key (workspace_id, event_id) references events(workspace_id, id) on delete cascade
      );
      create index event_invites_member on event_invites (member_id);
      create table event_answers (
        workspace_id text not null,
        event_id text not null,
        member_id text not null references members(id) on delete cascade,
        answer text not null check (answer in ('no', 'maybe')),
        at integer not null,
        primary key (workspace_id, event_id, member_id),
        foreign key (workspace_id, event_id) references events(workspace_id, id) on delete cascade
      );
      create index event_answers_member on event_answers (member_id);
      create table calendar_deadlines (
        workspace_id text not null references workspaces(id) on delete cascade,
        id text not null,
        title text not null,
        day text not null,
        company_id text,
        created_by text,
        created_at integer not null,
        primary key (workspace_id, id)
      );
      create table calendar_feeds (
        token_hash text primary key,
        workspace_id text not null references workspaces(id) on delete cascade,
        member_id text not null references members(id) on delete cascade,
        created_at integer not null,
        unique (workspace_id, member_id)
      );
    `)
  },
}
