/**
 * The embedded Store on one SQLite file (WAL, foreign keys on, synchronous=FULL so an
 * acknowledged write survives a crash of the process or the machine). Members, invites, floors and
 * drafts have their own modules beside this one; workspaces, sessions and the rest are here.
 */
import Database from 'better-sqlite3'
import type { AccountRecord, MemberRecord, Store, WorkspaceRecord } from '../store.ts'
import { connect } from './connection.ts'
import { draftMethods } from './drafts.ts'
import { floorMethods } from './floors.ts'
import { inviteMethods } from './invites.ts'
import { insertMember, memberMethods, toMemberRecord, type MemberRow } from './members.ts'
import { migrate } from './migrations/index.ts'

/** How many edit batches per floor the log keeps for `ops?since=`; older readers refetch the floor. */
export const OPS_KEPT = 1_000

export interface SqliteStoreOptions {
  /** Batches per floor kept for `ops?since=` (default OPS_KEPT); tests lower it to reach the end quickly. */
  opsKept?: number
}

export function openSqliteStore(file: string, opts: SqliteStoreOptions = {}): Store {
  const opsKept = opts.opsKept ?? OPS_KEPT
  if (!Number.isInteger(opsKept) || opsKept < 1) throw new Error(`opsKept must be a positive integer (got ${opsKept})`)
  const db = new Database(file)
  try {
    const mode = db.pragma('journal_mode = WAL', { simple: true })
    if (mode !== 'wal' && file !== ':memory:') throw new Error(`could not switch ${file} to WAL (got ${String(mode)})`)
    db.pragma('synchronous = FULL')
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')
    migrate(db)
  } catch (err) {
    // A refused file stays as it was, and unlocked for whoever looks at it next.
    db.close()
    throw err
  }

  const c = connect(db)
  const { sql, write, remembered } = c

  const store: Store = {
    ...memberMethods(c),
    ...inviteMethods(c),
    ...floorMethods(c, opsKept),
    ...draftMethods(c),

    async createWorkspace(workspace, owner, floor) {
      write(() => {
        sql('insert into workspaces (id, name, created_at) values (?, ?, ?)').run(workspace.id, workspace.name, workspace.createdAt)
        insertMember(c, workspace.id, owner, workspace.createdAt)
        sql('insert into floors (workspace_id, id, position, version, doc) values (?, ?, 0, ?, ?)')
          .run(workspace.id, floor.id, floor.version, JSON.stringify(floor))
      })
    },
    async getWorkspace(id) {
      const r = sql('select id, name, created_at from workspaces where id = ?').get(id) as { id: string; name: string; created_at: number } | undefined
      return r ? ({ id: r.id, name: r.name, createdAt: r.created_at } satisfies WorkspaceRecord) : null
    },

    async findAccountByEmail(email) {
      const r = sql('select id, email, name, password_hash, colour from accounts where email = ?').get(email) as
        | { id: string; email: string; name: string; password_hash: string; colour: string }
        | undefined
      return r ? ({ id: r.id, email: r.email, name: r.name, passwordHash: r.password_hash, colour: r.colour } satisfies AccountRecord) : null
    },
    async updateAccount(accountId, changes) {
      const sets: string[] = []
      const values: unknown[] = []
      const columns = { name: 'name', colour: 'colour', passwordHash: 'password_hash' } as const
      for (const [key, column] of Object.entries(columns)) {
        const value = changes[key as keyof typeof columns]
        if (value === undefined) continue
        sets.push(`${column} = ?`)
        values.push(value)
      }
      if (sets.length) sql(`update accounts set ${sets.join(', ')} where id = ?`).run(...values, accountId)
    },

    async createSession(tokenHash, memberId, expiresAt) {
      const at = Date.now()
      write(() => {
        sql('insert into sessions (token_hash, member_id, created_at, expires_at) values (?, ?, ?, ?)').run(tokenHash, memberId, at, expiresAt)
        // Signing in is being seen; unlike the session row, which signing out deletes, this stays.
        sql('update members set last_seen_at = max(coalesce(last_seen_at, 0), ?) where id = ?').run(at, memberId)
      })
    },
    async getSession(tokenHash) {
      return remembered(`session:${tokenHash}`, () => {
        const r = sql(`select s.expires_at, m.id, m.workspace_id, m.account_id, a.name, a.email, a.colour, m.role, m.rooms, m.last_seen_at
            from sessions s join members m on m.id = s.member_id join accounts a on a.id = m.account_id where s.token_hash = ?`)
          .get(tokenHash) as (MemberRow & { expires_at: number }) | undefined
        return r ? { memberId: r.id, workspaceId: r.workspace_id, expiresAt: r.expires_at, member: toMemberRecord(r) satisfies MemberRecord } : null
      })
    },
    async extendSession(tokenHash, expiresAt) {
      sql('update sessions set expires_at = ? where token_hash = ?').run(expiresAt, tokenHash)
    },
    async deleteSession(tokenHash) {
      sql('delete from sessions where token_hash = ?').run(tokenHash)
    },
    async deleteSessionsOfAccount(accountId, except) {
      sql('delete from sessions where member_id in (select id from members where account_id = ?) and token_hash != ?').run(accountId, except ?? '')
    },

    async admit(workspaceId, roomId, memberId, until) {
      sql('insert into admissions (workspace_id, room_id, member_id, until) values (?, ?, ?, ?) on conflict do update set until = excluded.until')
        .run(workspaceId, roomId, memberId, until)
    },
    async isAdmitted(workspaceId, roomId, memberId, now) {
      const until = remembered(`admitted:${workspaceId}:${roomId}:${memberId}`, () =>
        (sql('select until from admissions where workspace_id = ? and room_id = ? and member_id = ?').pluck().get(workspaceId, roomId, memberId) as number | undefined) ?? 0,
      )
      return until > now
    },

    async setOccupants(workspaceId, roomId, memberIds, at) {
      return write(() => {
        const before = (sql('select member_id from room_occupants where workspace_id = ? and room_id = ?').pluck().all(workspaceId, roomId) as string[])
        const after = new Set(memberIds)
        if (before.length === after.size && before.every((id) => after.has(id))) return false
        // Whoever stays keeps their arrival time: a room that shrinks sends out its latest arrivals.
        const leave = sql('delete from room_occupants where workspace_id = ? and room_id = ? and member_id = ?')
        for (const id of before) if (!after.has(id)) leave.run(workspaceId, roomId, id)
        const arrive = sql('insert into room_occupants (workspace_id, room_id, member_id, since) values (?, ?, ?, ?) on conflict do nothing')
        for (const id of after) arrive.run(workspaceId, roomId, id, at)
        return true
      })
    },
    async occupancy(workspaceId) {
      return remembered(`occupancy:${workspaceId}`, () => {
        const rows = sql('select room_id, member_id from room_occupants where workspace_id = ? order by room_id, since, rowid').all(workspaceId) as { room_id: string; member_id: string }[]
        const rooms: Record<string, string[]> = {}
        for (const r of rows) (rooms[r.room_id] ??= []).push(r.member_id)
        return rooms
      })
    },

    async countAttempt(key, now, since) {
      return write(() => {
        // One hour is the longest window any limiter asks about.
        sql('delete from sign_in_attempts where at < ?').run(now - 3_600_000)
        sql('insert into sign_in_attempts (key, at) values (?, ?)').run(key, now)
        return (sql('select count(*) as n from sign_in_attempts where key = ? and at >= ?').get(key, since) as { n: number }).n
      })
    },

    close() {
      if (db.open) db.close()
    },
  }
  return store
}
