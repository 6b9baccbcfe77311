import type { Database } from 'better-sqlite3'

/**
 * Issue 14: the board of who works on what. `board_entries` holds each member's line and pinned
 * tasks (at most three, as JSON: always read and written whole); `board_history` every change,
 * as the entry was right after it, in the order made (its rowid; PostgreSQL's `arrival`), trimmed
 * to the last few per member by the store. Both go with
 * the member (foreign keys cascade), so a removal leaves nothing behind.
 */
export const board = {
  version: 130,
  update(db: Database): void {
    db.exec(`
      create table board_entries (
        member_id text primary key references members(id) on delete cascade,
        workspace_id text not null references workspaces(id) on delete cascade,
        text text not null default '',
        link text,
        since integer not null,
        tasks text not null default '[]',
        updated_at integer not null
      );
      create index board_entries_workspace on board_entries(workspace_id);
      create table board_history (
        member_id text not null references members(id) on delete cascade,
        workspace_id text not null,
        at integer not null,
        kind text not null check (kind in ('line', 'tasks')),
        text text not null,
        link text,
        since integer not null,
        tasks text not null
      );
      create index board_history_member on board_history(member_id);
    `)
  },
}
