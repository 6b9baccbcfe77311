/**
 * Removing a company, in an order a retry can finish after a failure anywhere (the company stays
 * until the last step, so the same DELETE again carries on):
 * 1. its tags are cleared from every floor (its rooms become ordinary rooms, live for everyone);
 * 2. its invites are revoked;
 * 3. it goes, and every member is detached from it (the store's cascade).
 * Nobody is shown out: once step 1 is done its rooms no longer shut anyone out.
 */
import type { FastifyInstance } from 'fastify'
import { clearCompanyTags } from './floor-tags.ts'
import { revokeCompanyInvites } from './leaving.ts'

export async function removeCompany(app: FastifyInstance, workspaceId: string, companyId: string, authorId: string): Promise<string[] | null> {
  await clearCompanyTags(app, workspaceId, companyId, authorId)
  await revokeCompanyInvites(app, workspaceId, companyId, null)
  return app.store.deleteCompany(workspaceId, companyId)
}
