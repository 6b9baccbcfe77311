/** LiveKit → server webhooks, verified against the raw body with the API secret. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { WebhookReceiver } from 'livekit-server-sdk'
import { parseLobbyRoomName, parseMediaRoomName, refreshOccupancy } from '../livekit/occupancy.ts'
import { followModeration } from '../livekit/moderation-webhook.ts'
import { sessionLives } from '../livekit/session-check.ts'
import { createPreviewExpiry, isPreviewJoin } from '../livekit/previews.ts'
import { recordUsage } from '../analytics/record.ts'
import { HttpError } from '../http-error.ts'
import { ErrorBodySchema, errorCodes } from '../../protocol/errors.ts'

const routes: FastifyPluginAsyncTypebox<{ previewMaxMs?: number | undefined }> = async (app, opts) => {
  const expireLater = createPreviewExpiry(app, opts.previewMaxMs)
  const receiver = new WebhookReceiver(app.livekit.apiKey, app.livekit.apiSecret)
  // The signature covers the exact bytes LiveKit sent: keep the body as a string, never re-serialise.
  for (const type of ['application/webhook+json', 'application/json']) {
    app.addContentTypeParser(type, { parseAs: 'string', bodyLimit: 256 * 1024 }, (_request, body, done) => done(null, body))
  }

  app.post(
    '/api/livekit/webhook',
    {
      schema: {
        summary: 'LiveKit webhooks: a JWT in Authorization signs the SHA-256 of the raw body',
        security: [],
        response: { 204: Type.Null(), 401: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      let event
      try {
        event = await receiver.receive(String(request.body ?? ''), request.headers.authorization)
      } catch {
        throw new HttpError(401, { error: errorCodes.unauthorized, message: 'webhook signature does not verify' })
      }
      app.metrics?.webhookReceived(event.event, event.createdAt)
      const name = event.room?.name ?? ''
      const identity = event.participant?.identity
      const lobby = parseLobbyRoomName(name)
      const room = parseMediaRoomName(name)
      const workspaceId = lobby ?? room?.workspaceId
      // A preview (hidden, looking in at the door) is nobody in the room: no occupancy, no visit, no
      // stage grace until it is entered (routes/tokens.ts says so then). Someone no longer a member,
      // removed from the room or signed out, is shown out at once; any other preview once it lingers.
      if (room && identity && isPreviewJoin(event.participant)) {
        if (event.event === 'participant_joined') {
          const sid = event.participant?.sid ?? ''
          const gone =
            !(await app.store.getMember(room.workspaceId, identity)) ||
            (await app.store.roomBan(room.workspaceId, room.roomId, identity, app.now())) !== null ||
            !(await sessionLives(app, identity, event.participant?.attributes))
          if (gone) await app.rooms.removeParticipant(name, identity, sid || undefined)
          else expireLater(name, identity, sid)
        }
        reply.code(204)
        return null
      }
      const member = workspaceId && identity && event.event === 'participant_joined' ? await app.store.getMember(workspaceId, identity) : null
      if (workspaceId && identity && event.event === 'participant_joined' && !member) {
        // A token outlives a removal by up to its TTL: whoever is no longer a member is shown out.
        await app.rooms.removeParticipant(name, identity)
      } else if (workspaceId && identity && event.event === 'participant_joined' && !(await sessionLives(app, identity, event.participant?.attributes))) {
        // ... and the session it was issued to (signed out, everywhere, or by a new password): that
        // connection is shown out, and only it. This webhook may be older news than the member
        // signing in again and connecting on the new session, which stays.
        await app.rooms.removeParticipant(name, identity, event.participant?.sid || undefined)
      } else if (room && identity && member) {
        // A room token outlives the room's deletion by up to its TTL: nobody stays in a room the floor no longer has.
        const floors = await app.store.listFloors(room.workspaceId)
        const found = floors.flatMap((f) => f.rooms).find((r) => r.id === room.roomId)
        if (!found) await app.rooms.removeParticipant(name, identity)
        else await followModeration(app, room, identity, { room: found, member, publishing: event.participant?.permission?.canPublish === true })
      } else if (room && identity && (event.event === 'participant_left' || event.event === 'participant_connection_aborted')) {
        await followModeration(app, room, identity, 'left')
      }
      if (lobby && identity && ['participant_joined', 'participant_left', 'participant_connection_aborted'].includes(event.event)) {
        // Presence is the lobby: leaving it is going offline, which is what "last seen" means.
        if (await app.store.getMember(lobby, identity)) {
          await app.store.touchMember(identity, app.now())
          await recordUsage(app, { event: event.event, createdAt: event.createdAt, workspaceId: lobby, placeId: 'lobby', kind: 'lobby', identity })
        }
      }
      if (room && identity && ['participant_joined', 'participant_left', 'participant_connection_aborted'].includes(event.event) && (await app.store.getMember(room.workspaceId, identity))) {
        await recordUsage(app, { event: event.event, createdAt: event.createdAt, workspaceId: room.workspaceId, placeId: room.roomId, kind: 'room', identity })
      }
      if (room && (await app.store.getWorkspace(room.workspaceId)) && ['participant_joined', 'participant_left', 'participant_connection_aborted', 'room_finished'].includes(event.event)) {
        // Ask LiveKit who is in it now, even when it says the room finished: this webhook may be
        // older news than a join to the room since (a finished room answers with nobody). Not
        // awaited: a burst of webhooks for one room waits on one refresh, not LiveKit's delivery.
        void refreshOccupancy(app, room.workspaceId, room.roomId).catch((err: unknown) =>
          app.log.warn({ err, workspaceId: room.workspaceId, roomId: room.roomId }, 'could not refresh the occupancy of a room'),
        )
      }
      reply.code(204)
      return null
    },
  )
}

export default routes
