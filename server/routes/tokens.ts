import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { AdmissionBody, LobbyTokenSchema, OccupancySchema, RoomParams, RoomTokenSchema, WorkspaceParams } from '../../protocol/api.ts'
import { ErrorBodySchema } from '../../protocol/errors.ts'
import { errorCodes } from '../../protocol/errors.ts'
import { atLeast, companyOnly, decideEntry } from '../../protocol/rules.ts'
import { authenticate, inWorkspace } from '../auth/authenticate.ts'
import { passRefusal } from '../community/guests.ts'
import { entrantOf } from '../companies/entrants.ts'
import { HttpError, forbidden, notFound } from '../http-error.ts'
import { followModeration } from '../livekit/moderation-webhook.ts'
import { PREVIEW_MAX_MS } from '../livekit/previews.ts'
import { refreshOccupancy } from '../livekit/occupancy.ts'
import { lobbyToken, previewToken, roomToken } from '../livekit/tokens.ts'
import { recordUsage } from '../analytics/record.ts'
import { mediaRoomName } from '../../protocol/presence.ts'
import type { MemberRecord } from '../store/store.ts'
import { findRoom as findRoomOf, mayPublish, removalMessage } from '../room-moderation.ts'

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const findRoom = async (workspaceId: string, roomId: string) => (await findRoomOf(app, workspaceId, roomId)).room

  app.post(
    '/api/workspaces/:ws/lobby/token',
    { preHandler: authenticate, schema: { summary: 'A presence (lobby) token', params: WorkspaceParams, response: { 200: LobbyTokenSchema } } },
    async (request) => {
      const { member, tokenHash } = inWorkspace(request, request.params.ws)
      await app.store.touchMember(member.id, app.now())
      const token = await lobbyToken(app.livekit, { workspaceId: member.workspaceId, memberId: member.id, name: member.name, session: tokenHash })
      return { url: app.livekit.url, token, identity: member.id }
    },
  )

  /**
   * The door: whether `member` may enter `roomId` now (a guest's pass, bans, locks, private offices,
   * capacity), throwing the refusal; and whether they may publish there (stage rooms). `spare`
   * places count as taken besides theirs (previews, and the place a preview must leave free).
   */
  const door = async (member: MemberRecord, roomId: string, spare = 0) => {
    const room = await findRoom(member.workspaceId, roomId)
    const now = app.now()
    // A guest's pass (issue 13) opens their room only within its window: an event guest waits for the event.
    const refusal = member.role === 'guest' ? passRefusal(await app.store.guestPass(member.workspaceId, member.id), now) : null
    if (refusal) throw forbidden(`${room.name}: ${refusal}`, 'not-yet')
    const admitted = await app.store.isAdmitted(member.workspaceId, room.id, member.id, now)
    const ban = await app.store.roomBan(member.workspaceId, room.id, member.id, now)
    // Someone already inside (a reconnect, another device) does not count against the capacity.
    const inside = (await app.store.occupancy(member.workspaceId))[room.id] ?? []
    const occupants = inside.filter((id) => id !== member.id).length + spare
    const decision = decideEntry(room, await entrantOf(app, member), { admitted, occupants, removed: ban !== null })
    if (!decision.ok) {
      if (ban) {
        const by = (await app.store.getMember(member.workspaceId, ban.by))?.name ?? 'A host'
        throw new HttpError(403, { error: errorCodes.forbidden, message: removalMessage(by, room.name, ban.until, now), reason: 'removed', until: ban.until })
      }
      const message = decision.reason === 'full' ? `${room.name} is full` : `${room.name} is ${decision.reason}; knock to be let in`
      throw new HttpError(decision.status, { error: decision.status === 409 ? errorCodes.conflict : errorCodes.forbidden, message, reason: decision.reason })
    }
    // In a stage room the audience listens: only speakers get to publish.
    return { room, publish: await mayPublish(app, room, member), occupants }
  }
  const subject = (member: MemberRecord, session: string) => ({ workspaceId: member.workspaceId, memberId: member.id, name: member.name, session })
  const refusals = { 403: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema }

  app.post(
    '/api/workspaces/:ws/rooms/:room/token',
    {
      preHandler: authenticate,
      schema: { summary: 'A media token for one room, if the room rules let the caller in', params: RoomParams, response: { 200: RoomTokenSchema, ...refusals } },
    },
    async (request) => {
      const { member, tokenHash } = inWorkspace(request, request.params.ws)
      const { room, publish, occupants } = await door(member, request.params.room)
      // LiveKit counts previews against the room's capacity: when with them there would be no place
      // for this member, who may walk in, the others' previews are shown out (they enter the usual
      // way should they click). A preview never takes a place someone walking in is let into.
      const name = mediaRoomName(member.workspaceId, room.id)
      if (occupants + 1 + (await app.rooms.previews(name, member.id)) > room.capacity) await app.rooms.showOutPreviews(name, member.id)
      return { url: app.livekit.url, token: await roomToken(app.livekit, subject(member, tokenHash), room, publish) }
    },
  )

  app.post(
    '/api/workspaces/:ws/rooms/:room/preview',
    {
      preHandler: authenticate,
      schema: {
        summary: 'A token to look in at the door: joins the room hidden and sending nothing until /enter (the app holds the microphones and takes only the cameras\' lowest layer, unseen)',
        description: `Only for a room the caller may enter with a place to spare, counting the others' previews (LiveKit counts them against the capacity; a preview never takes the last place), and is not in already (409 inside). LiveKit's server removes a preview not entered within ${PREVIEW_MAX_MS / 1000} s.`,
        params: RoomParams,
        response: { 200: RoomTokenSchema, ...refusals },
      },
    },
    async (request) => {
      const { member, tokenHash } = inWorkspace(request, request.params.ws)
      // LiveKit counts previews against the room's capacity: with the others' previews and this
      // one, a place must still be free for someone walking in.
      const others = await app.rooms.previews(mediaRoomName(member.workspaceId, request.params.room), member.id)
      const { room } = await door(member, request.params.room, 1 + others)
      // In the room already (another window or device, or just leaving): a preview joining with the
      // same identity would replace that participant in LiveKit, unseen by the people inside.
      if (((await app.store.occupancy(member.workspaceId))[room.id] ?? []).includes(member.id)) {
        throw new HttpError(409, { error: errorCodes.conflict, message: `you are in ${room.name} already`, reason: 'inside' })
      }
      return { url: app.livekit.url, token: await previewToken(app.livekit, subject(member, tokenHash), room) }
    },
  )

  app.post(
    '/api/workspaces/:ws/rooms/:room/enter',
    {
      preHandler: authenticate,
      schema: {
        summary: 'Walks in through the door looked in at: the caller\'s preview in the room becomes a full participant',
        description: 'The door is decided again, now. 409 with reason not-previewing when the caller has no preview in the room (then fetch a token).',
        params: RoomParams,
        response: { 204: Type.Null(), ...refusals },
      },
    },
    async (request, reply) => {
      const { member } = inWorkspace(request, request.params.ws)
      const { room, publish } = await door(member, request.params.room)
      if (!(await app.rooms.reveal(mediaRoomName(member.workspaceId, room.id), member.id, publish))) {
        throw new HttpError(409, { error: errorCodes.conflict, message: `no preview of ${room.name} to enter; fetch a token`, reason: 'not-previewing' })
      }
      // No webhook says that a hidden participant was revealed: this is the join, for the floor, the
      // figures and the stage (a speaker back within their grace stays one).
      void followModeration(app, { workspaceId: member.workspaceId, roomId: room.id }, member.id, { room, member, publishing: publish }).catch((err: unknown) => app.log.warn({ err }, 'could not follow an entry for moderation'))
      void refreshOccupancy(app, member.workspaceId, room.id).catch((err: unknown) => app.log.warn({ err }, 'could not refresh the occupancy of a room'))
      void recordUsage(app, { event: 'participant_joined', workspaceId: member.workspaceId, placeId: room.id, kind: 'room', identity: member.id }).catch(() => undefined)
      reply.code(204)
      return null
    },
  )

  app.get(
    '/api/workspaces/:ws/occupancy',
    { preHandler: authenticate, schema: { summary: 'Who is in which room now (from LiveKit)', params: WorkspaceParams, response: { 200: OccupancySchema } } },
    async (request) => {
      const { member } = inWorkspace(request, request.params.ws)
      return { rooms: await app.store.occupancy(member.workspaceId) }
    },
  )

  app.post(
    '/api/workspaces/:ws/rooms/:room/admissions',
    {
      preHandler: authenticate,
      schema: { summary: 'Let a member who knocked into a room', params: RoomParams, body: AdmissionBody, response: { 204: Type.Null(), 403: ErrorBodySchema, 404: ErrorBodySchema } },
    },
    async (request, reply) => {
      const { member } = inWorkspace(request, request.params.ws, 'member')
      const room = await findRoom(member.workspaceId, request.params.room)
      const target = await app.store.getMember(member.workspaceId, request.body.memberId)
      if (!target) throw notFound('member')
      // Nobody lets themselves in: a host who could admit themselves would walk into every private office.
      if (target.id === member.id) throw forbidden('you cannot let yourself in; knock and wait for an answer')
      const inside = (await app.store.occupancy(member.workspaceId))[room.id] ?? []
      const insider = inside.includes(member.id) || room.ownerId === member.id || room.allowed.includes(member.id)
      // A private office is private even to hosts (see decideEntry): only people with standing in it open its door.
      // A company-only room likewise: hosts knock on it (issue 13).
      const mayAdmit = insider || (room.kind !== 'private' && !companyOnly(room) && atLeast(member.role, 'host'))
      if (!mayAdmit) throw forbidden('only someone inside the room, its owner or a host can let people in')
      await app.store.admit(member.workspaceId, room.id, target.id, app.now() + (request.body.minutes ?? 10) * 60_000)
      reply.code(204)
      return null
    },
  )
}

export default routes
