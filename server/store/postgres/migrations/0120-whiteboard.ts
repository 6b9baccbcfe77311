/**
 * Issue 14: each room's whiteboard (the latest version, and its thumbnail) and its kept versions.
 * A room is a record inside the floor document, so a board outlives its room until the workspace
 * goes; the routes answer 404 for a room no longer on any floor.
 */
export const whiteboard = {
  version: 120,
  sql: `
    create table whiteboards (
      workspace_id text not null references workspaces(id) on delete cascade,
      room_id text not null,
      version integer not null,
      saved_at bigint not null,
      saved_by text,
      thumbnail bytea,
      thumbnail_at bigint,
      primary key (workspace_id, room_id)
    );
    create table whiteboard_versions (
      workspace_id text not null references workspaces(id) on delete cascade,
      room_id text not null,
      version integer not null,
      elements text not null,
      drawn integer not null,
      saved_at bigint not null,
      saved_by text,
      primary key (workspace_id, room_id, version)
    );
  `,
}
