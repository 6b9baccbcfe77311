/**
 * Who may do what to a company: hosts (and owners) manage every company; a company's admins manage
 * its membership and its invites, never another company's and never who its admins are.
 */
import type { FastifyInstance } from 'fastify'
import type { Company } from '../../protocol/companies.ts'
import { atLeast } from '../../protocol/rules.ts'
import { forbidden, notFound } from '../http-error.ts'
import type { MemberRecord } from '../store/store.ts'

/** The company, which must exist in the caller's workspace (another workspace's is not found). */
export async function companyOr404(app: FastifyInstance, workspaceId: string, companyId: string): Promise<Company> {
  const company = await app.store.getCompany(workspaceId, companyId)
  if (!company) throw notFound('company')
  return company
}

export const isHost = (member: Pick<MemberRecord, 'role'>): boolean => atLeast(member.role, 'host')

export const isAdminOf = (company: Company, memberId: string): boolean => company.admins.includes(memberId)

/** The company, if `member` manages it (a host, or one of its admins); 403 otherwise. */
export async function managedCompany(app: FastifyInstance, member: MemberRecord, companyId: string): Promise<Company> {
  const company = await companyOr404(app, member.workspaceId, companyId)
  if (!isHost(member) && !isAdminOf(company, member.id)) throw forbidden(`only hosts and the admins of ${company.name} manage it`)
  return company
}
