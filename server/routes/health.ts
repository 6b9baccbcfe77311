import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { HealthSchema } from '../../protocol/api.ts'

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/health', { schema: { summary: 'Is the server up, and can it reach LiveKit', response: { 200: HealthSchema } } }, async () => {
    const livekit = (await app.rooms.ping()) ? 'ok' : 'unreachable'
    return { ok: true, livekit, version: app.settings.version } as const
  })
}

export default routes
