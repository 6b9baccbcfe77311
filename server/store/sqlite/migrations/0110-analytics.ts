import type { Database } from 'better-sqlite3'

/**
 * Issue 13, usage analytics: arrivals and departures (the lobby, which is being online, and rooms)
 * from LiveKit's webhooks, kept for 60 days. The rowid orders events of the same millisecond as they came.
 */
export const analytics = {
  version: 110,
  update(db: Database): void {
    db.exec(`
      create table usage_events (
        workspace_id text not null references workspaces(id) on delete cascade,
        at integer not null,
        kind text not null check (kind in ('lobby', 'room')),
        place_id text not null,
        member_id text not null,
        event text not null check (event in ('in', 'out'))
      );
      create index usage_events_by_time on usage_events (workspace_id, at);
    `)
  },
}
