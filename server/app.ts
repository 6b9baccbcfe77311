/**
 * buildApp: the Fastify service, apart from the process (index.ts). Registered in order:
 * infrastructure, services, routes. Tests build it on a temp store and drive it with `inject`.
 */
import cors from '@fastify/cors'
import swagger from '@fastify/swagger'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify, { LogController, type FastifyError, type FastifyInstance } from 'fastify'
import { errorCodes, type ErrorBody } from '../protocol/errors.ts'
import type { ServerSettings } from './context.ts'
import { registerRateLimits } from './auth/limit-store.ts'
import { PASSWORD_COST, decoyHash } from './auth/passwords.ts'
import { HttpError } from './http-error.ts'
import { attachmentBlobs, type BlobStore } from './chat/blobs.ts'
import { mailReminders, type MailOptions } from './community/mail-reminders.ts'
import type { LivekitConfig } from './livekit/config.ts'
import { createRooms, type Rooms } from './livekit/rooms.ts'
import { registerMetrics } from './metrics.ts'
import { RequestLog, echoRequestId, requestId } from './request-id.ts'
import client from './routes/client.ts'
import floors from './routes/floors.ts'
import health from './routes/health.ts'
import invites from './routes/invites.ts'
import members from './routes/members.ts'
import analytics from './routes/analytics.ts'
import chat from './routes/chat.ts'
import community from './routes/community.ts'
import board from './routes/board.ts'
import calendar from './routes/calendar.ts'
import shelf from './routes/shelf.ts'
import whiteboard from './routes/whiteboard.ts'
import companies from './routes/companies.ts'
import profiles from './routes/profiles.ts'
import { moderationRoutes } from './routes/moderation.ts'
import sessions from './routes/sessions.ts'
import tokens from './routes/tokens.ts'
import webhooks from './routes/webhooks.ts'
import workspaces from './routes/workspaces.ts'
import type { Store } from './store/store.ts'
import type { TrustProxy } from './trust-proxy.ts'

export interface AppOptions {
  store: Store
  livekit: LivekitConfig
  /** Folder of the built renderer to serve at `/`, or null for an API-only server. */
  clientDir?: string | null
  /** Origins other than the server's own that may call the API (the desktop app's `app://bundle`). */
  origins?: string[]
  publicUrl?: string | null
  version?: string
  logger?: boolean
  rooms?: Rooms
  now?: () => number
  /**
   * Which reverse proxies to believe about the client's address (X-Forwarded-For), in the form
   * Fastify's trustProxy takes (trust-proxy.ts). None by default: rate limits and lockouts then
   * key on the address that connected (OFFICE_TRUST_PROXY, see README).
   */
  trustProxy?: TrustProxy
  /** log2 of scrypt's N for new password hashes; only tests lower it (auth/passwords.ts). */
  passwordCost?: number
  /** The bearer token /metrics asks for (OFFICE_METRICS_TOKEN); none: no /metrics at all (metrics.ts). */
  metricsToken?: string | null
  /** Where chat attachments are kept (index.ts: `<data dir>/attachments`); none: a temporary folder, removed on close. */
  attachmentsDir?: string | null
  blobs?: BlobStore
  /** How long a preview (looking in at a room's door) may stay unentered before it is shown out (previews.ts). */
  previewMaxMs?: number
  /** The mail server of open events' reminder emails (OFFICE_SMTP_URL); none: no email is sent. Needs publicUrl. */
  mail?: MailOptions | null
}

