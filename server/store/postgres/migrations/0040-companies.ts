/** Companies: the SQLite store's step 80 (see its comment), in PostgreSQL's words. */
export const companies = {
  version: 40,
  sql: `
    create table companies (
      workspace_id text not null references workspaces(id) on delete cascade,
      id text not null,
      name text not null,
      created_at bigint not null,
      primary key (workspace_id, id)
    );
    create unique index companies_name on companies (workspace_id, lower(name));
    create table company_members (
      workspace_id text not null,
      member_id text not null references members(id) on delete cascade,
      company_id text not null,
      admin boolean not null default false,
      primary key (workspace_id, member_id),
      foreign key (workspace_id, company_id) references companies(workspace_id, id) on delete cascade
    );
    create index company_members_company on company_members (workspace_id, company_id);
    create table company_invites (
      invite_id text primary key references invites(id) on delete cascade,
      workspace_id text not null,
      company_id text not null,
      foreign key (workspace_id, company_id) references companies(workspace_id, id) on delete cascade
    );
    create index company_invites_company on company_invites (workspace_id, company_id);
  `,
}
