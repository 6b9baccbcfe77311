import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { CreateWorkspaceBody, SignedInSchema } from '../../protocol/api.ts'
import { ErrorBodySchema } from '../../protocol/errors.ts'
import { passwordAccepted } from '../auth/password-check.ts'
import { hashPassword } from '../auth/passwords.ts'
import { workspaceCreationLimit } from '../auth/rate-limit.ts'
import { openSession } from '../auth/sessions.ts'
import { newId } from '../auth/tokens.ts'
import { starterFloor } from '../floor/starter.ts'
import { conflict } from '../http-error.ts'
import { colourFor } from '../members.ts'

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/workspaces',
    {
      config: { rateLimit: workspaceCreationLimit },
      schema: { summary: 'Create a workspace; the caller becomes its owner', body: CreateWorkspaceBody, response: { 201: SignedInSchema, 409: ErrorBodySchema, 429: ErrorBodySchema } },
    },
    async (request, reply) => {
      const { name, owner } = request.body
      const existing = await app.store.findAccountByEmail(owner.email)
      // An existing account may open another workspace, but only with its own password; checking
      // it is a password guess like a sign-in, so it is under the same lockouts.
      if (existing && !(await passwordAccepted(app, request, reply, owner.email, owner.password, existing))) {
        throw conflict('an account with this email already exists; use its password or sign in')
      }
      const workspace = { id: newId('ws'), name, createdAt: app.now() }
      const memberId = newId('mem')
      const account = existing
        ? { existingId: existing.id }
        : { id: newId('acc'), email: owner.email, name: owner.name, passwordHash: await hashPassword(owner.password, app.settings.passwordCost), colour: colourFor(owner.email) }
      await app.store.createWorkspace(workspace, { memberId, role: 'owner', rooms: [], account }, starterFloor(memberId))
      const member = (await app.store.getMember(workspace.id, memberId))!
      reply.code(201)
      return openSession(app, member, workspace)
    },
  )
}

export default routes
