/**
 * `/metrics` in Prometheus text format (prom-client), behind `Authorization: Bearer
 * <OFFICE_METRICS_TOKEN>`; without a token configured there is no such route (404). Each app has
 * its own registry, so that tests building many apps in one process count apart.
 *
 * Most counts come from route and status in one onResponse hook (COUNTED below), so routes stay
 * free of bookkeeping; only what a response does not show (webhook lag) is reported by its route
 * through `app.metrics`. Chat messages will be counted once chat exists.
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client'
import { errorCodes } from '../protocol/errors.ts'

export interface OfficeMetrics {
  readonly registry: Registry
  /** A verified LiveKit webhook: `createdAt` is LiveKit's stamp, in whole seconds since the epoch. */
  webhookReceived(event: string, createdAt: bigint | number, at?: number): void
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Null when metrics are off (no OFFICE_METRICS_TOKEN). */
    metrics: OfficeMetrics | null
  }
}

type Count = 'session' | 'token' | 'edit'

/** `METHOD route` → what a success of that route counts, with its label. */
const COUNTED: Record<string, { status: number; count: Count; label: string }> = {
  'POST /api/sessions': { status: 201, count: 'session', label: 'sign-in' },
  'POST /api/workspaces': { status: 201, count: 'session', label: 'new-workspace' },
  'POST /api/invites/:code/accept': { status: 201, count: 'session', label: 'invite' },
  'POST /api/workspaces/:ws/lobby/token': { status: 200, count: 'token', label: 'lobby' },
  'POST /api/workspaces/:ws/rooms/:room/token': { status: 200, count: 'token', label: 'room' },
  'POST /api/workspaces/:ws/rooms/:room/preview': { status: 200, count: 'token', label: 'preview' },
  'POST /api/workspaces/:ws/floors/:floor/edits': { status: 200, count: 'edit', label: 'edit' },
  'POST /api/workspaces/:ws/floors/:floor/draft/publish': { status: 200, count: 'edit', label: 'publish' },
  'PUT /api/workspaces/:ws/rooms/:room/allowed': { status: 200, count: 'edit', label: 'office-door' },
}

function createMetrics() {
  const registry = new Registry()
  // Process metrics (CPU, memory, event loop lag, GC, handles). Each call adds an event-loop
  // monitor and a GC observer that live as long as the process: one app per process in production.
  collectDefaultMetrics({ register: registry })
  const registers = [registry]
  return {
    registry,
    sessions: new Counter({
      name: 'office_sessions_opened_total',
      help: 'Sessions opened, by how: sign-in, new-workspace (its owner) or invite (accepted)',
      labelNames: ['via'],
      registers,
    }),
    tokens: new Counter({ name: 'office_livekit_tokens_issued_total', help: 'LiveKit tokens issued, by kind: lobby (presence), room (media) or preview (looking in at a door)', labelNames: ['kind'], registers }),
    edits: new Counter({
      name: 'office_floor_edits_total',
      help: "Floor edit batches accepted, by route: edit, publish (a draft) or office-door (an office owner's allowed list); a resent batch answered from the log counts again",
      labelNames: ['via'],
      registers,
    }),
    webhookLag: new Histogram({
      name: 'office_webhook_lag_seconds',
      help: "Seconds from LiveKit's event stamp to the webhook's receipt (LiveKit stamps whole seconds: up to 1 s more than the true lag)",
      labelNames: ['event'],
      buckets: [0.5, 1, 2, 5, 10, 30, 60, 300],
      registers,
    }),
    http: new Histogram({
      name: 'office_http_request_duration_seconds',
      help: 'HTTP request duration, by route pattern, method and status class',
      labelNames: ['route', 'method', 'status_class'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
  }
}

const digest = (value: string) => createHash('sha256').update(value).digest()

/** Bearer token check in constant time: both sides hashed first, so lengths leak nothing either. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const given = /^Bearer (.+)$/.exec(header ?? '')?.[1] ?? ''
  return timingSafeEqual(digest(given), digest(token))
}

/**
 * Counts every request of `app` and serves /metrics, when a token is configured. Call it before
 * the routes: hooks on the root instance apply to the routes registered after them.
 */
export function registerMetrics(app: FastifyInstance, token: string | null): void {
  if (!token) {
    app.decorate('metrics', null)
    return
  }
  const m = createMetrics()
  app.decorate('metrics', {
    registry: m.registry,
    webhookReceived(event, createdAt, at = Date.now()) {
      m.webhookLag.observe({ event }, Math.max(0, at / 1000 - Number(createdAt)))
    },
  } satisfies OfficeMetrics)

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched'
    const status = reply.statusCode
    m.http.observe({ route, method: request.method, status_class: `${Math.floor(status / 100)}xx` }, reply.elapsedTime / 1000)
    const counted = COUNTED[`${request.method} ${route}`]
    if (!counted || counted.status !== status) return
    if (counted.count === 'session') m.sessions.inc({ via: counted.label })
    else if (counted.count === 'token') m.tokens.inc({ kind: counted.label })
    else m.edits.inc({ via: counted.label })
  })

  // A renamed route would silently count nothing: refuse to start instead.
  const routes = new Set<string>()
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.add(`${method} ${route.url}`)
  })
  app.addHook('onReady', async () => {
    const missing = Object.keys(COUNTED).filter((key) => !routes.has(key))
    if (missing.length) throw new Error(`metrics count routes that do not exist: ${missing.join(', ')}`)
  })

  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (!bearerMatches(request.headers.authorization, token)) {
      return reply.code(401).header('www-authenticate', 'Bearer').send({ error: errorCodes.unauthorized, message: 'metrics need Authorization: Bearer <OFFICE_METRICS_TOKEN>' })
    }
    return reply.type(m.registry.contentType).send(await m.registry.metrics())
  })
  app.addHook('onClose', async () => m.registry.clear())
}
