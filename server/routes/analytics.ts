/**
 * Hosts' view of the space (issue 13): GET …/analytics counts rooms, desks and companies used per
 * hour or per day over up to 30 days, from the arrivals and departures recorded off LiveKit's
 * webhooks (server/analytics/record.ts).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { WorkspaceParams } from '../../protocol/api.ts'
import { UsageQuery, UsageSchema, type Usage } from '../../protocol/analytics.ts'
import { ErrorBodySchema } from '../../protocol/errors.ts'
import { countUsage } from '../analytics/usage.ts'
import { authenticate, inWorkspace } from '../auth/authenticate.ts'

const HOUR = 3_600_000
const DAY = 24 * HOUR

const analytics: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/workspaces/:ws/analytics',
    {
      preHandler: authenticate,
      schema: {
        summary: 'Rooms, desks and companies used per hour or day (hosts)',
        params: WorkspaceParams,
        querystring: UsageQuery,
        response: { 200: UsageSchema, 400: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema },
      },
    },
    async (request): Promise<Usage> => {
      const { member } = inWorkspace(request, request.params.ws, 'host')
      const { days = 7, bucket = 'hour' } = request.query
      const bucketMs = bucket === 'hour' ? HOUR : DAY
      // Whole buckets (UTC hours or days), the last one holding now.
      const to = (Math.floor(app.now() / bucketMs) + 1) * bucketMs
      const from = to - Math.ceil((days * DAY) / bucketMs) * bucketMs
      const [events, floors, companies] = await Promise.all([
        app.store.usageSince(member.workspaceId, from),
        app.store.listFloors(member.workspaceId),
        app.store.companyOfMembers(member.workspaceId),
      ])
      const deskOf = new Map(floors.flatMap((f) => f.desks.flatMap((d) => (d.assigneeId ? [[d.assigneeId, d.id] as const] : []))))
      const companyOf = new Map([...companies].map(([id, c]) => [id, c.companyId]))
      const counts = countUsage({ events, from, to, bucketMs, deskOf, companyOf })
      const names = new Map(floors.flatMap((f) => f.rooms.map((r) => [r.id, r.name] as const)))
      const roomHours = [...counts.roomMs]
        .filter(([id]) => names.has(id))
        .map(([roomId, ms]) => ({ roomId, name: names.get(roomId)!, hours: ms / HOUR }))
        .sort((a, b) => b.hours - a.hours)
      return { bucket, starts: counts.starts, people: counts.people, rooms: counts.rooms, desks: counts.desks, companies: counts.companies, roomHours }
    },
  )
}

export default analytics
