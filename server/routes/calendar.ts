/**
 * Issue 14: the shared calendar beyond community events (server/community/event-routes.ts makes
 * events, weekly series and bookings included): answers, all-day deadlines, iCalendar feeds and import.
 */
import type { FastifyPluginAsync } from 'fastify'
import { answerRoutes } from '../calendar/answer-routes.ts'
import { deadlineRoutes } from '../calendar/deadline-routes.ts'
import { feedRoutes } from '../calendar/feed-routes.ts'
import { importRoutes } from '../calendar/import-routes.ts'
import type { BlobStore } from '../chat/blobs.ts'

const calendar: FastifyPluginAsync<{ blobs: BlobStore }> = async (app) => {
  await app.register(answerRoutes)
  await app.register(deadlineRoutes)
  await app.register(feedRoutes)
  await app.register(importRoutes)
}

export default calendar
