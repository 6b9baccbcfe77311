/** Answering an event (issue 14): yes (an RSVP: a seat, under the capacity), maybe, or no. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { AnswerBody } from '../../protocol/calendar.ts'
import { EventIdSchema, EventSchema } from '../../protocol/community.ts'
import { ErrorBodySchema } from '../../protocol/errors.ts'
import { authenticate, inWorkspace } from '../auth/authenticate.ts'
import { publicBase } from '../community/guest-link-routes.ts'
import { announceEvent, eventToWire } from '../community/notices.ts'
import { conflict, forbidden, gone, notFound } from '../http-error.ts'

const errors = { 400: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema }
const EventParams = Type.Object({ ws: Type.String(), event: EventIdSchema })

export const answerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.put(
    '/api/workspaces/:ws/calendar/events/:event/answer',
    {
      preHandler: authenticate,
      schema: { summary: 'Answer an event: yes, maybe or no', params: EventParams, body: AnswerBody, response: { 200: EventSchema, 409: ErrorBodySchema, 410: ErrorBodySchema, ...errors } },
    },
    async (request) => {
      const { member } = inWorkspace(request, request.params.ws)
      if (member.role === 'guest') throw forbidden('guests take part in the event they were invited to, nothing else')
      const e = await app.store.getEvent(member.workspaceId, request.params.event)
      if (!e) throw notFound('event')
      const outcome = await app.store.answerEvent(member.workspaceId, e.id, member.id, request.body.answer, app.now())
      if (outcome === 'not-found') throw notFound('event')
      if (outcome === 'ended') throw gone(`${e.title} has ended`)
      if (outcome === 'full') throw conflict(`${e.title} is full: all ${e.capacity} seats are taken`, { reason: 'full' })
      const now = (await app.store.getEvent(member.workspaceId, e.id))!
      await announceEvent(app, member.workspaceId, now, publicBase(app, request))
      return eventToWire(now, publicBase(app, request), member)
    },
  )
}
