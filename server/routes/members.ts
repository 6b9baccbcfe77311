import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import Type from 'typebox'
import { MemberParams, MembersSchema, PatchMemberBody, WorkspaceParams, MemberSchema } from '../../protocol/api.ts'
import { ErrorBodySchema } from '../../protocol/errors.ts'
import { atLeast } from '../../protocol/rules.ts'
import { authenticate, inWorkspace } from '../auth/authenticate.ts'
import { removalRefusal, roleChangeRefusal } from '../auth/role-change.ts'
import { ensureDesk } from '../floor/edits.ts'
import { showOutMember } from '../floor/show-out.ts'
import { forbidden, notFound } from '../http-error.ts'
import { toMember } from '../members.ts'
import { finishRemoval } from '../removal.ts'
import { announceCompany } from '../companies/announce.ts'
import { afterLeaving } from '../companies/leaving.ts'

async function leaveCompany(app: FastifyInstance, workspaceId: string, memberId: string): Promise<void> {
  const standing = (await app.store.companyOfMembers(workspaceId)).get(memberId)
  if (!standing) return
  if (!(await app.store.removeCompanyMember(workspaceId, standing.companyId, memberId))) return
  void announceCompany(app, workspaceId, standing.companyId)
  await afterLeaving(app, workspaceId, standing.companyId, memberId, standing.admin)
}

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/workspaces/:ws/members',
    { preHandler: authenticate, schema: { summary: 'The member directory (guests: names and colours only)', params: WorkspaceParams, response: { 200: MembersSchema } } },
    async (request) => {
      const { member } = inWorkspace(request, request.params.ws, 'guest')
      const [members, floors, companyOf, photoVersions] = await Promise.all([
        app.store.listMembers(member.workspaceId),
        app.store.listFloors(member.workspaceId),
        app.store.companyOfMembers(member.workspaceId),
        app.store.photoVersions(member.workspaceId),
      ])
      const listed = members.map((m) => toMember(m, floors, member, { companyOf, photoVersions }))
      // Names come from here, never from peers; a guest sees who people are, not where they sit or when they were last seen.
      return { members: member.role === 'guest' ? listed.map((m) => ({ ...m, deskId: null, lastSeenAt: null })) : listed }
    },
  )

  app.patch(
    '/api/workspaces/:ws/members/:id',
    {
      preHandler: authenticate,
      schema: {
        summary: 'Change a role (owners: any; hosts: between member and guest)',
        params: MemberParams,
        body: PatchMemberBody,
        response: { 200: MemberSchema, 400: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema },
      },
    },
    async (request) => {
      const { member } = inWorkspace(request, request.params.ws, 'host')
      const { role } = request.body
      const target = await app.store.getMember(member.workspaceId, request.params.id)
      if (!target) throw notFound('member')
      const refusal = roleChangeRefusal(member, target, role)
      if (refusal) throw forbidden(refusal)
      // In the same step, the store revokes the open invites the new role could not make: an owner
      // made a host loses their invites of hosts, anyone made a member or guest all of theirs.
      const result = await app.store.setRole(member.workspaceId, target.id, role, app.now())
      if (result === 'not-found') throw notFound('member')
      if (result === 'last-owner') throw forbidden('the last owner cannot step down; make someone else owner first')
      // A guest made a member gets a desk, as a member joining does.
      if (target.role === 'guest' && role !== 'guest') await ensureDesk(app, member.workspaceId, target.id)
      // A guest belongs to no company: made one, they leave theirs as if they had left it themselves.
      if (role === 'guest') await leaveCompany(app, member.workspaceId, target.id)
      // A lower role takes effect inside too: out of the rooms it does not let them be in.
      if (!atLeast(role, target.role)) await showOutMember(app, member.workspaceId, target.id)
      const [floors, companyOf, photoVersions] = await Promise.all([
        app.store.listFloors(member.workspaceId),
        app.store.companyOfMembers(member.workspaceId),
        app.store.photoVersions(member.workspaceId),
      ])
      return toMember({ ...target, role }, floors, member, { companyOf, photoVersions })
    },
  )

  app.delete(
    '/api/workspaces/:ws/members/:id',
    {
      preHandler: authenticate,
      schema: {
        summary: 'Remove a member (hosts; a host only by an owner); after a 503, the same call finishes the removal',
        params: MemberParams,
        response: { 204: Type.Null(), 403: ErrorBodySchema, 404: ErrorBodySchema, 503: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      const { member } = inWorkspace(request, request.params.ws, 'host')
      const target = await app.store.getMember(member.workspaceId, request.params.id)
      // A removal that stopped halfway was decided already: whichever host retries it finishes it.
      if (target) {
        const refusal = removalRefusal(member, target)
        if (refusal) throw forbidden(refusal)
      } else if (!(await app.store.pendingRemoval(member.workspaceId, request.params.id))) {
        throw notFound('member')
      }
      // From here they are signed out and kept out, even if the rest has to wait for a retry.
      await app.store.beginRemoval(member.workspaceId, request.params.id, app.now())
      await finishRemoval(app, member.workspaceId, request.params.id, member.id)
      reply.code(204)
      return null
    },
  )
}

export default routes
