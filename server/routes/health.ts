import { randomUUID } from 'node:crypto'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { ClientConfigSchema, HealthSchema, ReadySchema } from '../../protocol/api.ts'

/** Per server process: a different one after a restart. */
const PingSchema = Type.Object({ instance: Type.String() })

/** A readiness probe answers within this, however long a hung database or LiveKit would keep it. */
const READY_TIMEOUT_MS = 2_000

/** Whether `check` resolves truthy within READY_TIMEOUT_MS; a throw or the timeout is `unreachable`. */
async function reachable(check: () => Promise<unknown>): Promise<'ok' | 'unreachable'> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), READY_TIMEOUT_MS)
  })
  try {
    const ok = await Promise.race([check().then(() => true as const), late])
    return ok ? 'ok' : 'unreachable'
  } catch {
    return 'unreachable'
  } finally {
    clearTimeout(timer)
  }
}

const routes: FastifyPluginAsyncTypebox = async (app) => {
  // A LiveKit that is down (crashed, restarting under the supervisor) leaves the office without
  // presence and calls while sign-in and the floor still work: "degraded", not down.
  app.get('/api/health', { schema: { summary: 'Is the server up, and can it reach LiveKit', response: { 200: HealthSchema } } }, async () => {
    const up = await app.rooms.ping()
    return { ok: true, status: up ? 'ok' : 'degraded', livekit: up ? 'ok' : 'unreachable', version: app.settings.version } as const
  })

  // The LiveKit URL the tokens carry, before anyone signs in: the desktop app puts it in its CSP.
  app.get(
    '/api/client-config',
    { schema: { summary: 'What a client needs before signing in: the LiveKit URL it will connect to', security: [], response: { 200: ClientConfigSchema } } },
    async () => ({ livekitUrl: app.livekit.url }),
  )

  // Readiness, for load balancers: an instance whose database or LiveKit does not answer cannot
  // sign anyone in or into a call, so it should get no traffic (503) until both answer again.
  // A read of a workspace that never exists is the cheapest question that needs the database.
  app.get(
    '/api/ready',
    { schema: { summary: 'Can this instance serve: do the database and LiveKit answer (503 if not)', security: [], response: { 200: ReadySchema, 503: ReadySchema } } },
    async (_request, reply) => {
      const [database, livekit] = await Promise.all([
        reachable(() => app.store.getWorkspace('ws_none')),
        reachable(async () => {
          if (!(await app.rooms.ping())) throw new Error('livekit unreachable')
        }),
      ])
      const ready = database === 'ok' && livekit === 'ok'
      reply.code(ready ? 200 : 503)
      return { status: ready ? 'ready' : 'unready', database, livekit } as const
    },
  )

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
