import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { MemberSchema, PatchMeBody, SignInBody, SignedInSchema, SignedOutEverywhereSchema, WorkspaceSchema } from '../../protocol/api.ts'
import { ErrorBodySchema } from '../../protocol/errors.ts'
import { authOf, authenticate } from '../auth/authenticate.ts'
import { passwordAccepted } from '../auth/password-check.ts'
import { hashPassword } from '../auth/passwords.ts'
import { openSession } from '../auth/sessions.ts'
import { ensureDesk } from '../floor/edits.ts'
import { badRequest, unauthorized } from '../http-error.ts'
import { showOutEndedSessions } from '../livekit/session-check.ts'
import { toMember } from '../members.ts'

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/sessions',
    { schema: { summary: 'Sign in', body: SignInBody, response: { 201: SignedInSchema, 401: ErrorBodySchema, 429: ErrorBodySchema } } },
    async (request, reply) => {
      const { email, password, workspaceId } = request.body
      const account = await app.store.findAccountByEmail(email)
      // Same work and same answer for an unknown email and a wrong password.
      if (!(await passwordAccepted(app, request, reply, email, password, account)) || !account) throw unauthorized('wrong email or password')
      const memberships = await app.store.membersOfAccount(account.id)
      const member = workspaceId ? memberships.find((m) => m.workspaceId === workspaceId) : memberships[0]
      if (!member) throw unauthorized('wrong email or password')
      const workspace = (await app.store.getWorkspace(member.workspaceId))!
      // A desk on first sign-in only. lastSeenAt is null only for someone never signed in (every
      // session opened sets it, and it outlasts the session rows that signing out deletes) nor in
      // the lobby. Anyone seen without a desk was left so by a host (a hot-desker) and keeps none.
      // Joining by invite opens a session too, and seats the member there (routes/invites.ts).
      if (member.role !== 'guest' && member.lastSeenAt === null) await ensureDesk(app, workspace.id, member.id)
      reply.code(201)
      return openSession(app, member, workspace)
    },
  )

  app.delete('/api/sessions/current', { preHandler: authenticate, schema: { summary: 'Sign out', response: { 204: Type.Null() } } }, async (request, reply) => {
    await app.store.deleteSession(authOf(request).tokenHash)
    reply.code(204)
    return null
  })

  app.delete(
    '/api/sessions',
    { preHandler: authenticate, schema: { summary: "Sign out everywhere: every session of the caller's account, in every workspace", response: { 200: SignedOutEverywhereSchema } } },
    async (request) => {
      const { member } = authOf(request)
      const sessionsEnded = await app.store.deleteSessionsOfAccount(member.accountId)
      // A device signed out should not stay in the office on the LiveKit tokens it still holds.
      for (const m of await app.store.membersOfAccount(member.accountId)) {
        void app.rooms.removeMember(m.workspaceId, m.id).catch((err: unknown) => app.log.warn({ err, memberId: m.id }, 'could not remove a member signed out everywhere from LiveKit'))
      }
      return { sessionsEnded }
    },
  )

  const MeSchema = Type.Object({ member: MemberSchema, workspace: WorkspaceSchema })

  app.get('/api/me', { preHandler: authenticate, schema: { summary: 'Who am I', response: { 200: MeSchema } } }, async (request) => {
    const { member } = authOf(request)
    const [workspace, floors] = await Promise.all([app.store.getWorkspace(member.workspaceId), app.store.listFloors(member.workspaceId)])
    return { member: toMember(member, floors, member), workspace: workspace! }
  })

  app.patch(
    '/api/me',
    { preHandler: authenticate, schema: { summary: 'Change my name, password or avatar colour', body: PatchMeBody, response: { 200: MeSchema, 400: ErrorBodySchema, 429: ErrorBodySchema } } },
    async (request, reply) => {
      const { member, tokenHash } = authOf(request)
      const { name, colour, password, currentPassword } = request.body
      let passwordHash: string | undefined
      if (password !== undefined) {
        if (!currentPassword) throw badRequest('changing the password needs the current password', 'currentPassword')
        // A stolen session must not become a way to guess the password behind it: the same lockouts.
        const account = await app.store.findAccountByEmail(member.email)
        if (!(await passwordAccepted(app, request, reply, member.email, currentPassword, account))) {
          throw badRequest('changing the password needs the current password', 'currentPassword')
        }
        passwordHash = await hashPassword(password, app.settings.passwordCost)
      }
      await app.store.updateAccount(member.accountId, {
        ...(name !== undefined ? { name } : {}),
        ...(colour !== undefined ? { colour } : {}),
        ...(passwordHash !== undefined ? { passwordHash } : {}),
      })
      // A new password ends every other session of the account, and their connections to LiveKit.
      if (passwordHash) {
        await app.store.deleteSessionsOfAccount(member.accountId, tokenHash)
        void showOutEndedSessions(app, member.accountId)
      }
      const [fresh, workspace, floors] = await Promise.all([
        app.store.getMember(member.workspaceId, member.id),
        app.store.getWorkspace(member.workspaceId),
        app.store.listFloors(member.workspaceId),
      ])
      return { member: toMember(fresh!, floors, fresh!), workspace: workspace! }
    },
  )
}

export default routes
