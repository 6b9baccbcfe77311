/**
 * The embedded Store on one SQLite file (WAL, foreign keys on, synchronous=FULL so an
 * acknowledged write survives a crash of the process or the machine). Members, invites, floors,
 * drafts, sessions (with rate limits), occupancy and room moderation have their own modules beside this one;
 * workspaces, accounts and admissions are here.
 */
import Database from 'better-sqlite3'
import { UNICODE_LOWER } from '../profile-search.ts'
import type { AccountRecord, Store, WorkspaceRecord } from '../store.ts'
import { analyticsMethods } from './analytics.ts'
import { chatMethods } from './chat.ts'
import { communityMethods } from './community.ts'
import { whiteboardMethods } from './whiteboard.ts'
import { shelfMethods } from './shelf.ts'
import { calendarMethods } from './calendar.ts'
import { boardMethods } from './board.ts'
import { companyMethods } from './companies.ts'
import { profileMethods } from './profiles.ts'
import { messageMethods } from './chat-messages.ts'
import { connect } from './connection.ts'
import { draftMethods } from './drafts.ts'
import { floorMethods } from './floors.ts'
import { inviteMethods } from './invites.ts'
import { insertMember, memberMethods } from './members.ts'
import { migrate } from './migrations/index.ts'
import { moderationMethods } from './moderation.ts'
import { occupancyMethods } from './occupancy.ts'
import { sessionMethods } from './sessions.ts'

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
    // lower() beyond ASCII, for the directory's search (profile-search.ts).
    db.function(UNICODE_LOWER, { deterministic: true }, (text: unknown) => (typeof text === 'string' ? text.toLowerCase() : text))
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
    ...sessionMethods(c),
    ...occupancyMethods(c),
    ...moderationMethods(c),
    ...chatMethods(c),
    ...messageMethods(c),
    ...companyMethods(c),
    ...profileMethods(c),
    ...communityMethods(c),
    ...analyticsMethods(c),
    ...whiteboardMethods(c),
    ...shelfMethods(c),
    ...calendarMethods(c),
    ...boardMethods(c),

    async createWorkspace(workspace, owner, floor) {
      write(() => {
        sql('insert into workspaces (id, name, created_at) values (?, ?, ?)').run(workspace.id, workspace.name, workspace.createdAt)
        insertMember(c, workspace.id, owner, workspace.createdAt)
        sql('insert into floors (workspace_id, id, position, version, doc) values (?, ?, 0, ?, ?)')
          .run(workspace.id, floor.id, floor.version, JSON.stringify(floor))
        // #general comes with the workspace (every non-guest member belongs to it).
        sql("insert into conversations (workspace_id, id, kind, name, created_at) values (?, 'ch_general', 'channel', 'general', ?)").run(workspace.id, workspace.createdAt)
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

    close() {
      if (db.open) db.close()
    },
  }
  return store
}
