/** Sessions and rate-limit counters in the SQLite store: the sign-in side of the server. */
import type { MemberRecord, Store } from '../store.ts'
import type { Connection } from './connection.ts'
import { toMemberRecord, type MemberRow } from '../rows.ts'

type SessionMethods = Pick<Store, 'createSession' | 'getSession' | 'extendSession' | 'deleteSession' | 'deleteSessionsOfAccount' | 'countHit' | 'readHits'>

/** Ended rate-limit windows are swept at most this often, not on every hit. */
const SWEEP_EVERY_MS = 60_000

export function sessionMethods(c: Connection): SessionMethods {
  const { sql, write, remembered } = c
  let sweptAt = -Infinity
  return {
    async createSession(tokenHash, memberId, expiresAt, at) {
      write(() => {
        sql('insert into sessions (token_hash, member_id, created_at, expires_at) values (?, ?, ?, ?)').run(tokenHash, memberId, at, expiresAt)
        // Signing in is being seen; unlike the session row, which signing out deletes, this stays.
        sql('update members set last_seen_at = max(coalesce(last_seen_at, 0), ?) where id = ?').run(at, memberId)
      })
    },
    async getSession(tokenHash) {
      return remembered(`session:${tokenHash}`, () => {
        const r = sql(`select s.created_at as session_created_at, s.expires_at, m.id, m.workspace_id, m.account_id, a.name, a.email, a.colour, m.role, m.rooms, m.last_seen_at
            from sessions s join members m on m.id = s.member_id join accounts a on a.id = m.account_id where s.token_hash = ?`)
          .get(tokenHash) as (MemberRow & { session_created_at: number; expires_at: number }) | undefined
        if (!r) return null
        return { memberId: r.id, workspaceId: r.workspace_id, createdAt: r.session_created_at, expiresAt: r.expires_at, member: toMemberRecord(r) satisfies MemberRecord }
      })
    },
    async extendSession(tokenHash, expiresAt) {
      sql('update sessions set expires_at = ? where token_hash = ?').run(expiresAt, tokenHash)
    },
    async deleteSession(tokenHash) {
      sql('delete from sessions where token_hash = ?').run(tokenHash)
    },
    async deleteSessionsOfAccount(accountId, except) {
      return sql('delete from sessions where member_id in (select id from members where account_id = ?) and token_hash != ?').run(accountId, except ?? '').changes
    },

    async countHit(key, windowMs, now) {
      if (now - sweptAt > SWEEP_EVERY_MS) {
        sweptAt = now
        sql('delete from rate_limits where reset_at <= ?').run(now)
      }
      // One statement: concurrent hits from several server instances each count exactly once.
      return sql(`insert into rate_limits (key, count, reset_at) values (?, 1, ?)
          on conflict (key) do update set count = iif(reset_at <= ?, 1, count + 1), reset_at = iif(reset_at <= ?, excluded.reset_at, reset_at)
          returning count, reset_at as resetAt`)
        .get(key, now + windowMs, now, now) as { count: number; resetAt: number }
    },
    async readHits(key, now) {
      const r = sql('select count, reset_at as resetAt from rate_limits where key = ?').get(key) as { count: number; resetAt: number } | undefined
      return r && r.resetAt > now ? r : { count: 0, resetAt: now }
    },
  }
}
