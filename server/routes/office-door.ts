/**
 * A private office's owner chooses who else may walk in, without being a host: the floor editor is
 * the hosts', but an office's allowed list is its owner's (server/floor/private-rules.ts). The
 * change is an ordinary edit batch, so it is logged, announced and settled (whoever is no longer
 * allowed is shown out) as a host's edit is.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { AllowedBody, EditResultSchema, RoomParams } from '../../protocol/api.ts'
import { ErrorBodySchema } from '../../protocol/errors.ts'
import type { FloorOp } from '../../protocol/floor/ops.ts'
import { authenticate, inWorkspace } from '../auth/authenticate.ts'
import { applyEdit } from '../floor/edits.ts'
import { settleFloorChange } from '../floor/settle.ts'
import { badRequest, conflict, forbidden, notFound } from '../http-error.ts'

/** Attempts against a floor that other edits keep moving on. */
const ATTEMPTS = 5

const errors = { 400: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema }

export const officeDoorRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.put(
    '/api/workspaces/:ws/rooms/:room/allowed',
    {
      preHandler: authenticate,
      schema: { summary: "Choose who besides its owner may enter a private office (the office's owner, or a workspace owner)", params: RoomParams, body: AllowedBody, response: { 200: EditResultSchema, ...errors } },
    },
    async (request) => {
      const { member } = inWorkspace(request, request.params.ws, 'member')
      const { room: roomId } = request.params
      for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
        const floor = (await app.store.listFloors(member.workspaceId)).find((f) => f.rooms.some((r) => r.id === roomId))
        const room = floor?.rooms.find((r) => r.id === roomId)
        if (!floor || !room) throw notFound('room')
        if (room.kind !== 'private') throw badRequest(`${room.name} is not a private office: anyone may walk in`, 'room')
        if (room.ownerId !== member.id && member.role !== 'owner') {
          throw forbidden(`${room.name} is ${room.ownerId ? "someone else's" : "nobody's"} private office: only its owner or a workspace owner chooses who may enter`)
        }
        const ops: FloorOp[] = [{ op: 'room.update', id: roomId, changes: { allowed: request.body.allowed } }]
        const outcome = await applyEdit(app, member.workspaceId, floor.id, { baseVersion: floor.version, ops }, member.id)
        switch (outcome.kind) {
          case 'applied':
            await settleFloorChange(app, member.workspaceId, outcome.before, outcome.floor)
            return { version: outcome.version }
          case 'duplicate':
            return { version: outcome.version }
          case 'invalid':
            throw badRequest(outcome.error.message, outcome.error.field.replace(/^ops\[0\]\.changes\./, ''))
          case 'not-found':
            throw notFound('room')
          case 'conflict':
            continue // Another edit landed first: read the floor again.
        }
      }
      throw conflict('the floor kept changing while saving; try again')
    },
  )
}
