import type { Database } from 'better-sqlite3'

/** Who is in which media room, as LiveKit reports it (webhooks + participant lists). */
export const occupancy = {
  version: 20,
  update(db: Database): void {
    db.exec(`
      create table room_occupants (
        workspace_id text not null references workspaces(id) on delete cascade,
        room_id text not null,
        member_id text not null,
        since integer not null,
        primary key (workspace_id, room_id, member_id)
      );
    `)
  },
}
