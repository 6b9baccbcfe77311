/**
 * The Store on a shared PostgreSQL database (DATABASE_URL), for several server instances at once:
 * nothing a decision depends on is kept in the process (only parsed floor documents, checked
 * against the database on every read). Members, invites, floors, drafts, sessions, rate limits,
 * occupancy and room moderation have their own modules beside this one; workspaces, accounts and admissions are here.
 */
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
import { connect, createPool } from './connection.ts'
import { draftMethods } from './drafts.ts'
import { floorDocs } from './floor-docs.ts'
import { floorMethods } from './floors.ts'
import { inviteMethods } from './invites.ts'
import { insertMember, memberLocks, memberMethods } from './members.ts'
import { migrate } from './migrations/index.ts'
import { moderationMethods } from './moderation.ts'
import { occupancyMethods } from './occupancy.ts'
import { rateLimitMethods } from './rate-limits.ts'
import { sessionMethods } from './sessions.ts'

/** How many edit batches per floor the log keeps for `ops?since=` (as the SQLite store). */
export const OPS_KEPT = 1_000

export interface PostgresStoreOptions {
  /** Batches per floor kept for `ops?since=` (default OPS_KEPT); tests lower it to reach the end quickly. */
  opsKept?: number
  /** Connections this instance opens at most (default 10). */
  maxConnections?: number
}

/** `close()` ends the pool; the promise settles once every connection is closed (app.ts awaits it). */
export interface PostgresStore extends Store {
  close(): Promise<void>
}

export async function openPostgresStore(url: string, opts: PostgresStoreOptions = {}): Promise<PostgresStore> {
  const opsKept = opts.opsKept ?? OPS_KEPT
  if (!Number.isInteger(opsKept) || opsKept < 1) throw new Error(`opsKept must be a positive integer (got ${opsKept})`)
  const pool = createPool(url, opts.maxConnections)
  try {
    await migrate(pool)
  } catch (err) {
    await pool.end()
    throw err
  }
  const c = connect(pool)
  const docs = floorDocs()
  let closed: Promise<void> | null = null

  return {
    ...memberMethods(c),
    ...inviteMethods(c),
    ...floorMethods(c, docs, opsKept),
    ...draftMethods(c, docs),
    ...sessionMethods(c),
    ...rateLimitMethods(c),
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
      await c.tx(async (sql) => {
        await sql.lock(...memberLocks(owner))
        await sql.run('insert into workspaces (id, name, created_at) values ($1, $2, $3)', [workspace.id, workspace.name, workspace.createdAt])
        await insertMember(sql, workspace.id, owner, workspace.createdAt)
        await sql.run('insert into floors (workspace_id, id, position, version, doc) values ($1, $2, 0, $3, $4)', [workspace.id, floor.id, floor.version, JSON.stringify(floor)])
        // #general comes with the workspace (every non-guest member belongs to it).
        await sql.run("insert into conversations (workspace_id, id, kind, name, created_at) values ($1, 'ch_general', 'channel', 'general', $2)", [workspace.id, workspace.createdAt])
      })
    },
    async getWorkspace(id) {
      const r = await c.one<{ id: string; name: string; created_at: number }>('select id, name, created_at from workspaces where id = $1', [id])
      return r ? ({ id: r.id, name: r.name, createdAt: r.created_at } satisfies WorkspaceRecord) : null
    },

    async findAccountByEmail(email) {
      const r = await c.one<{ id: string; email: string; name: string; password_hash: string; colour: string }>(
        'select id, email, name, password_hash, colour from accounts where lower(email) = lower($1)', [email])
      return r ? ({ id: r.id, email: r.email, name: r.name, passwordHash: r.password_hash, colour: r.colour } satisfies AccountRecord) : null
    },
    async updateAccount(accountId, changes) {
      const sets: string[] = []
      const values: unknown[] = []
      const columns = { name: 'name', colour: 'colour', passwordHash: 'password_hash' } as const
      for (const [key, column] of Object.entries(columns)) {
        const value = changes[key as keyof typeof columns]
        if (value === undefined) continue
        values.push(value)
        sets.push(`${column} = $${values.length}`)
      }
      if (sets.length) await c.run(`update accounts set ${sets.join(', ')} where id = $${values.length + 1}`, [...values, accountId])
    },

    async admit(workspaceId, roomId, memberId, until) {
      await c.run(`insert into admissions (workspace_id, room_id, member_id, until) values ($1, $2, $3, $4)
        on conflict (workspace_id, room_id, member_id) do update set until = excluded.until`, [workspaceId, roomId, memberId, until])
    },
    async isAdmitted(workspaceId, roomId, memberId, now) {
      const r = await c.one<{ until: number }>('select until from admissions where workspace_id = $1 and room_id = $2 and member_id = $3', [workspaceId, roomId, memberId])
      return (r?.until ?? 0) > now
    },

    close() {
      return (closed ??= pool.end())
    },
  }
}
