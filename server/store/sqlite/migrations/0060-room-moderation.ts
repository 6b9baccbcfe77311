import type { Database } from 'better-sqlite3'

/**
 * Moderation inside rooms:
 * - room_bans: someone a host or the room's owner removed from a room, kept out until `until`
 *   (5 minutes); `banned_by` names who did it for the refusal's message (no foreign key: the host
 *   may leave the workspace before the ban ends);
 * - stage_speakers: people brought on stage in a stage room, so that a rejoin's fresh token keeps
 *   them publishing; `away_until` is set when they leave the room (a rejoin after a drop within it
 *   finds them still on stage) and cleared when they are back.
 * Both go with their workspace and with the member.
 */
export const roomModeration = {
  version: 60,
  update(db: Database): void {
    db.exec(`
      create table room_bans (
        workspace_id text not null references workspaces(id) on delete cascade,
        room_id text not null,
        member_id text not null references members(id) on delete cascade,
        until integer not null,
        banned_by text not null,
        primary key (workspace_id, room_id, member_id)
      );
      create index room_bans_member on room_bans(member_id);
      create table stage_speakers (
        workspace_id text not null references workspaces(id) on delete cascade,
        room_id text not null,
        member_id text not null references members(id) on delete cascade,
        away_until integer,
        primary key (workspace_id, room_id, member_id)
      );
      create index stage_speakers_member on stage_speakers(member_id);
    `)
  },
}
