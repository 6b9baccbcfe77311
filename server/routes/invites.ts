import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { AcceptInviteBody, CreateInviteBody, InviteIdParams, InviteParams, InviteSchema, InvitesSchema, SignedInSchema, WorkspaceParams } from '../../protocol/api.ts'
import { ErrorBodySchema } from '../../protocol/errors.ts'
import { inWorkspace, authenticate } from '../auth/authenticate.ts'
import { atLeast } from '../../protocol/rules.ts'
import { passwordAccepted } from '../auth/password-check.ts'
import { hashPassword } from '../auth/passwords.ts'
import { openSession } from '../auth/sessions.ts'
import { joinInviteCompany } from '../companies/invites.ts'
import { hashSecret, newId, newSecret } from '../auth/tokens.ts'
import { ensureDesk } from '../floor/edits.ts'
import { badRequest, conflict, forbidden, gone, notFound } from '../http-error.ts'
import { colourFor } from '../members.ts'

const DEFAULT_INVITE_HOURS = 7 * 24
const USED_OR_EXPIRED = 'this invite was used or has expired; ask for a new one'
const REVOKED = 'this invite was revoked by a host of the workspace; ask for a new one'
const REMOVED = 'you were removed from this workspace after this invite was made; only an invite made since lets you back in, so ask a host for a new one'

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/workspaces/:ws/invites',
    {
      preHandler: authenticate,
      schema: { summary: 'Invite someone (hosts)', params: WorkspaceParams, body: CreateInviteBody, response: { 201: InviteSchema, 403: ErrorBodySchema, 404: ErrorBodySchema } },
    },
    async (request, reply) => {
      const { member } = inWorkspace(request, request.params.ws, 'host')
      const { role, email, rooms = [], expiresInHours = DEFAULT_INVITE_HOURS } = request.body
      if (role === 'owner' || (role === 'host' && !atLeast(member.role, 'owner'))) throw forbidden(`a ${member.role} cannot invite a ${role}`)
      if (role === 'guest' && rooms.length === 0) throw badRequest('a guest invite names the rooms the guest may enter', 'rooms')
      const floors = await app.store.listFloors(member.workspaceId)
      const known = new Set(floors.flatMap((f) => f.rooms.map((r) => r.id)))
      const unknown = rooms.find((r) => !known.has(r))
      if (unknown) throw badRequest(`no room ${unknown} in this workspace`, 'rooms')
      const code = newSecret()
      const id = newId('inv', 16)
      const createdAt = app.now()
      const expiresAt = createdAt + expiresInHours * 3_600_000
      await app.store.createInvite(hashSecret(code), { id, workspaceId: member.workspaceId, role, email: email ?? null, rooms, createdBy: member.id, createdAt, expiresAt })
      const base = app.settings.publicUrl ?? `${request.protocol}://${request.host}`
      reply.code(201)
      return { id, code, url: `${base}/#/invite/${code}`, expiresAt }
    },
  )

  app.get(
    '/api/workspaces/:ws/invites',
    {
      preHandler: authenticate,
      schema: { summary: 'Open invites, never their codes (hosts)', params: WorkspaceParams, response: { 200: InvitesSchema, 403: ErrorBodySchema, 404: ErrorBodySchema } },
    },
    async (request) => {
      const { member } = inWorkspace(request, request.params.ws, 'host')
      const open = await app.store.listOpenInvites(member.workspaceId, app.now())
      return { invites: open.map(({ id, role, email, rooms, createdBy, createdAt, expiresAt }) => ({ id, role, email, rooms, createdBy, createdAt, expiresAt })) }
    },
  )

  app.delete(
    '/api/workspaces/:ws/invites/:id',
    {
      preHandler: authenticate,
      schema: { summary: 'Revoke an invite (hosts)', params: InviteIdParams, response: { 204: Type.Null(), 403: ErrorBodySchema, 404: ErrorBodySchema } },
    },
    async (request, reply) => {
      const { member } = inWorkspace(request, request.params.ws, 'host')
      if (!(await app.store.revokeInvite(member.workspaceId, request.params.id, app.now()))) throw notFound('invite')
      reply.code(204)
      return null
    },
  )

  app.post(
    '/api/invites/:code/accept',
    { schema: { summary: 'Join a workspace with an invite', params: InviteParams, body: AcceptInviteBody, response: { 201: SignedInSchema, 400: ErrorBodySchema, 403: ErrorBodySchema, 409: ErrorBodySchema, 410: ErrorBodySchema, 429: ErrorBodySchema } } },
    async (request, reply) => {
      const codeHash = hashSecret(request.params.code)
      const invite = await app.store.getInvite(codeHash)
      if (invite?.revokedAt != null) throw gone(REVOKED)
      if (!invite || invite.usedAt !== null || invite.expiresAt <= app.now()) throw gone(USED_OR_EXPIRED)
      const { name, email, password } = request.body
      if (invite.email && invite.email.toLowerCase() !== email.toLowerCase()) throw badRequest('this invite is for another email address', 'email')
      const existing = await app.store.findAccountByEmail(email)
      // An unused invite must not become a way to guess an existing account's password: the check
      // counts toward the same failure lockouts as signing in.
      if (existing && !(await passwordAccepted(app, request, reply, email, password, existing))) {
        throw conflict('an account with this email already exists; use its password')
      }
      const memberId = newId('mem')
      const account = existing
        ? { existingId: existing.id }
        : { id: newId('acc'), email, name, passwordHash: await hashPassword(password, app.settings.passwordCost), colour: colourFor(email) }
      const result = await app.store.acceptInvite(codeHash, { memberId, role: invite.role, rooms: invite.rooms, account }, app.now())
      if (result === 'revoked') throw gone(REVOKED)
      if (result === 'gone') throw gone(USED_OR_EXPIRED)
      if (result === 'email-taken') throw conflict('you are already a member of this workspace; sign in')
      if (result === 'removed') throw forbidden(REMOVED)
      // Issue 13: an invite a company admin made puts its new member into that company too.
      await joinInviteCompany(app, invite, memberId)
      if (invite.role !== 'guest') await ensureDesk(app, invite.workspaceId, memberId)
      const [member, workspace] = await Promise.all([app.store.getMember(invite.workspaceId, memberId), app.store.getWorkspace(invite.workspaceId)])
      reply.code(201)
      return openSession(app, member!, workspace!)
    },
  )
}

export default routes
