/** Issue 14: the board of who works on what: the SQLite store's step 130 (see its comment), in PostgreSQL's words. */
export const board = {
  version: 90,
  sql: `
    create table board_entries (
      member_id text primary key references members(id) on delete cascade,
      workspace_id text not null references workspaces(id) on delete cascade,
      text text not null default '',
      link text,
      since bigint not null,
      tasks text not null default '[]',
      updated_at bigint not null
    );
    create index board_entries_workspace on board_entries (workspace_id);
    create table board_history (
      member_id text not null references members(id) on delete cascade,
      workspace_id text not null,
      at bigint not null,
      kind text not null check (kind in ('line', 'tasks')),
      text text not null,
      link text,
      since bigint not null,
      tasks text not null,
      -- The order changes were made in (SQLite's rowid).
      arrival bigint generated always as identity
    );
    create index board_history_member on board_history (member_id, arrival);
  `,
}
