/**
 * A member's private iCalendar feed (issue 14): its address holds a random token, shown once when
 * made (only its hash is kept, as sessions are); making a new one revokes the old; revoking ends it.
 * The feed itself is public, as calendar apps fetch it without a session: an unknown or revoked
 * token, or a member who has left, is a plain 404.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { WorkspaceParams } from '../../protocol/api.ts'
import { FeedSchema } from '../../protocol/calendar.ts'
import { ErrorBodySchema } from '../../protocol/errors.ts'
import { authenticate, inWorkspace } from '../auth/authenticate.ts'
import { hashSecret, newSecret } from '../auth/tokens.ts'
import { forbidden, notFound } from '../http-error.ts'
import { publicBase } from '../community/guest-link-routes.ts'
import type { MemberRecord } from '../store/store.ts'
import { feedOf } from './feed.ts'

const errors = { 400: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema }
const FeedParams = Type.Object({ file: Type.String({ pattern: '^[A-Za-z0-9_-]{16,128}\\.ics$', maxLength: 140 }) })

export const feedRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const noGuests = (m: MemberRecord) => {
    if (m.role === 'guest') throw forbidden('guests have no calendar feed')
  }

  app.get(
    '/api/workspaces/:ws/calendar/feed',
    { preHandler: authenticate, schema: { summary: 'Whether this member has a feed (its address is shown only when made)', params: WorkspaceParams, response: { 200: FeedSchema, ...errors } } },
    async (request) => {
      const { member } = inWorkspace(request, request.params.ws)
      noGuests(member)
      const feed = await app.store.getFeed(member.workspaceId, member.id)
      return { url: null, active: feed !== null, createdAt: feed?.createdAt ?? null }
    },
  )

  app.post(
    '/api/workspaces/:ws/calendar/feed',
    { preHandler: authenticate, schema: { summary: 'Make a new private feed address (the old one stops working)', params: WorkspaceParams, response: { 201: FeedSchema, ...errors } } },
    async (request, reply) => {
      const { member } = inWorkspace(request, request.params.ws)
      noGuests(member)
      const token = newSecret()
      const at = app.now()
      await app.store.setFeed(member.workspaceId, member.id, hashSecret(token), at)
      reply.code(201)
      return { url: `${publicBase(app, request)}/api/calendar-feeds/${token}.ics`, active: true, createdAt: at }
    },
  )

  app.delete(
    '/api/workspaces/:ws/calendar/feed',
    { preHandler: authenticate, schema: { summary: 'Revoke this member’s feed address', params: WorkspaceParams, response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      const { member } = inWorkspace(request, request.params.ws)
      noGuests(member)
      await app.store.revokeFeed(member.workspaceId, member.id)
      reply.code(204)
      return null
    },
  )

  app.get(
    '/api/calendar-feeds/:file',
    {
      schema: {
        summary: 'A member’s private feed, as iCalendar (public: the token is the key)',
        params: FeedParams,
        // 200 is text/calendar, not JSON: no schema, as photos and attachments have none for their bytes.
        response: { 400: ErrorBodySchema, 404: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      const feed = await app.store.feedByToken(hashSecret(request.params.file.slice(0, -'.ics'.length)))
      const member = feed ? await app.store.getMember(feed.workspaceId, feed.memberId) : null
      if (!feed || !member || member.role === 'guest') throw notFound('feed')
      reply.header('content-type', 'text/calendar; charset=utf-8').header('x-content-type-options', 'nosniff').header('cache-control', 'private, no-store')
      return reply.send((await feedOf(app, member)) as never)
    },
  )
}
