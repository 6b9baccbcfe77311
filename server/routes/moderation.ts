/**
 * Moderation inside a room, by hosts and the room's owner (room-moderation.ts): bring someone on
 * stage or take them off, mute someone's microphone, remove someone for ROOM_BAN_MINUTES, and lock
 * or unlock the room while inside. LiveKit applies the first three at once through its room
 * service; the store keeps what a later token must know (speakers, bans). Locking is an ordinary
 * edit batch (logged, announced, settled), with the people inside let in first so they stay.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import Type from 'typebox'
import { EditResultSchema, ROOM_BAN_MINUTES, RoomLockBody, RoomMemberBody, RoomMemberParams, RoomParams, RoomRemovalSchema } from '../../protocol/api.ts'
import { ErrorBodySchema } from '../../protocol/errors.ts'
import type { FloorOp } from '../../protocol/floor/ops.ts'
import type { Room } from '../../protocol/floor/records.ts'
import { mediaRoomName } from '../../protocol/presence.ts'
import { authenticate, inWorkspace } from '../auth/authenticate.ts'
import type { Auth } from '../context.ts'
import { applyEdit } from '../floor/edits.ts'
import { settleFloorChange } from '../floor/settle.ts'
import { badRequest, conflict, forbidden, notFound } from '../http-error.ts'
import { findRoom, mayModerate, speaksByStanding } from '../room-moderation.ts'
import type { MemberRecord } from '../store/store.ts'

const errors = { 400: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema }
/** Attempts at locking against a floor that other edits keep moving on (as office-door.ts). */
const ATTEMPTS = 5
/** People inside when a room is locked stay let in for a working day: a rejoin after a drop finds the door open. */
const LOCKED_IN_MS = 12 * 3_600_000

/** The caller, the room and the person `memberId`, once the caller is found to moderate the room. */
async function moderation(app: FastifyInstance, auth: Auth, roomId: string, memberId: string, what: string): Promise<{ room: Room; target: MemberRecord }> {
  const { member } = auth
  const { room } = await findRoom(app, member.workspaceId, roomId)
  if (!mayModerate(room, member)) throw forbidden(`only hosts and the owner of ${room.name} can ${what}`)
  const target = await app.store.getMember(member.workspaceId, memberId)
  if (!target) throw notFound('member')
  return { room, target }
}

