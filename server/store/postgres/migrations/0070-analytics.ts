/**
 * Issue 13, usage analytics: arrivals and departures (the lobby, which is being online, and rooms)
 * from LiveKit's webhooks, kept for 60 days. `arrival` orders events of the same millisecond as they came (SQLite's rowid).
 */
export const analytics = {
  version: 70,
  sql: `
    create table usage_events (
      workspace_id text not null references workspaces(id) on delete cascade,
      at bigint not null,
      kind text not null check (kind in ('lobby', 'room')),
      place_id text not null,
      member_id text not null,
      event text not null check (event in ('in', 'out')),
      arrival bigint generated always as identity
    );
    create index usage_events_by_time on usage_events (workspace_id, at);
  `,
}
