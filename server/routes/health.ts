import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { HealthSchema } from '../../protocol/api.ts'

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/health', { schema: { summary: 'Is the server up, and can it reach LiveKit', response: { 200: HealthSchema } } }, async () => {
    const livekit = (await app.rooms.ping()) ? 'ok' : 'unreachable'
    return { ok: true, livekit, version: app.settings.version } as const
  })

  // Clients poll this to notice a server that went away while their LiveKit connection stayed up;
  // it touches neither the store nor LiveKit, so 500 clients polling cost next to nothing.
  app.get('/api/ping', { schema: { summary: 'Liveness for clients (no store, no LiveKit)', security: [], response: { 204: Type.Null() } } }, async (_request, reply) => {
    reply.code(204)
    return null
  })
}

export default routes
