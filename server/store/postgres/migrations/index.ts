/**
 * PostgreSQL store migrations, in steps of 10 like the SQLite store's, recorded in
 * `schema_migrations`. Each runs in its own transaction under one advisory lock, so that several
 * server instances starting at once on a new database migrate it once, the others waiting and then
 * finding it done; a database migrated by a newer server is refused and left as it is.
 */
import type pg from 'pg'
import { StoreVersionFromFutureError } from '../../sqlite/migrations/index.ts'
import { checkout } from '../connection.ts'
import { initial } from './0010-initial.ts'
import { roomModeration } from './0020-room-moderation.ts'
import { chat } from './0030-chat.ts'
import { companies } from './0040-companies.ts'
import { profiles } from './0050-profiles.ts'
import { community } from './0060-community.ts'
import { analytics } from './0070-analytics.ts'
import { guestReminders } from './0080-guest-reminders.ts'
import { board } from './0090-board.ts'
import { calendar } from './0100-calendar.ts'
import { shelf } from './0110-shelf.ts'
import { whiteboard } from './0120-whiteboard.ts'

export interface Migration {
  version: number
  /** Statements run as one transaction. */
  sql: string
}

export const migrations: readonly Migration[] = [initial, roomModeration, chat, companies, profiles, community, analytics, guestReminders, board, calendar, shelf, whiteboard]

export { StoreVersionFromFutureError }

const LEDGER = `create table if not exists schema_migrations (
  version integer primary key,
  applied_at timestamptz not null default now()
)`

/** Brings the database to the last of `list`; its version. */
export async function migrate(pool: pg.Pool, list: readonly Migration[] = migrations): Promise<number> {
  for (let i = 1; i < list.length; i++) {
    if (list[i]!.version <= list[i - 1]!.version) throw new Error('migrations must be strictly increasing')
  }
  const latest = list.at(-1)?.version ?? 0
  const client = await checkout(pool)
  let broken: Error | undefined
  try {
    // One transaction per step: each takes the lock, reads where the database is, and applies the next step, if any.
    for (;;) {
      await client.query('begin')
      try {
        await client.query(`select pg_advisory_xact_lock(hashtextextended('schema_migrations', 0))`)
        await client.query(LEDGER)
        const { rows } = await client.query<{ current: number }>('select coalesce(max(version), 0)::integer as current from schema_migrations')
        const current = rows[0]!.current
        if (current > latest) {
          throw new StoreVersionFromFutureError(`the store is at schema ${current}, newer than this server (${latest}); upgrade the server`)
        }
        const next = list.find((m) => m.version > current)
        if (next) {
          await client.query(next.sql)
          await client.query('insert into schema_migrations (version) values ($1)', [next.version])
        }
        await client.query('commit')
        if (!next) return latest
      } catch (err) {
        await client.query('rollback').catch((e: Error) => (broken = e))
        throw err
      }
    }
  } finally {
    client.release(broken)
  }
}
