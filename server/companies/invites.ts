/**
 * Invites into a company (issue 13): ordinary workspace invites (role member, made by one of its
 * admins or a host) linked to the company in `company_invites`. Accepting one goes through
 * POST /api/invites/:code/accept like any invite, which then calls `joinInviteCompany`.
 */
import type { FastifyInstance } from 'fastify'
import type { CompanyInvite } from '../../protocol/companies.ts'
import { hashSecret, newId, newSecret } from '../auth/tokens.ts'
import type { InviteRecord, MemberRecord } from '../store/store.ts'
import { announceCompany } from './announce.ts'

const DEFAULT_HOURS = 7 * 24

export async function createCompanyInvite(
  app: FastifyInstance,
  by: MemberRecord,
  companyId: string,
  opts: { email?: string | null | undefined; expiresInHours?: number | undefined },
): Promise<{ invite: CompanyInvite; code: string }> {
  const code = newSecret()
  const createdAt = app.now()
  const record = {
    id: newId('inv', 16), workspaceId: by.workspaceId, role: 'member' as const, email: opts.email ?? null, rooms: [],
    createdBy: by.id, createdAt, expiresAt: createdAt + (opts.expiresInHours ?? DEFAULT_HOURS) * 3_600_000,
  }
  await app.store.createInvite(hashSecret(code), record)
  try {
    await app.store.linkCompanyInvite(by.workspaceId, record.id, companyId)
  } catch (err) {
    // An invite that would not lead into the company must not lead into the workspace either.
    await app.store.revokeInvite(by.workspaceId, record.id, app.now())
    throw err
  }
  const { id, email, createdBy, expiresAt } = record
  return { invite: { id, companyId, email, createdBy, createdAt, expiresAt }, code }
}

/** The company's open invites (never their codes). */
export async function listCompanyInvites(app: FastifyInstance, workspaceId: string, companyId: string): Promise<CompanyInvite[]> {
  const linked = new Set(await app.store.companyInviteIds(workspaceId, companyId))
  const open = await app.store.listOpenInvites(workspaceId, app.now())
  return open.filter((i) => linked.has(i.id)).map(({ id, email, createdBy, createdAt, expiresAt }) => ({ id, companyId, email, createdBy, createdAt, expiresAt }))
}

/** After an invite was accepted: its new member joins the invite's company, if it leads into one that still exists. */
export async function joinInviteCompany(app: FastifyInstance, invite: Pick<InviteRecord, 'id' | 'workspaceId'>, memberId: string): Promise<void> {
  const companyId = await app.store.companyOfInvite(invite.workspaceId, invite.id)
  if (!companyId) return
  await app.store.setCompanyMember(invite.workspaceId, companyId, memberId, false)
  void announceCompany(app, invite.workspaceId, companyId)
}
