/**
 * Request ids and the one log line per request. Every request carries an id (the proxy's
 * `x-request-id` when it is a sane short token, else a new one), answered back in the same
 * header; Fastify puts it as `reqId` on every line a request logs, so an operator finds all the
 * lines of one request, across the proxy and the server, by that id.
 */
import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'

const REQUEST_ID_HEADER = 'x-request-id'

/** Letters, digits and `-_.:` (haproxy's unique-id, a UUID, a trace id), at most 64 of them: safe in a log line and a header. */
const SANE = /^[A-Za-z0-9._:-]{1,64}$/

/** Fastify's genReqId: the caller's id when sane, a random UUID otherwise (absent, repeated, too long, odd characters). */
export function requestId(raw: IncomingMessage): string {
  const given = raw.headers[REQUEST_ID_HEADER]
  return typeof given === 'string' && SANE.test(given) ? given : randomUUID()
}

/** Answers each request's id in `x-request-id`, so a client's report names the lines to look for. */
export function echoRequestId(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id)
  })
}

/** Polled by clients and probes: logged only when they fail, or they would drown everything else. */
const QUIET_ROUTES = new Set(['/api/ping', '/api/health', '/api/ready', '/metrics'])

/**
 * One JSON line per request, when it ends: method, route pattern, status and duration. The raw URL
 * is left out on purpose: paths carry invite codes (`/api/invites/:code/accept`), which are secrets.
 * Fastify's own pair of lines (incoming, completed) would log the URL, and twice as many lines.
 */
export class RequestLog extends LogController {
  constructor() {
    super({ disableRequestLogging: false })
  }

  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const route = request.routeOptions.url ?? 'unmatched'
    const status = reply.statusCode
    if (!error && status < 500 && QUIET_ROUTES.has(route)) return
    const line = { method: request.method, route, status, ms: Math.round(reply.elapsedTime * 10) / 10 }
    if (error) reply.log.error({ ...line, err: error }, 'request errored')
    else reply.log.info(line, 'request completed')
  }
}
