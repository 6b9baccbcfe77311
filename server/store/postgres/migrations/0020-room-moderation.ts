/** Room bans and stage speakers: the SQLite store's step 60 (see its comment), in PostgreSQL's words. */
export const roomModeration = {
  version: 20,
  sql: `
    create table room_bans (
      workspace_id text not null references workspaces(id) on delete cascade,
      room_id text not null,
      member_id text not null references members(id) on delete cascade,
      until bigint not null,
      banned_by text not null,
      primary key (workspace_id, room_id, member_id)
    );
    create index room_bans_member on room_bans (member_id);
    create table stage_speakers (
      workspace_id text not null references workspaces(id) on delete cascade,
      room_id text not null,
      member_id text not null references members(id) on delete cascade,
      away_until bigint,
      primary key (workspace_id, room_id, member_id)
    );
    create index stage_speakers_member on stage_speakers (member_id);
  `,
}
