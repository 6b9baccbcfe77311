/**
 * Removing a company, in an order a retry can finish after a failure anywhere (the company stays
 * until the last step, so the same DELETE again carries on):
 * 1. its tags are cleared from every floor (its rooms become ordinary rooms, live for everyone);
 * 2. its invites are revoked;
 * 3. it goes, and every member is detached from it (the store's cascade);
 * 4. its tags are cleared once more: a host's edit that tagged a room with it between steps 1 and
 *    3 (the company still existed) would otherwise leave a company-only room that shuts out
 *    everyone, hosts too, for a company nobody can belong to. From step 3 on, no edit may tag it.
 * Nobody is shown out: once step 1 is done its rooms no longer shut anyone out.
 */
import type { FastifyInstance } from 'fastify'
import { clearCompanyTags } from './floor-tags.ts'
import { revokeCompanyInvites } from './leaving.ts'

export async function removeCompany(app: FastifyInstance, workspaceId: string, companyId: string, authorId: string): Promise<string[] | null> {
  await clearCompanyTags(app, workspaceId, companyId, authorId)
  await revokeCompanyInvites(app, workspaceId, companyId, null)
  const detached = await app.store.deleteCompany(workspaceId, companyId)
  await clearCompanyTags(app, workspaceId, companyId, authorId)
  return detached
}
