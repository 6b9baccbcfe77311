/** Sessions in the PostgreSQL store: every authenticated request starts with one read of its session and member. */
import type { MemberRecord, Store } from '../store.ts'
import type { Connection } from './connection.ts'
import { toMemberRecord, type MemberRow } from '../rows.ts'
import { memberColumns } from './members.ts'

type SessionMethods = Pick<Store, 'createSession' | 'getSession' | 'extendSession' | 'deleteSession' | 'deleteSessionsOfAccount'>

export function sessionMethods(c: Connection): SessionMethods {
  return {
    async createSession(tokenHash, memberId, expiresAt, at) {
      // Two statements that decide nothing: one transaction, no lock.
      await c.tx(async (sql) => {
        await sql.run('insert into sessions (token_hash, member_id, created_at, expires_at) values ($1, $2, $3, $4)', [tokenHash, memberId, at, expiresAt])
        // Signing in is being seen; unlike the session row, which signing out deletes, this stays.
        await sql.run('update members set last_seen_at = greatest(coalesce(last_seen_at, 0), $1) where id = $2', [at, memberId])
      })
    },
    async getSession(tokenHash) {
      const r = await c.one<MemberRow & { session_created_at: number; expires_at: number }>(`select s.created_at as session_created_at, s.expires_at, ${memberColumns}
        from sessions s join members m on m.id = s.member_id join accounts a on a.id = m.account_id where s.token_hash = $1`, [tokenHash])
      if (!r) return null
      return { memberId: r.id, workspaceId: r.workspace_id, createdAt: r.session_created_at, expiresAt: r.expires_at, member: toMemberRecord(r) satisfies MemberRecord }
    },
    async extendSession(tokenHash, expiresAt) {
      await c.run('update sessions set expires_at = $1 where token_hash = $2', [expiresAt, tokenHash])
    },
    async deleteSession(tokenHash) {
      await c.run('delete from sessions where token_hash = $1', [tokenHash])
    },
    async deleteSessionsOfAccount(accountId, except) {
      return c.run('delete from sessions where member_id in (select id from members where account_id = $1) and token_hash <> $2', [accountId, except ?? ''])
    },
  }
}
