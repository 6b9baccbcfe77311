/**
 * Rate-limit counters (fixed windows, auth/rate-limit.ts) in the PostgreSQL store, shared by every
 * server instance: each hit is one upsert, which PostgreSQL applies atomically, so concurrent hits
 * from several instances each count exactly once.
 */
import type { HitCount, Store } from '../store.ts'
import type { Connection } from './connection.ts'

type RateLimitMethods = Pick<Store, 'countHit' | 'readHits'>

/** Ended windows are swept at most this often by each instance, not on every hit. */
const SWEEP_EVERY_MS = 60_000

export function rateLimitMethods(c: Connection): RateLimitMethods {
  let sweptAt = -Infinity
  return {
    async countHit(key, windowMs, now) {
      if (now - sweptAt > SWEEP_EVERY_MS) {
        sweptAt = now
        await c.run('delete from rate_limits where reset_at <= $1', [now])
      }
      const hit = await c.one<HitCount>(`insert into rate_limits as r (key, count, reset_at) values ($1, 1, $2)
          on conflict (key) do update set
            count = case when r.reset_at <= $3 then 1 else r.count + 1 end,
            reset_at = case when r.reset_at <= $3 then excluded.reset_at else r.reset_at end
          returning r.count, r.reset_at as "resetAt"`, [key, now + windowMs, now])
      return hit!
    },
    async readHits(key, now) {
      const r = await c.one<HitCount>('select count, reset_at as "resetAt" from rate_limits where key = $1', [key])
      return r && r.resetAt > now ? r : { count: 0, resetAt: now }
    },
  }
}
