import type { Database } from 'better-sqlite3'

/**
 * Invites get an id (hosts list and revoke them by it, never by their code), the time they were
 * made and a revocation time; hosts' private floor drafts get their table.
 *
 * The invites table is rebuilt, SQLite's way to change a primary key. Rows from before this step
 * did not record when they were made: they get the time of the upgrade, or their expiry if earlier.
 */
export const invitesAndDrafts = {
  version: 30,
  update(db: Database): void {
    db.exec(`
      create table invites_next (
        id text primary key,
        code_hash text not null unique,
        workspace_id text not null references workspaces(id) on delete cascade,
        role text not null,
        email text,
        rooms text not null default '[]',
        created_by text not null,
        created_at integer not null,
        expires_at integer not null,
        used_at integer,
        revoked_at integer
      );
    `)
    db.prepare(`insert into invites_next (id, code_hash, workspace_id, role, email, rooms, created_by, created_at, expires_at, used_at, revoked_at)
      select 'inv_' || lower(hex(randomblob(12))), code_hash, workspace_id, role, email, rooms, created_by, min(?, expires_at), expires_at, used_at, null
      from invites`).run(Date.now())
    db.exec(`
      drop table invites;
      alter table invites_next rename to invites;
      create index invites_workspace on invites(workspace_id, created_by);

      create table floor_drafts (
        workspace_id text not null,
        floor_id text not null,
        member_id text not null references members(id) on delete cascade,
        base_version integer not null,
        base_doc text not null,
        ops text not null,
        updated_at integer not null,
        primary key (workspace_id, floor_id, member_id),
        foreign key (workspace_id, floor_id) references floors(workspace_id, id) on delete cascade
      );
      create index floor_drafts_member on floor_drafts(member_id);
    `)
  },
}
