/**
 * Entrants for the door rule (protocol/rules.ts decideEntry): a member as the store has them, plus
 * their company, which decides company-only rooms. Every server check of a door builds them here.
 */
import type { FastifyInstance } from 'fastify'
import type { Entrant } from '../../protocol/rules.ts'
import type { MemberRecord } from '../store/store.ts'

export type CompanyEntrant = MemberRecord & Pick<Entrant, 'companyId'>

export async function entrantOf(app: FastifyInstance, member: MemberRecord): Promise<CompanyEntrant> {
  const membership = await app.store.companyOfMember(member.workspaceId, member.id)
  return { ...member, companyId: membership?.companyId ?? null }
}

/** `members` by id, each with their company (one read of the workspace's companies for all). */
export async function entrantsOf(app: FastifyInstance, workspaceId: string, members: readonly MemberRecord[]): Promise<Map<string, CompanyEntrant>> {
  const companies = await app.store.companyOfMembers(workspaceId)
  return new Map(members.map((m) => [m.id, { ...m, companyId: companies.get(m.id)?.companyId ?? null }]))
}
