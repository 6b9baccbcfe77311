/**
 * The embedded Store on one SQLite file (WAL, foreign keys on, synchronous=FULL so an
 * acknowledged write survives a crash of the process or the machine).
 */
import Database from 'better-sqlite3'
import type { Floor } from '../../../protocol/floor/records.ts'
import type { Role } from '../../../protocol/api.ts'
import type { AccountRecord, EditOutcome, InviteRecord, MemberRecord, NewMember, OpsBatch, Store, WorkspaceRecord } from '../store.ts'
import { migrate } from './migrations/index.ts'

/** How many edit batches per floor the log keeps for `ops?since=`; older readers refetch the floor. */
export const OPS_KEPT = 1_000

interface MemberRow {
  id: string
  workspace_id: string
  account_id: string
  name: string
  email: string
  colour: string
  role: Role
  rooms: string
  last_seen_at: number | null
}

const memberSelect = `select m.id, m.workspace_id, m.account_id, a.name, a.email, a.colour, m.role, m.rooms, m.last_seen_at
  from members m join accounts a on a.id = m.account_id`

const toMember = (r: MemberRow): MemberRecord => ({
  id: r.id,
  workspaceId: r.workspace_id,
  accountId: r.account_id,
  name: r.name,
  email: r.email,
  colour: r.colour,
  role: r.role,
  rooms: JSON.parse(r.rooms) as string[],
  lastSeenAt: r.last_seen_at,
})

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const v of Object.values(value)) deepFreeze(v)
  }
  return value
}

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

  /**
   * Every read-then-write runs as BEGIN IMMEDIATE: it takes the write lock before its first read, so
   * a second connection on the same file (another server instance) waits on busy_timeout instead of
   * failing with SQLITE_BUSY when its deferred read snapshot turns stale.
   */
  const write = <T>(fn: () => T): T => db.transaction(fn).immediate()

  // Preparing a statement costs more than running it on the hot paths (every request authenticates),
  // so each distinct statement is prepared once per connection. A statement that writes forgets
  // the remembered reads below when it runs.
  const statements = new Map<string, Database.Statement>()
  const sql = (text: string): Database.Statement => {
    let statement = statements.get(text)
    if (!statement) {
      statement = db.prepare(text)
      if (!statement.reader) {
        const run = statement.run.bind(statement)
        statement.run = (...params: unknown[]) => {
          const result = run(...params)
          memo.clear()
          return result
        }
      }
      statements.set(text, statement)
    }
    return statement
  }

  /**
   * Results of the hot reads (every authenticated request, every token) kept until the database
   * changes. This connection's own writes clear them (see `sql`); another connection's commit
   * (another server instance) moves `data_version`, which is looked at when a remembered result is
   * older than 1 ms. The reads this saves cost 10-50 µs each under load.
   */
  const dataVersion = db.prepare('pragma data_version').pluck()
  const memo = new Map<string, unknown>()
  let memoVersion: unknown = null
  let checkedAt = -Infinity
  const remembered = <T>(key: string, read: () => T): T => {
    const now = performance.now()
    if (now - checkedAt > 1 || memo.size > 20_000) {
      checkedAt = now
      const version = dataVersion.get()
      if (version !== memoVersion || memo.size > 20_000) {
        memo.clear()
        memoVersion = version
      }
    }
    if (memo.has(key)) return memo.get(key) as T
    const value = deepFreeze(read())
    memo.set(key, value)
    return value
  }

  // Parsed floor documents by workspace/floor, valid for exactly one version: every read checks the
  // version in the database first, so this never answers with anything the database does not hold.
  // Frozen, because the same object is handed to every caller until the next edit.
  const parsed = new Map<string, { version: number; floor: Floor }>()
  const floorOf = (workspaceId: string, id: string, version: number): Floor => {
    const key = `${workspaceId}/${id}`
    const hit = parsed.get(key)
    if (hit && hit.version === version) return hit.floor
    const row = sql('select doc from floors where workspace_id = ? and id = ?').get(workspaceId, id) as { doc: string }
    const floor = deepFreeze(JSON.parse(row.doc) as Floor)
    parsed.set(key, { version, floor })
    return floor
  }

  const insertMember = (workspaceId: string, m: NewMember, at: number) => {
    let accountId: string
    if ('existingId' in m.account) {
      accountId = m.account.existingId
    } else {
      accountId = m.account.id
      sql('insert into accounts (id, email, name, password_hash, colour, created_at) values (?, ?, ?, ?, ?, ?)')
        .run(accountId, m.account.email, m.account.name, m.account.passwordHash, m.account.colour, at)
    }
    sql('insert into members (id, workspace_id, account_id, role, rooms, created_at) values (?, ?, ?, ?, ?, ?)')
      .run(m.memberId, workspaceId, accountId, m.role, JSON.stringify(m.rooms), at)
  }

  const getFloorSync = (workspaceId: string, floorId: string): Floor | null => {
    const row = sql('select version from floors where workspace_id = ? and id = ?').get(workspaceId, floorId) as { version: number } | undefined
    return row ? floorOf(workspaceId, floorId, row.version) : null
  }

  const store: Store = {
    async createWorkspace(workspace, owner, floor) {
      write(() => {
        sql('insert into workspaces (id, name, created_at) values (?, ?, ?)').run(workspace.id, workspace.name, workspace.createdAt)
        insertMember(workspace.id, owner, workspace.createdAt)
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

    async acceptInvite(codeHash, member, now) {
      return write((): 'ok' | 'gone' | 'email-taken' => {
        const invite = sql('select workspace_id, used_at, expires_at from invites where code_hash = ?').get(codeHash) as
          | { workspace_id: string; used_at: number | null; expires_at: number }
          | undefined
        if (!invite || invite.used_at !== null || invite.expires_at <= now) return 'gone'
        if ('existingId' in member.account) {
          const already = sql('select 1 from members where workspace_id = ? and account_id = ?').get(invite.workspace_id, member.account.existingId)
          if (already) return 'email-taken'
        } else if (sql('select 1 from accounts where email = ?').get(member.account.email)) {
          return 'email-taken'
        }
        sql('update invites set used_at = ? where code_hash = ?').run(now, codeHash)
        insertMember(invite.workspace_id, member, now)
        return 'ok'
      })
    },
    async getMember(workspaceId, memberId) {
      return remembered(`member:${workspaceId}:${memberId}`, () => {
        const r = sql(`${memberSelect} where m.workspace_id = ? and m.id = ?`).get(workspaceId, memberId) as MemberRow | undefined
        return r ? toMember(r) : null
      })
    },
    async membersOfAccount(accountId) {
      return (sql(`${memberSelect} where m.account_id = ? order by m.created_at`).all(accountId) as MemberRow[]).map(toMember)
    },
    async listMembers(workspaceId) {
      return remembered(`members:${workspaceId}`, () =>
        (sql(`${memberSelect} where m.workspace_id = ? order by a.name collate nocase`).all(workspaceId) as MemberRow[]).map(toMember),
      )
    },
    async setRole(workspaceId, memberId, role) {
      sql('update members set role = ? where workspace_id = ? and id = ?').run(role, workspaceId, memberId)
    },
    async removeMember(workspaceId, memberId) {
      sql('delete from members where workspace_id = ? and id = ?').run(workspaceId, memberId)
    },
    async touchMember(memberId, at) {
      sql('update members set last_seen_at = ? where id = ?').run(at, memberId)
    },

    async createSession(tokenHash, memberId, expiresAt) {
      sql('insert into sessions (token_hash, member_id, created_at, expires_at) values (?, ?, ?, ?)').run(tokenHash, memberId, Date.now(), expiresAt)
    },
    async getSession(tokenHash) {
      return remembered(`session:${tokenHash}`, () => {
        const r = sql(`select s.expires_at, m.id, m.workspace_id, m.account_id, a.name, a.email, a.colour, m.role, m.rooms, m.last_seen_at
            from sessions s join members m on m.id = s.member_id join accounts a on a.id = m.account_id where s.token_hash = ?`)
          .get(tokenHash) as (MemberRow & { expires_at: number }) | undefined
        return r ? { memberId: r.id, workspaceId: r.workspace_id, expiresAt: r.expires_at, member: toMember(r) } : null
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

    async createInvite(codeHash, invite) {
      sql('insert into invites (code_hash, workspace_id, role, email, rooms, expires_at, created_by) values (?, ?, ?, ?, ?, ?, ?)')
        .run(codeHash, invite.workspaceId, invite.role, invite.email, JSON.stringify(invite.rooms), invite.expiresAt, invite.createdBy)
    },
    async getInvite(codeHash) {
      const r = sql('select workspace_id, role, email, rooms, expires_at, used_at from invites where code_hash = ?').get(codeHash) as
        | { workspace_id: string; role: Role; email: string | null; rooms: string; expires_at: number; used_at: number | null }
        | undefined
      return r
        ? ({ workspaceId: r.workspace_id, role: r.role, email: r.email, rooms: JSON.parse(r.rooms) as string[], expiresAt: r.expires_at, usedAt: r.used_at } satisfies InviteRecord)
        : null
    },

    async listFloors(workspaceId) {
      return remembered(`floors:${workspaceId}`, () => {
        const rows = sql('select id, version from floors where workspace_id = ? order by position').all(workspaceId) as { id: string; version: number }[]
        return rows.map((r) => floorOf(workspaceId, r.id, r.version))
      })
    },
    async getFloor(workspaceId, floorId) {
      return getFloorSync(workspaceId, floorId)
    },
    async addFloor(workspaceId, floor) {
      sql('insert into floors (workspace_id, id, position, version, doc) values (?, ?, (select coalesce(max(position), -1) + 1 from floors where workspace_id = ?), ?, ?)')
        .run(workspaceId, floor.id, workspaceId, floor.version, JSON.stringify(floor))
    },
    async removeFloor(workspaceId, floorId) {
      return write((): 'removed' | 'last' | 'not-found' => {
        const count = (sql('select count(*) as n from floors where workspace_id = ?').get(workspaceId) as { n: number }).n
        if (!sql('select 1 from floors where workspace_id = ? and id = ?').get(workspaceId, floorId)) return 'not-found'
        if (count <= 1) return 'last'
        sql('delete from floors where workspace_id = ? and id = ?').run(workspaceId, floorId)
        return 'removed'
      })
    },
    async editFloor(workspaceId, floorId, edit, apply) {
      return write((): EditOutcome => {
        const floor = getFloorSync(workspaceId, floorId)
        if (!floor) return { kind: 'not-found' }
        const seen = sql('select version from floor_ops where workspace_id = ? and floor_id = ? and batch_id = ?').get(workspaceId, floorId, edit.batchId) as
          | { version: number }
          | undefined
        if (seen) return { kind: 'duplicate', version: seen.version }
        if (edit.baseVersion !== floor.version) return { kind: 'conflict', currentVersion: floor.version }
        const result = apply(floor, edit.ops)
        if (!result.ok) return { kind: 'invalid', error: result.error }
        const next = result.floor
        sql('update floors set version = ?, doc = ? where workspace_id = ? and id = ?').run(next.version, JSON.stringify(next), workspaceId, floorId)
        sql('insert into floor_ops (workspace_id, floor_id, version, batch_id, ops, author_id, created_at) values (?, ?, ?, ?, ?, ?, ?)')
          .run(workspaceId, floorId, next.version, edit.batchId, JSON.stringify(edit.ops), edit.authorId, edit.at)
        sql('delete from floor_ops where workspace_id = ? and floor_id = ? and version <= ?').run(workspaceId, floorId, next.version - opsKept)
        return { kind: 'applied', version: next.version, floor: next }
      })
    },
    async opsSince(workspaceId, floorId, since) {
      // One read transaction, so the floor's version and the log come from the same snapshot.
      return db.transaction((): { version: number; batches: OpsBatch[] } | 'gone' | null => {
        const floor = getFloorSync(workspaceId, floorId)
        if (!floor) return null
        if (since === floor.version) return { version: floor.version, batches: [] }
        // A reader ahead of the floor holds a plan this store never had (a restored backup): refetch.
        if (since > floor.version) return 'gone'
        const rows = sql('select version, batch_id, ops from floor_ops where workspace_id = ? and floor_id = ? and version > ? order by version')
          .all(workspaceId, floorId, since) as { version: number; batch_id: string; ops: string }[]
        // The log must hold every version after `since`; a gap means it was trimmed past the reader.
        if (rows.length !== floor.version - since) return 'gone'
        return { version: floor.version, batches: rows.map((r) => ({ version: r.version, batchId: r.batch_id, ops: JSON.parse(r.ops) as OpsBatch['ops'] })) }
      })()
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
        const before = (sql('select member_id from room_occupants where workspace_id = ? and room_id = ? order by member_id').all(workspaceId, roomId) as { member_id: string }[])
          .map((r) => r.member_id)
        const after = [...new Set(memberIds)].sort()
        if (before.length === after.length && before.every((id, i) => id === after[i])) return false
        sql('delete from room_occupants where workspace_id = ? and room_id = ?').run(workspaceId, roomId)
        const insert = sql('insert into room_occupants (workspace_id, room_id, member_id, since) values (?, ?, ?, ?)')
        for (const id of after) insert.run(workspaceId, roomId, id, at)
        return true
      })
    },
    async occupancy(workspaceId) {
      return remembered(`occupancy:${workspaceId}`, () => {
        const rows = sql('select room_id, member_id from room_occupants where workspace_id = ? order by room_id, since').all(workspaceId) as { room_id: string; member_id: string }[]
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
