/**
 * What is rate-limited, and how. Everything goes through @fastify/rate-limit with its counts in the
 * database (limit-store.ts). An address is the plugin's normalised request.ip (an IPv6 /64 counts
 * as one); behind a reverse proxy, OFFICE_TRUST_PROXY makes that the client's (app.ts).
 *
 * - `POST /api/workspaces` (routes/workspaces.ts): WORKSPACES_PER_ADDRESS, every request counted,
 *   by the plugin's own route hook before the body is parsed (workspaceCreationLimit).
 * - Password checks (sign-in, opening a workspace or joining with an existing account's email, a
 *   password change): lockouts that count failures only (passwordGuard, used by
 *   password-check.ts), with the plugin's createRateLimit limiters, read before the check and
 *   counted after a failure:
 *   - per account and address: a few failures lock that address out of that account;
 *   - per address over all accounts: more lock the address out of all of them (spraying);
 *   - per account over all addresses: past many, any address with a failure of its own against
 *     the account is locked out of it too (many machines), while one without still gets in.
 *   So the right password from another address still works while someone attacks an account.
 *   Checks still running count as failures until they end, so a burst cannot slip past the
 *   counts (and queue hundreds of scrypt hashes) before the first failure is written.
 */
import { normalizeIP } from '@fastify/rate-limit'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { tooMany } from './limit-store.ts'

const MINUTE = 60_000

export const WORKSPACES_PER_ADDRESS = { max: 30, windowMs: 60 * MINUTE } as const

/** Failed password checks allowed per window; the next check is refused until the window ends. */
export const failureLimits = {
  accountAndAddress: { max: 10, windowMs: 15 * MINUTE },
  address: { max: 50, windowMs: 15 * MINUTE },
  account: { max: 100, windowMs: 15 * MINUTE },
} as const

const addressOf = (request: FastifyRequest): string => normalizeIP(request.ip)

/** The route config of `POST /api/workspaces`. */
export const workspaceCreationLimit = {
  max: WORKSPACES_PER_ADDRESS.max,
  timeWindow: WORKSPACES_PER_ADDRESS.windowMs,
  keyGenerator: (request: FastifyRequest) => `workspaces:${addressOf(request)}`,
  errorResponseBuilder: () => tooMany('too many workspaces created from this address; try again later'),
}

type Limit = { max: number; windowMs: number }

/** One failure counter: `increment` adds a failure, otherwise it only looks. */
async function failures(app: FastifyInstance, request: FastifyRequest, key: string, limit: Limit, increment: boolean) {
  const limiter = app.createRateLimit({ max: limit.max, timeWindow: limit.windowMs, keyGenerator: () => key })
  const r = await limiter(request, { increment })
  // `remaining` is max − count, floored at 0: enough to tell "at the limit" and "any at all".
  return r.isAllowed ? { count: 0, retryAfter: 0 } : { count: r.max - r.remaining, retryAfter: r.ttlInSeconds }
}

/** Password checks under way, per key, in this process; per store, which every route's plugin context shares. */
const running = new WeakMap<object, Map<string, number>>()

export interface PasswordGuard {
  /** Counts this check as a failure, on every key. */
  failed(): Promise<void>
  /** Ends the check (always, once). */
  release(): void
}

/** Starts a password check for `email` from this request's address; 429 while either is locked out. */
export async function passwordGuard(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply, email: string): Promise<PasswordGuard> {
  const account = email.toLowerCase()
  const address = addressOf(request)
  const keys = { pair: `pw:pair:${account}:${address}`, address: `pw:address:${address}`, account: `pw:account:${account}` }
  const limits = { pair: failureLimits.accountAndAddress, address: failureLimits.address, account: failureLimits.account }
  const counts = running.get(app.store) ?? running.set(app.store, new Map()).get(app.store)!
  const held = [keys.pair, keys.address]
  for (const key of held) counts.set(key, (counts.get(key) ?? 0) + 1)
  let released = false
  const release = () => {
    if (released) return
    released = true
    for (const key of held) {
      const left = counts.get(key)! - 1
      if (left > 0) counts.set(key, left)
      else counts.delete(key)
    }
  }
  try {
    const [pair, byAddress, byAccount] = await Promise.all(
      (['pair', 'address', 'account'] as const).map((k) => failures(app, request, keys[k], limits[k], false)),
    )
    // Other checks of this pair or address still running count as failures, not this one.
    const pairSoFar = pair!.count + counts.get(keys.pair)! - 1
    const addressSoFar = byAddress!.count + counts.get(keys.address)! - 1
    const lockedBy = pairSoFar >= limits.pair.max ? pair : addressSoFar >= limits.address.max ? byAddress : byAccount!.count >= limits.account.max && pairSoFar > 0 ? byAccount : null
    if (lockedBy) {
      reply.header('retry-after', String(Math.max(1, lockedBy.retryAfter)))
      throw tooMany('too many failed sign-ins; wait a while and try again')
    }
  } catch (err) {
    release()
    throw err
  }
  return {
    failed: async () => {
      await Promise.all((['pair', 'address', 'account'] as const).map((k) => failures(app, request, keys[k], limits[k], true)))
    },
    release,
  }
}
