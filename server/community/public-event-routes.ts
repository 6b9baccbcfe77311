/**
 * Open events (issue 13): the public page of an event a host published, and joining it from a
 * browser with a name and an email, as an event guest: only the event's room, only while it runs,
 * removed at its end (the guest sweeper). The email is kept for the reminder: emailed when a mail
 * server is set (mail-reminders.ts), and shown in the guest's own page either way.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { SignedInSchema } from '../../protocol/api.ts'
import { JoinOpenEventBody, LinkCodeSchema, PublicEventSchema } from '../../protocol/community.ts'
import { ErrorBodySchema } from '../../protocol/errors.ts'
import { openSession } from '../auth/sessions.ts'
import { conflict, gone, notFound } from '../http-error.ts'
import { findRoom } from '../room-moderation.ts'
import { guestJoinLimit, publicBase } from './guest-link-routes.ts'
import { checkWindow, guestMember } from './guests.ts'
import { kickReminders } from './mail-reminders.ts'
import { announceEvent } from './notices.ts'
import { kickSweeper } from './sweeper.ts'

const CodeParams = Type.Object({ code: LinkCodeSchema })

export const publicEventRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const openEvent = async (code: string) => {
    const found = await app.store.eventByCode(code)
    if (!found) throw notFound('event')
    // Before it starts one may sign up (and wait for it); after it ends, nobody.
    checkWindow('event', found.event.startsAt, found.event.endsAt, app.now(), { early: true })
    return found
  }

  app.get(
    '/api/public/events/:code',
    { schema: { summary: 'An open event’s public page', params: CodeParams, response: { 200: PublicEventSchema, 404: ErrorBodySchema, 410: ErrorBodySchema } } },
    async (request) => {
      const { workspaceId, event: e } = await openEvent(request.params.code)
      const [workspace, { room }] = await Promise.all([app.store.getWorkspace(workspaceId), findRoom(app, workspaceId, e.roomId)])
      return {
        workspaceName: workspace?.name ?? '', title: e.title, description: e.description, roomName: room.name,
        startsAt: e.startsAt, endsAt: e.endsAt, seatsLeft: Math.max(0, e.capacity - e.attendees.length),
      }
    },
  )

  app.post(
    '/api/public/events/:code/join',
    {
      config: { rateLimit: guestJoinLimit },
      schema: {
        summary: 'Join an open event as an event guest, with a name and an email (for the reminder)',
        params: CodeParams, body: JoinOpenEventBody,
        response: { 201: SignedInSchema, 404: ErrorBodySchema, 409: ErrorBodySchema, 410: ErrorBodySchema, 429: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      const { workspaceId, event: e } = await openEvent(request.params.code)
      const guest = guestMember(request.body.name, e.roomId)
      const pass = { workspaceId, memberId: guest.memberId, roomId: e.roomId, startsAt: e.startsAt, endsAt: e.endsAt, source: 'event' as const, sourceId: e.id, email: request.body.email }
      const outcome = await app.store.addGuest(guest, pass, app.now())
      if (outcome === 'full') throw conflict(`${e.title} is full: all ${e.capacity} seats are taken`, { reason: 'full' })
      if (outcome === 'ended') throw gone(`${e.title} has ended`)
      if (outcome === 'not-found') throw notFound('event')
      kickSweeper(app)
      // Joined within the reminder's lead: their email goes now, not at the next periodic check.
      kickReminders(app)
      const [member, workspace, now] = await Promise.all([app.store.getMember(workspaceId, guest.memberId), app.store.getWorkspace(workspaceId), app.store.getEvent(workspaceId, e.id)])
      if (now) await announceEvent(app, workspaceId, now, publicBase(app, request))
      reply.code(201)
      return openSession(app, member!, workspace!)
    },
  )
}
