import type { Database } from 'better-sqlite3'

/**
 * Companies in one workspace (issue 13). A member is in at most one company (the primary key of
 * `company_members` is the member), and leaves it when they leave the workspace (cascade).
 * `company_invites` links a workspace invite to the company its acceptance puts the new member in;
 * the invite itself stays in `invites`, so accepting, listing and revoking work as for any invite.
 */
export const companies = {
  version: 80,
  update(db: Database): void {
    db.exec(`
      create table companies (
        workspace_id text not null references workspaces(id) on delete cascade,
        id text not null,
        name text not null collate nocase,
        created_at integer not null,
        primary key (workspace_id, id),
        unique (workspace_id, name)
      );
      create table company_members (
        workspace_id text not null,
        member_id text not null references members(id) on delete cascade,
        company_id text not null,
        admin integer not null default 0,
        primary key (workspace_id, member_id),
        foreign key (workspace_id, company_id) references companies(workspace_id, id) on delete cascade
      );
      create index company_members_company on company_members(workspace_id, company_id);
      create table company_invites (
        invite_id text primary key references invites(id) on delete cascade,
        workspace_id text not null,
        company_id text not null,
        foreign key (workspace_id, company_id) references companies(workspace_id, id) on delete cascade
      );
      create index company_invites_company on company_invites(workspace_id, company_id);
    `)
  },
}
