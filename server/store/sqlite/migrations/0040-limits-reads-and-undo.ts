import type { Database } from 'better-sqlite3'

/**
 * Rate limits become fixed-window counters (@fastify/rate-limit's model, auth/rate-limit.ts) in
 * place of one row per sign-in attempt; those rows are a few minutes of history and are dropped.
 * Occupancy remembers when each room's participant list was read, so an older read never
 * overwrites a newer one. The edit log keeps each batch's inverse, so that `ops?since` can replay
 * the log back from the floor and hand out only a log that replays; batches logged before this
 * step have none, and a reader that needs them fetches the floor instead.
 */
export const limitsReadsAndUndo = {
  version: 40,
  update(db: Database): void {
    db.exec(`
      drop table sign_in_attempts;
      create table rate_limits (
        key text primary key,
        count integer not null,
        reset_at integer not null
      ) without rowid;
      create index rate_limits_reset on rate_limits(reset_at);
      create table room_reads (
        workspace_id text not null references workspaces(id) on delete cascade,
        room_id text not null,
        read_at integer not null,
        primary key (workspace_id, room_id)
      );
      alter table floor_ops add column undo text;
    `)
  },
}
