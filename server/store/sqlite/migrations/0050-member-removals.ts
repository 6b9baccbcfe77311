import type { Database } from 'better-sqlite3'

/**
 * Removals of members, kept after the member record goes:
 * - while `completed_at` is null the removal is under way (the member is being shown out of
 *   LiveKit); a retry of the removal finishes it, and meanwhile they can neither sign in nor join;
 * - once complete, it is what an invite's creation time is compared with: someone removed comes
 *   back only through an invite made after their removal.
 * The account and email are kept because the member id is gone with the member; removals made
 * before this step were not recorded.
 */
export const memberRemovals = {
  version: 50,
  update(db: Database): void {
    db.exec(`
      create table member_removals (
        workspace_id text not null references workspaces(id) on delete cascade,
        member_id text not null,
        account_id text not null references accounts(id) on delete cascade,
        email text not null,
        role text not null,
        started_at integer not null,
        completed_at integer,
        primary key (workspace_id, member_id)
      );
      create index member_removals_account on member_removals(account_id, workspace_id);
    `)
  },
}
