/**
 * @fastify/rate-limit with its counts in the database: its store contract (incr, read, child) over
 * the Store's countHit/readHits, so every server instance sees the same counts and a restart
 * forgets none. What is limited, and how, is in rate-limit.ts.
 */
import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance } from 'fastify'
import { errorCodes } from '../../protocol/errors.ts'
import { HttpError } from '../http-error.ts'
import type { HitCount, Store } from '../store/store.ts'

type Callback = (err: Error | null, result?: { current: number; ttl: number }) => void

/** Keys arrive whole from our keyGenerators (`workspaces:…`, `pw:…`), so a child is the same store. */
function databaseLimitStore(store: Store, now: () => number) {
  const answer = (hits: Promise<HitCount>, at: number, cb: Callback) =>
    void hits.then(
      ({ count, resetAt }) => cb(null, { current: count, ttl: Math.max(0, resetAt - at) }),
      (err: unknown) => cb(err as Error),
    )
  return class DatabaseLimitStore {
    incr(key: string, cb: Callback, timeWindow: number) {
      const at = now()
      answer(store.countHit(key, timeWindow, at), at, cb)
    }
    read(key: string, cb: Callback) {
      const at = now()
      answer(store.readHits(key, at), at, cb)
    }
    child() {
      return this
    }
  }
}

export const tooMany = (message: string) => new HttpError(429, { error: errorCodes.rateLimited, message })

/** Registers the plugin with no global limit: only routes with a `config.rateLimit`, and createRateLimit's limiters. */
export async function registerRateLimits(app: FastifyInstance): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    store: databaseLimitStore(app.store, app.now),
    errorResponseBuilder: (_request, context) => tooMany(`too many requests from this address; try again in ${context.after}`),
  })
}
