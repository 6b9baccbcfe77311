import type { Database } from 'better-sqlite3'

/**
 * Issue 14: shelves of desks and rooms (a shelf is a place id and has no row of its own):
 * - shelf_items: notes (title, Markdown body) and files (name as title; bytes in the BlobStore
 *   under `storage_key`, with the type found from the content and the size);
 * - shelf_comments: each item's thread, gone with the item;
 * - shelf_follows: who follows a shelf, gone with the member.
 * `search` is the title and body lower-cased by the server (one rule of case for both stores).
 * Authors are not foreign keys: what someone put on a shelf stays when they leave.
 */
export const shelf = {
  version: 150,
  update(db: Database): void {
    db.exec(`
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
        file_size integer,
        author_id text,
        created_at integer not null,
        updated_at integer not null,
        primary key (workspace_id, id)
      );
      create index shelf_items_place on shelf_items (workspace_id, place_id, created_at);
      create table shelf_comments (
        workspace_id text not null,
        id text not null,
        item_id text not null,
        author_id text,
        body text not null,
        created_at integer not null,
        updated_at integer not null,
        primary key (workspace_id, id),
        foreign key (workspace_id, item_id) references shelf_items(workspace_id, id) on delete cascade
      );
      create index shelf_comments_item on shelf_comments (workspace_id, item_id, created_at);
      create table shelf_follows (
        workspace_id text not null references workspaces(id) on delete cascade,
        place_id text not null,
        member_id text not null references members(id) on delete cascade,
        at integer not null,
        primary key (workspace_id, place_id, member_id)
      );
      create index shelf_follows_member on shelf_follows (member_id);
    `)
  },
}
