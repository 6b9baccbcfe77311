/**
 * Companies in the PostgreSQL store. Decisions that read then write (a member in at most one
 * company, names unique) run under the workspace's lock, as in the other modules.
 */
import type { Company } from '../../../protocol/companies.ts'
import type { CompanyMembership, CompanyStore } from '../companies-store.ts'
import { lockKey, type Connection } from './connection.ts'

interface CompanyRow { id: string; name: string; created_at: number }
interface MemberRow { member_id: string; company_id: string; admin: boolean }

function assemble(companies: CompanyRow[], members: MemberRow[]): Company[] {
  const byId = new Map(companies.map((r): [string, Company] => [r.id, { id: r.id, name: r.name, createdAt: r.created_at, admins: [], members: [] }]))
  for (const m of members) {
    const company = byId.get(m.company_id)
    if (!company) continue
    company.members.push(m.member_id)
    if (m.admin) company.admins.push(m.member_id)
  }
  return [...byId.values()]
}

const memberColumns = 'select member_id, company_id, admin from company_members'

export function companyMethods(c: Connection): CompanyStore {
  const membersOf = (workspaceId: string) =>
    c.rows<MemberRow>(`${memberColumns} where workspace_id = $1 order by member_id collate "C"`, [workspaceId])
  return {
    async listCompanies(workspaceId) {
      // Ordered as SQLite's nocase column orders them: case aside, then by id.
      const rows = await c.rows<CompanyRow>('select id, name, created_at from companies where workspace_id = $1 order by lower(name) collate "C", id collate "C"', [workspaceId])
      return assemble(rows, await membersOf(workspaceId))
    },
    async getCompany(workspaceId, companyId) {
      const row = await c.one<CompanyRow>('select id, name, created_at from companies where workspace_id = $1 and id = $2', [workspaceId, companyId])
      if (!row) return null
      const members = await c.rows<MemberRow>(`${memberColumns} where workspace_id = $1 and company_id = $2 order by member_id collate "C"`, [workspaceId, companyId])
      return assemble([row], members)[0] ?? null
    },
    async companyOfMembers(workspaceId) {
      const rows = await membersOf(workspaceId)
      return new Map(rows.map((m): [string, CompanyMembership] => [m.member_id, { companyId: m.company_id, admin: m.admin }]))
    },
    async companyOfMember(workspaceId, memberId) {
      const m = await c.one<MemberRow>(`${memberColumns} where workspace_id = $1 and member_id = $2`, [workspaceId, memberId])
      return m ? { companyId: m.company_id, admin: m.admin } : null
    },
    async createCompany(workspaceId, company) {
      await c.run('insert into companies (workspace_id, id, name, created_at) values ($1, $2, $3, $4)', [workspaceId, company.id, company.name, company.createdAt])
    },
    async renameCompany(workspaceId, companyId, name) {
      return c.tx(async (sql) => {
        await sql.lock(lockKey.workspace(workspaceId))
        if (!(await sql.one('select 1 from companies where workspace_id = $1 and id = $2', [workspaceId, companyId]))) return 'missing'
        if (await sql.one('select 1 from companies where workspace_id = $1 and lower(name) = lower($2) and id <> $3', [workspaceId, name, companyId])) return 'name-taken'
        await sql.run('update companies set name = $1 where workspace_id = $2 and id = $3', [name, workspaceId, companyId])
        return 'ok'
      })
    },
    async deleteCompany(workspaceId, companyId) {
      return c.tx(async (sql) => {
        await sql.lock(lockKey.workspace(workspaceId))
        if (!(await sql.one('select 1 from companies where workspace_id = $1 and id = $2', [workspaceId, companyId]))) return null
        const members = await sql.rows<{ member_id: string }>('select member_id from company_members where workspace_id = $1 and company_id = $2 order by member_id collate "C"', [workspaceId, companyId])
        // Members and invite links go with it (cascade).
        await sql.run('delete from companies where workspace_id = $1 and id = $2', [workspaceId, companyId])
        return members.map((m) => m.member_id)
      })
    },
    async setCompanyMember(workspaceId, companyId, memberId, admin) {
      return c.tx(async (sql) => {
        await sql.lock(lockKey.workspace(workspaceId))
        if (!(await sql.one('select 1 from companies where workspace_id = $1 and id = $2', [workspaceId, companyId]))) return 'missing'
        if (!(await sql.one('select 1 from members where workspace_id = $1 and id = $2', [workspaceId, memberId]))) return 'missing'
        const now = await sql.one<{ company_id: string }>('select company_id from company_members where workspace_id = $1 and member_id = $2', [workspaceId, memberId])
        if (now && now.company_id !== companyId) return 'elsewhere'
        await sql.run(`insert into company_members (workspace_id, member_id, company_id, admin) values ($1, $2, $3, $4)
          on conflict (workspace_id, member_id) do update set admin = excluded.admin`, [workspaceId, memberId, companyId, admin])
        return 'ok'
      })
    },
    async removeCompanyMember(workspaceId, companyId, memberId) {
      return (await c.run('delete from company_members where workspace_id = $1 and company_id = $2 and member_id = $3', [workspaceId, companyId, memberId])) > 0
    },
    async linkCompanyInvite(workspaceId, inviteId, companyId) {
      await c.run('insert into company_invites (invite_id, workspace_id, company_id) values ($1, $2, $3)', [inviteId, workspaceId, companyId])
    },
    async companyOfInvite(workspaceId, inviteId) {
      const row = await c.one<{ company_id: string }>('select company_id from company_invites where workspace_id = $1 and invite_id = $2', [workspaceId, inviteId])
      return row?.company_id ?? null
    },
    async companyInviteIds(workspaceId, companyId) {
      const rows = await c.rows<{ invite_id: string }>('select invite_id from company_invites where workspace_id = $1 and company_id = $2 order by invite_id collate "C"', [workspaceId, companyId])
      return rows.map((r) => r.invite_id)
    },
  }
}