export const moderationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const speakers = '/api/workspaces/:ws/rooms/:room/speakers/:member'
  const speakerSchema = (summary: string) => ({ summary, params: RoomMemberParams, response: { 204: Type.Null(), ...errors } })

  app.post(speakers, { preHandler: authenticate, schema: speakerSchema('Bring someone on stage in a stage room: they may publish from now on') }, async (request, reply) => {
    const auth = inWorkspace(request, request.params.ws, 'member')
    const { room, target } = await moderation(app, auth, request.params.room, request.params.member, 'bring people on stage')
    if (room.kind !== 'stage') throw badRequest(`${room.name} is not a stage: everyone speaks there`, 'room')
    await app.store.setSpeaker(target.workspaceId, room.id, target.id, true)
    // Not in the room now: the stored promotion goes into their token when they walk in.
    await app.rooms.setPublishing(mediaRoomName(target.workspaceId, room.id), target.id, true)
    reply.code(204)
    return null
  })

  app.delete(speakers, { preHandler: authenticate, schema: speakerSchema('Take someone off stage in a stage room: they listen from now on') }, async (request, reply) => {
    const auth = inWorkspace(request, request.params.ws, 'member')
    const { room, target } = await moderation(app, auth, request.params.room, request.params.member, 'take people off stage')
    if (room.kind !== 'stage') throw badRequest(`${room.name} is not a stage: everyone speaks there`, 'room')
    if (speaksByStanding(room, target)) throw badRequest(`${target.name} speaks on ${room.name} as ${target.role === 'owner' || target.role === 'host' ? `a ${target.role}` : 'its owner'}`, 'member')
    await app.store.setSpeaker(target.workspaceId, room.id, target.id, false)
    await app.rooms.setPublishing(mediaRoomName(target.workspaceId, room.id), target.id, false)
    reply.code(204)
    return null
  })

  app.post(
    '/api/workspaces/:ws/rooms/:room/mute',
    { preHandler: authenticate, schema: { summary: "Mute someone's microphone in a room (they can unmute it themselves)", params: RoomParams, body: RoomMemberBody, response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      const auth = inWorkspace(request, request.params.ws, 'member')
      const { room, target } = await moderation(app, auth, request.params.room, request.body.memberId, 'mute people')
      const outcome = await app.rooms.muteMicrophone(mediaRoomName(target.workspaceId, room.id), target.id)
      if (outcome === 'not-in-room') throw conflict(`${target.name} is not in ${room.name}`)
      if (outcome === 'no-microphone') throw conflict(`${target.name} has no microphone on in ${room.name}`)
      reply.code(204)
      return null
    },
  )

  app.post(
    '/api/workspaces/:ws/rooms/:room/removals',
    {
      preHandler: authenticate,
      schema: { summary: `Remove someone from a room: shown out now, refused at the door for ${ROOM_BAN_MINUTES} minutes`, params: RoomParams, body: RoomMemberBody, response: { 200: RoomRemovalSchema, ...errors } },
    },
    async (request) => {
      const auth = inWorkspace(request, request.params.ws, 'member')
      const { room, target } = await moderation(app, auth, request.params.room, request.body.memberId, 'remove people')
      if (target.id === auth.member.id) throw badRequest('you cannot remove yourself; leave the room instead', 'memberId')
      if (target.role === 'owner') throw forbidden(`${target.name} owns the workspace: nobody removes them from a room`)
      if (room.ownerId === target.id) throw forbidden(`${target.name} owns ${room.name}: nobody removes them from it`)
      const until = app.now() + ROOM_BAN_MINUTES * 60_000
      // The ban first: a rejoin racing the removal is refused at the door, and the webhook shows out
      // anyone who joins with a token issued before it.
      await app.store.banFromRoom(target.workspaceId, room.id, target.id, until, auth.member.id)
      await app.store.setSpeaker(target.workspaceId, room.id, target.id, false)
      await app.rooms.removeParticipant(mediaRoomName(target.workspaceId, room.id), target.id)
      return { until }
    },
  )

  app.put(
    '/api/workspaces/:ws/rooms/:room/locked',
    { preHandler: authenticate, schema: { summary: 'Lock or unlock a room from inside: those inside stay, newcomers knock', params: RoomParams, body: RoomLockBody, response: { 200: EditResultSchema, ...errors } } },
    async (request) => {
      const { member } = inWorkspace(request, request.params.ws, 'member')
      const roomId = request.params.room
      const { locked } = request.body
      for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
        const { floor, room } = await findRoom(app, member.workspaceId, roomId)
        if (!mayModerate(room, member)) throw forbidden(`only hosts and the owner of ${room.name} can ${locked ? 'lock' : 'unlock'} it`)
        if (room.locked === locked) return { version: floor.version }
        if (locked) {
          // Locking keeps the meeting: whoever is inside now is let in, so settling shows nobody out.
          // LiveKit's list too: someone who just walked in is there before the occupancy counts them,
          // and the join webhook, which applies the door again, must not show them out.
          const counted = (await app.store.occupancy(member.workspaceId))[roomId] ?? []
          const inside = new Set([...counted, ...(await app.rooms.participants(mediaRoomName(member.workspaceId, roomId)))])
          for (const id of inside) await app.store.admit(member.workspaceId, roomId, id, app.now() + LOCKED_IN_MS)
        }
        const ops: FloorOp[] = [{ op: 'room.update', id: roomId, changes: { locked } }]
        const outcome = await applyEdit(app, member.workspaceId, floor.id, { baseVersion: floor.version, ops }, member.id)
        switch (outcome.kind) {
          case 'applied':
            await settleFloorChange(app, member.workspaceId, outcome.before, outcome.floor)
            return { version: outcome.version }
          case 'duplicate':
            return { version: outcome.version }
          case 'invalid':
            throw badRequest(outcome.error.message, 'locked')
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
