import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import Type from 'typebox'
import { MemberParams, MembersSchema, PatchMemberBody, WorkspaceParams, MemberSchema } from '../../protocol/api.ts'
import { ErrorBodySchema } from '../../protocol/errors.ts'
import { authenticate, inWorkspace } from '../auth/authenticate.ts'
import { removalRefusal, roleChangeRefusal } from '../auth/role-change.ts'
import { applyEdit, ensureDesk } from '../floor/edits.ts'
import { forbidden, notFound } from '../http-error.ts'
import { toMember } from '../members.ts'

/** Takes a member off a floor's desks, ownerships and allow-lists; a concurrent edit is caught up with. */
async function releaseFromFloor(app: FastifyInstance, workspaceId: string, floorId: string, memberId: string, authorId: string): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const floor = await app.store.getFloor(workspaceId, floorId)
    if (!floor) return
    const ops = [
      ...floor.desks.filter((d) => d.assigneeId === memberId).map((d) => ({ op: 'desk.update', id: d.id, changes: { assigneeId: null } })),
      ...floor.rooms
        .filter((r) => r.ownerId === memberId || r.allowed.includes(memberId))
        .map((r) => ({ op: 'room.update', id: r.id, changes: { ownerId: r.ownerId === memberId ? null : r.ownerId, allowed: r.allowed.filter((a) => a !== memberId) } })),
    ]
    if (ops.length === 0) return
    const outcome = await applyEdit(app, workspaceId, floorId, { baseVersion: floor.version, ops }, authorId)
    if (outcome.kind !== 'conflict') return
  }
  throw new Error(`could not release ${memberId} from ${floorId}: the floor kept changing`)
}

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/workspaces/:ws/members',
    { preHandler: authenticate, schema: { summary: 'The member directory (not for guests)', params: WorkspaceParams, response: { 200: MembersSchema } } },
    async (request) => {
      const { member } = inWorkspace(request, request.params.ws, 'member')
      const [members, floors] = await Promise.all([app.store.listMembers(member.workspaceId), app.store.listFloors(member.workspaceId)])
      return { members: members.map((m) => toMember(m, floors, member)) }
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
      const floors = await app.store.listFloors(member.workspaceId)
      return toMember({ ...target, role }, floors, member)
    },
  )

  app.delete(
    '/api/workspaces/:ws/members/:id',
    { preHandler: authenticate, schema: { summary: 'Remove a member (hosts; a host only by an owner)', params: MemberParams, response: { 204: Type.Null(), 403: ErrorBodySchema, 404: ErrorBodySchema } } },
    async (request, reply) => {
      const { member } = inWorkspace(request, request.params.ws, 'host')
      const target = await app.store.getMember(member.workspaceId, request.params.id)
      if (!target) throw notFound('member')
      const refusal = removalRefusal(member, target)
      if (refusal) throw forbidden(refusal)
      // Free their desk and room rights first: the floor must never name a non-member.
      for (const { id: floorId } of await app.store.listFloors(member.workspaceId)) {
        await releaseFromFloor(app, member.workspaceId, floorId, target.id, member.id)
      }
      // Their open invites are revoked, and their drafts go, in the same step.
      await app.store.removeMember(member.workspaceId, target.id, app.now())
      await app.rooms.removeMember(member.workspaceId, target.id)
      reply.code(204)
      return null
    },
  )
}

export default routes
