/**
 * .ics import (issue 14): the file's events become events of one room, hosted by who imports them,
 * on the rules of making an event (hosts anywhere; members in rooms hosts made bookable). Events
 * that have ended are left out (and counted). A bookable room's clash refuses the whole import:
 * the events it had made are taken back, so an import is all or nothing.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { WorkspaceParams } from '../../protocol/api.ts'
import { BookingConflictSchema, ImportBody, ImportedSchema, seriesEnd } from '../../protocol/calendar.ts'
import { ErrorBodySchema } from '../../protocol/errors.ts'
import { atLeast } from '../../protocol/rules.ts'
import { authenticate, inWorkspace } from '../auth/authenticate.ts'
import { newId } from '../auth/tokens.ts'
import { publicBase } from '../community/guest-link-routes.ts'
import { announceEvent, eventToWire } from '../community/notices.ts'
import { badRequest, forbidden } from '../http-error.ts'
import type { EventRecord } from '../store/community-store.ts'
import { checkEventQuota, makeEvent, roomOf } from './booking.ts'
import { readIcs } from './ics.ts'

const errors = { 400: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema }

export const importRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/workspaces/:ws/calendar/import',
    {
      preHandler: authenticate,
      bodyLimit: 1_200_000,
      schema: { summary: 'Import an .ics file’s events into a room', params: WorkspaceParams, body: ImportBody, response: { 201: ImportedSchema, 409: BookingConflictSchema, ...errors } },
    },
    async (request, reply) => {
      const { member } = inWorkspace(request, request.params.ws, 'member')
      const room = await roomOf(app, member.workspaceId, request.body.roomId)
      if (!room) throw badRequest(`no room ${request.body.roomId} in this workspace`, 'roomId')
      if (!atLeast(member.role, 'host') && !room.bookable) throw forbidden('only hosts import events, but into rooms hosts made bookable')
      const now = app.now()
      const read = readIcs(request.body.ics)
      const coming = read.filter((e) => seriesEnd(e) > now)
      await checkEventQuota(app, member.workspaceId, member, coming.length)
      const made: EventRecord[] = []
      try {
        for (const e of coming) {
          const id = newId('ev', 16)
          await makeEvent(app, member.workspaceId, room, { ...e, id, hostId: member.id, roomId: room.id, capacity: room.capacity, groupId: null, createdAt: now })
          made.push((await app.store.getEvent(member.workspaceId, id))!)
        }
      } catch (err) {
        for (const e of made) await app.store.deleteEvent(member.workspaceId, e.id)
        throw err
      }
      const base = publicBase(app, request)
      for (const e of made) await announceEvent(app, member.workspaceId, e, base)
      reply.code(201)
      return { events: made.map((e) => eventToWire(e, base, member)), skipped: read.length - coming.length }
    },
  )
}
