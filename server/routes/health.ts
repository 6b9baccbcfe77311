import { randomUUID } from 'node:crypto'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { HealthSchema } from '../../protocol/api.ts'

/** Per server process: a different one after a restart. */
const PingSchema = Type.Object({ instance: Type.String() })

const routes: FastifyPluginAsyncTypebox = async (app) => {
  // A LiveKit that is down (crashed, restarting under the supervisor) leaves the office without
  // presence and calls while sign-in and the floor still work: "degraded", not down.
  app.get('/api/health', { schema: { summary: 'Is the server up, and can it reach LiveKit', response: { 200: HealthSchema } } }, async () => {
    const up = await app.rooms.ping()
    return { ok: true, status: up ? 'ok' : 'degraded', livekit: up ? 'ok' : 'unreachable', version: app.settings.version } as const
  })

  // Clients poll this to notice a server that went away while their LiveKit connection stayed up,
  // and one that came back as a new process (kill -9, a supervisor's restart) faster than their
  // poll: notices queued in the old process died with it, so a new `instance` means "resync".
  // It touches neither the store nor LiveKit, so 500 clients polling cost next to nothing.
  const instance = randomUUID()
  app.get(
    '/api/ping',
    { schema: { summary: 'Liveness for clients (no store, no LiveKit), and which server process answers', security: [], response: { 200: PingSchema } } },
    async () => ({ instance }),
  )
}

export default routes
