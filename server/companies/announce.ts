/**
 * Tells everyone but guests about a company after a change, through the lobby: the company as it
 * is now, or that it is gone. The notice carries the record, so nobody calls the server back.
 * Awaited by the change's request, so one actor's changes are announced in the order made; it
 * never throws (the change is made whether or not the announcement goes out).
 */
import type { FastifyInstance } from 'fastify'
import { MAX_COMPANY_NOTICE_BYTES, type CompanyNotice } from '../../protocol/companies.ts'
import { topics } from '../../protocol/presence.ts'

export async function announceCompany(app: FastifyInstance, workspaceId: string, companyId: string): Promise<void> {
  try {
    const [companies, members] = await Promise.all([app.store.listCompanies(workspaceId), app.store.listMembers(workspaceId)])
    const company = companies.find((c) => c.id === companyId)
    const notice: CompanyNotice = company ? { type: 'company', company } : { type: 'company-gone', companyId }
    if (Buffer.byteLength(JSON.stringify(notice)) > MAX_COMPANY_NOTICE_BYTES) return
    const to = members.filter((m) => m.role !== 'guest' && m.removingSince == null).map((m) => m.id)
    await app.rooms.sendToMembers(workspaceId, to, topics.companies, notice)
  } catch (err) {
    // The change is made; only its announcement failed: clients read the list again on focus.
    app.log.warn({ err, workspaceId, companyId }, 'could not announce a company change')
  }
}
