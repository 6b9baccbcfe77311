/**
 * Events and workshops (issue 13): made by hosts, or by a group's members for the group; RSVP under
 * the capacity (409 when full); published by a host as an open event with a public link. Every
 * change goes out live (notices.ts). Guests see only the events they attend.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { WorkspaceParams } from '../../protocol/api.ts'
import { CreateEventBody, EventIdSchema, EventSchema, EventsSchema, MAX_LISTED_EVENTS, MAX_WINDOW_MS } from '../../protocol/community.ts'
import { ErrorBodySchema } from '../../protocol/errors.ts'
import { atLeast } from '../../protocol/rules.ts'
import { authenticate, inWorkspace } from '../auth/authenticate.ts'
import { newId, newSecret } from '../auth/tokens.ts'
import { badRequest, conflict, forbidden, gone, notFound } from '../http-error.ts'
import type { MemberRecord } from '../store/store.ts'
import { publicBase } from './guest-link-routes.ts'
import { announceEvent, announceEventGone, eventToWire } from './notices.ts'
import { BookingConflictSchema, seriesEnd, WEEK_MS } from '../../protocol/calendar.ts'
import { checkEventQuota, makeEvent, roomOf } from '../calendar/booking.ts'
import { checkInvited } from '../calendar/invites.ts'

const errors = { 400: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema }
const EventParams = Type.Object({ ws: Type.String(), event: EventIdSchema })

export const eventRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const eventOf = async (ws: string, id: string) => {
    const e = await app.store.getEvent(ws, id)
    if (!e) throw notFound('event')
    return e
  }
  const noGuests = (member: MemberRecord) => {
    if (member.role === 'guest') throw forbidden('guests take part in the event they were invited to, nothing else')
  }

  app.get(
    '/api/workspaces/:ws/events',
    { preHandler: authenticate, schema: { summary: 'Upcoming and running events (guests: those they attend)', params: WorkspaceParams, response: { 200: EventsSchema, ...errors } } },
    async (request) => {
      const { member } = inWorkspace(request, request.params.ws)
      const events = await app.store.listEvents(member.workspaceId, app.now())
      const seen = member.role === 'guest' ? events.filter((e) => e.attendees.includes(member.id)) : events
      // The soonest, as many as a list holds (hosts' events are not limited in number).
      return { events: seen.slice(0, MAX_LISTED_EVENTS).map((e) => eventToWire(e, publicBase(app, request), member)) }
    },
  )

  app.post(
    '/api/workspaces/:ws/events',
    {
      preHandler: authenticate,
      schema: {
        summary: 'Make an event (hosts; a group’s members for the group; any member books a bookable room)',
        params: WorkspaceParams, body: CreateEventBody, response: { 201: EventSchema, 409: BookingConflictSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { member } = inWorkspace(request, request.params.ws, 'member')
      const { title, description = '', roomId, startsAt, endsAt, capacity, groupId, repeat, invited = [] } = request.body
      const room = await roomOf(app, member.workspaceId, roomId)
      if (!room) throw badRequest(`no room ${roomId} in this workspace`, 'roomId')
      if (groupId) {
        const group = await app.store.getGroup(member.workspaceId, groupId)
        if (!group) throw badRequest(`no group ${groupId} in this workspace`, 'groupId')
        if (!group.members.includes(member.id) && !atLeast(member.role, 'host')) throw forbidden('only the group’s members make its events; join it first')
      } else if (!atLeast(member.role, 'host') && !room.bookable) {
        throw forbidden('only hosts make events outside a group, but in rooms hosts made bookable')
      }
      if (endsAt <= startsAt) throw badRequest('an event must end after it starts', 'endsAt')
      if (endsAt - startsAt > MAX_WINDOW_MS) throw badRequest('an event lasts at most 31 days', 'endsAt')
      if (repeat && repeat.until !== null && repeat.until < startsAt) throw badRequest('a weekly event’s last start comes after its first', 'repeat.until')
      if (repeat && endsAt - startsAt > WEEK_MS) throw badRequest('a weekly event lasts at most a week', 'endsAt')
      if (seriesEnd({ startsAt, endsAt, repeat: repeat ?? null }) <= app.now()) throw badRequest('this event would have ended already', 'endsAt')
      await checkInvited(app, member.workspaceId, invited)
      await checkEventQuota(app, member.workspaceId, member, 1)
      const id = newId('ev', 16)
      await makeEvent(app, member.workspaceId, room, {
        id, title: title.trim(), description, hostId: member.id, roomId, startsAt, endsAt, capacity, groupId: groupId ?? null, createdAt: app.now(), repeat: repeat ? { until: repeat.until } : null, invited,
      })
      const made = (await app.store.getEvent(member.workspaceId, id))!
      await announceEvent(app, member.workspaceId, made, publicBase(app, request))
      reply.code(201)
      return eventToWire(made, publicBase(app, request), member)
    },
  )

  app.delete(
    '/api/workspaces/:ws/events/:event',
    { preHandler: authenticate, schema: { summary: 'Cancel an event (hosts, or its host)', params: EventParams, response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      const { member } = inWorkspace(request, request.params.ws, 'member')
      const e = await eventOf(member.workspaceId, request.params.event)
      if (!atLeast(member.role, 'host') && e.hostId !== member.id) throw forbidden('only hosts, or the event’s host, cancel it')
      await app.store.deleteEvent(member.workspaceId, e.id)
      await announceEventGone(app, member.workspaceId, e)
      reply.code(204)
      return null
    },
  )

  app.post(
    '/api/workspaces/:ws/events/:event/rsvp',
    { preHandler: authenticate, schema: { summary: 'RSVP to an event, while seats are left', params: EventParams, response: { 200: EventSchema, 409: ErrorBodySchema, 410: ErrorBodySchema, ...errors } } },
    async (request) => {
      const { member } = inWorkspace(request, request.params.ws)
      noGuests(member)
      const e = await eventOf(member.workspaceId, request.params.event)
      const outcome = await app.store.rsvp(member.workspaceId, e.id, member.id, app.now())
      if (outcome === 'not-found') throw notFound('event')
      if (outcome === 'ended') throw gone(`${e.title} has ended`)
      if (outcome === 'full') throw conflict(`${e.title} is full: all ${e.capacity} seats are taken`, { reason: 'full' })
      const now = (await app.store.getEvent(member.workspaceId, e.id))!
      await announceEvent(app, member.workspaceId, now, publicBase(app, request))
      return eventToWire(now, publicBase(app, request), member)
    },
  )

  app.delete(
    '/api/workspaces/:ws/events/:event/rsvp',
    { preHandler: authenticate, schema: { summary: 'Take back an RSVP', params: EventParams, response: { 200: EventSchema, ...errors } } },
    async (request) => {
      const { member } = inWorkspace(request, request.params.ws)
      noGuests(member)
      const e = await eventOf(member.workspaceId, request.params.event)
      await app.store.cancelRsvp(member.workspaceId, e.id, member.id)
      const now = (await app.store.getEvent(member.workspaceId, e.id))!
      await announceEvent(app, member.workspaceId, now, publicBase(app, request))
      return eventToWire(now, publicBase(app, request), member)
    },
  )

  app.post(
    '/api/workspaces/:ws/events/:event/publish',
    { preHandler: authenticate, schema: { summary: 'Open an event to people outside, with a public link (hosts)', params: EventParams, response: { 200: EventSchema, ...errors } } },
    async (request) => {
      const { member } = inWorkspace(request, request.params.ws, 'host')
      const e = await eventOf(member.workspaceId, request.params.event)
      const published = e.publicCode ? e : (await app.store.setEventCode(member.workspaceId, e.id, newSecret()))!
      await announceEvent(app, member.workspaceId, published, publicBase(app, request))
      return eventToWire(published, publicBase(app, request), member)
    },
  )
}
