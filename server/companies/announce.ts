/**
 * Tells everyone but guests about a company after a change, through the lobby: the company as it
 * is now, or that it is gone. The notice carries the record, so nobody calls the server back.
 * Announcements of one workspace go out one after another, in the order the changes were made,
 * without holding up the request that made them (LiveKit can take seconds to answer for a lobby
 * nobody is in); a failure is logged, never thrown: the change is made either way.
 */
import type { FastifyInstance } from 'fastify'
import { MAX_COMPANY_NOTICE_BYTES, type CompanyNotice } from '../../protocol/companies.ts'
import { topics } from '../../protocol/presence.ts'

/** Per app (one per server), each workspace's last announcement in line. */
const lines = new WeakMap<FastifyInstance, Map<string, Promise<void>>>()

export function announceCompany(app: FastifyInstance, workspaceId: string, companyId: string): Promise<void> {
  const byWorkspace = lines.get(app) ?? lines.set(app, new Map()).get(app)!
  const next = (byWorkspace.get(workspaceId) ?? Promise.resolve()).then(() => send(app, workspaceId, companyId))
  byWorkspace.set(workspaceId, next)
  void next.then(() => {
    if (byWorkspace.get(workspaceId) === next) byWorkspace.delete(workspaceId)
  })
  return next
}

async function send(app: FastifyInstance, workspaceId: string, companyId: string): Promise<void> {
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
