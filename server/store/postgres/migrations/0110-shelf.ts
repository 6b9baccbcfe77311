/** Issue 14: shelves of desks and rooms; the SQLite store's step 150 (see its comment), in PostgreSQL's words. */
export const shelf = {
  version: 110,
  sql: `
    create table shelf_items (
      workspace_id text not null references workspaces(id) on delete cascade,
      id text not null,
      place_id text not null,
      kind text not null check (kind in ('note', 'file')),
      title text not null,
      body text not null,
      search text not null,
      storage_key text,
      file_type text,
      file_size bigint,
      author_id text,
      created_at bigint not null,
      updated_at bigint not null,
      primary key (workspace_id, id)
    );
    create index shelf_items_place on shelf_items (workspace_id, place_id, created_at);
    create table shelf_comments (
      workspace_id text not null,
      id text not null,
      item_id text not null,
      author_id text,
      body text not null,
      created_at bigint not null,
      updated_at bigint not null,
      primary key (workspace_id, id),
      foreign key (workspace_id, item_id) references shelf_items(workspace_id, id) on delete cascade
    );
    create index shelf_comments_item on shelf_comments (workspace_id, item_id, created_at);
    create table shelf_follows (
      workspace_id text not null references workspaces(id) on delete cascade,
      place_id text not null,
      member_id text not null references members(id) on delete cascade,
      at bigint not null,
      primary key (workspace_id, place_id, member_id)
    );
    create index shelf_follows_member on shelf_follows (member_id);
  `,
}