const DEFAULT_ORIGINS = ['app://bundle']
const DAY = 24 * 3_600_000

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    // JSON lines, one per request, each line of a request carrying its id as reqId (request-id.ts).
    logController: opts.logger ? new RequestLog() : new LogController({ disableRequestLogging: true }),
    genReqId: requestId,
    bodyLimit: 1024 * 1024,
    trustProxy: opts.trustProxy ?? false,
  }).withTypeProvider<TypeBoxTypeProvider>()

  // Infrastructure first: the error shape and CORS apply to everything registered after.
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const send = (status: number, body: ErrorBody) => reply.code(status).send(body)
    if (error instanceof HttpError) return send(error.status, error.body)
    if (error.validation) {
      const first = error.validation[0]
      const where = error.validationContext ?? 'body'
      const missing = (first?.params as { missingProperty?: string } | undefined)?.missingProperty
      const path = [first?.instancePath?.split('/').filter(Boolean).join('.'), missing].filter(Boolean).join('.')
      const field = path || where
      return send(400, { error: errorCodes.badRequest, message: `${where}${path ? `.${path}` : ''} ${first?.message ?? 'is invalid'}`, field })
    }
    if (error.statusCode === 413) return send(413, { error: errorCodes.tooLarge, message: 'request body too large' })
    if (error.statusCode === 415) return send(415, { error: errorCodes.badRequest, message: error.message })
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return send(error.statusCode, { error: errorCodes.badRequest, message: error.message })
    }
    request.log.error({ err: error }, 'request failed')
    return send(500, { error: errorCodes.internal, message: 'internal error' })
  })
  app.setNotFoundHandler((request, reply) => reply.code(404).send({ error: errorCodes.notFound, message: `no route ${request.method} ${request.url.split('?')[0]}` }))
  const origins = new Set(opts.origins ?? DEFAULT_ORIGINS)
  await app.register(cors, { origin: (origin, cb) => cb(null, origin !== undefined && origins.has(origin)), methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] })

  // The OpenAPI document is generated from the route schemas registered below.
  await app.register(swagger, {
    openapi: {
      // 3.1: its schemas are JSON Schema 2020-12, as TypeBox writes them (exclusiveMinimum as a number).
      openapi: '3.1.0',
      info: { title: 'Virtual Office API', version: opts.version ?? '0.0.0', description: 'Accounts, workspaces, floor plans and LiveKit credentials.' },
      components: { securitySchemes: { session: { type: 'http', scheme: 'bearer' } } },
      security: [{ session: [] }],
    },
  })

  // Services, decorated so routes reach them as app.store, app.rooms, …
  app.decorate('store', opts.store)
  app.decorate('livekit', opts.livekit)
  app.decorate('rooms', opts.rooms ?? createRooms(opts.livekit))
  app.decorate('now', opts.now ?? Date.now)
  const settings: ServerSettings = {
    version: opts.version ?? '0.0.0',
    publicUrl: opts.publicUrl ?? null,
    sessionTtlMs: 30 * DAY,
    sessionMaxAgeMs: 90 * DAY,
    passwordCost: opts.passwordCost ?? PASSWORD_COST,
  }
  app.decorate('settings', settings)
  // Made now, so that the first sign-in with an unknown email costs what any other does.
  void decoyHash(settings.passwordCost)
  app.decorateRequest('auth', null)
  // Before the routes: the plugin attaches its hook to routes with a `config.rateLimit` as they register.
  await registerRateLimits(app)
  // Before the routes too, for their hooks to apply to every route; /metrics has no rate limit.
  echoRequestId(app)
  registerMetrics(app, opts.metricsToken ?? null)

  // Routes.
  await app.register(health)
  await app.register(workspaces)
  await app.register(sessions)
  await app.register(invites)
  await app.register(members)
  await app.register(floors)
  await app.register(tokens)
  await app.register(moderationRoutes)
  await app.register(webhooks, { previewMaxMs: opts.previewMaxMs })
  const blobs = attachmentBlobs(app, opts.blobs, opts.attachmentsDir)
  await app.register(chat, { blobs })
  // Issue 13: a space of companies, profiles and the directory, groups, events and guests, usage.
  await app.register(companies, { blobs })
  await app.register(profiles, { blobs })
  await app.register(community, { blobs })
  await app.register(mailReminders, { mail: opts.mail ?? null })
  await app.register(analytics)
  // Issue 14: working together: the board, the calendar, shelves of notes and files, whiteboards.
  await app.register(board, { blobs })
  await app.register(calendar, { blobs })
  await app.register(shelf, { blobs })
  await app.register(whiteboard)
  if (opts.clientDir) await app.register(client, { root: opts.clientDir })
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger())

  app.addHook('onClose', async () => opts.store.close())
  return app
}
