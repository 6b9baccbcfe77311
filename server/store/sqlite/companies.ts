/** Companies in the SQLite store: companies, who is in which (at most one each), invites into one. */
import type { Company } from '../../../protocol/companies.ts'
import type { CompanyMembership, CompanyStore } from '../companies-store.ts'
import type { Connection } from './connection.ts'

interface CompanyRow { id: string; name: string; created_at: number }
interface MemberRow { member_id: string; company_id: string; admin: number }

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

export function companyMethods(c: Connection): CompanyStore {
  const { sql, write } = c
  const membersOf = (workspaceId: string) =>
    sql('select member_id, company_id, admin from company_members where workspace_id = ? order by member_id').all(workspaceId) as MemberRow[]
  return {
    async listCompanies(workspaceId) {
      const rows = sql('select id, name, created_at from companies where workspace_id = ? order by name, id').all(workspaceId) as CompanyRow[]
      return assemble(rows, membersOf(workspaceId))
    },
    async getCompany(workspaceId, companyId) {
      const row = sql('select id, name, created_at from companies where workspace_id = ? and id = ?').get(workspaceId, companyId) as CompanyRow | undefined
      if (!row) return null
      const members = sql('select member_id, company_id, admin from company_members where workspace_id = ? and company_id = ? order by member_id')
        .all(workspaceId, companyId) as MemberRow[]
      return assemble([row], members)[0] ?? null
    },
    async companyOfMembers(workspaceId) {
      return new Map(membersOf(workspaceId).map((m): [string, CompanyMembership] => [m.member_id, { companyId: m.company_id, admin: m.admin === 1 }]))
    },
    async companyOfMember(workspaceId, memberId) {
      const m = sql('select company_id, admin from company_members where workspace_id = ? and member_id = ?').get(workspaceId, memberId) as Omit<MemberRow, 'member_id'> | undefined
      return m ? { companyId: m.company_id, admin: m.admin === 1 } : null
    },
    async createCompany(workspaceId, company) {
      sql('insert into companies (workspace_id, id, name, created_at) values (?, ?, ?, ?)').run(workspaceId, company.id, company.name, company.createdAt)
    },
    async renameCompany(workspaceId, companyId, name) {
      return write(() => {
        if (!sql('select 1 from companies where workspace_id = ? and id = ?').get(workspaceId, companyId)) return 'missing'
        if (sql('select 1 from companies where workspace_id = ? and name = ? and id <> ?').get(workspaceId, name, companyId)) return 'name-taken'
        sql('update companies set name = ? where workspace_id = ? and id = ?').run(name, workspaceId, companyId)
        return 'ok'
      })
    },
    async deleteCompany(workspaceId, companyId) {
      return write(() => {
        if (!sql('select 1 from companies where workspace_id = ? and id = ?').get(workspaceId, companyId)) return null
        const members = sql('select member_id from company_members where workspace_id = ? and company_id = ? order by member_id')
          .all(workspaceId, companyId) as { member_id: string }[]
        // Members and invite links go with it (cascade).
        sql('delete from companies where workspace_id = ? and id = ?').run(workspaceId, companyId)
        return members.map((m) => m.member_id)
      })
    },
    async setCompanyMember(workspaceId, companyId, memberId, admin) {
      return write(() => {
        if (!sql('select 1 from companies where workspace_id = ? and id = ?').get(workspaceId, companyId)) return 'missing'
        if (!sql('select 1 from members where workspace_id = ? and id = ?').get(workspaceId, memberId)) return 'missing'
        const now = sql('select company_id from company_members where workspace_id = ? and member_id = ?').get(workspaceId, memberId) as { company_id: string } | undefined
        if (now && now.company_id !== companyId) return 'elsewhere'
        sql(`insert into company_members (workspace_id, member_id, company_id, admin) values (?, ?, ?, ?)
          on conflict (workspace_id, member_id) do update set admin = excluded.admin`).run(workspaceId, memberId, companyId, admin ? 1 : 0)
        return 'ok'
      })
    },
    async removeCompanyMember(workspaceId, companyId, memberId) {
      return sql('delete from company_members where workspace_id = ? and company_id = ? and member_id = ?').run(workspaceId, companyId, memberId).changes > 0
    },
    async linkCompanyInvite(workspaceId, inviteId, companyId) {
      sql('insert into company_invites (invite_id, workspace_id, company_id) values (?, ?, ?)').run(inviteId, workspaceId, companyId)
    },
    async companyOfInvite(workspaceId, inviteId) {
      const row = sql('select company_id from company_invites where workspace_id = ? and invite_id = ?').get(workspaceId, inviteId) as { company_id: string } | undefined
      return row?.company_id ?? null
    },
    async companyInviteIds(workspaceId, companyId) {
      const rows = sql('select invite_id from company_invites where workspace_id = ? and company_id = ? order by invite_id').all(workspaceId, companyId) as { invite_id: string }[]
      return rows.map((r) => r.invite_id)
    },
  }
}
