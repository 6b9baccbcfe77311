/**
 * The PostgreSQL store's pool and transactions. Reads and writes of one statement run on the pool
 * as they are (one statement is one transaction). A read-then-write runs in `tx`: one READ
 * COMMITTED transaction that first takes advisory locks on what it decides about (a workspace, a
 * room, an email), so that every server instance on the database makes those decisions one after
 * another, as SQLite's single writer does, and each statement after the lock sees what the
 * previous holder committed. Deadlocks and serialization failures are retried a few times.
 */
import pg from 'pg'
import type { PoolClient, QueryResultRow } from 'pg'

export interface Sql {
  rows<T extends QueryResultRow>(text: string, params?: readonly unknown[]): Promise<T[]>
  one<T extends QueryResultRow>(text: string, params?: readonly unknown[]): Promise<T | undefined>
  /** Runs a statement; the number of rows it changed. */
  run(text: string, params?: readonly unknown[]): Promise<number>
}

export interface Tx extends Sql {
  /**
   * Waits for the advisory locks on `keys` (held until the transaction ends). Call it once per
   * transaction: the keys are taken in sorted order, so that two transactions never wait on each other.
   */
  lock(...keys: string[]): Promise<void>
}

export interface Connection extends Sql {
  pool: pg.Pool
  /** Runs `fn` as one transaction, again from the start (a bounded number of times) after a deadlock or serialization failure. */
  tx<T>(fn: (tx: Tx) => Promise<T>): Promise<T>
}

/** Lock keys, by what a transaction decides about. */
export const lockKey = {
  workspace: (workspaceId: string) => `ws:${workspaceId}`,
  room: (workspaceId: string, roomId: string) => `room:${workspaceId}:${roomId}`,
  email: (email: string) => `email:${email.toLowerCase()}`,
}

const RETRIED = new Set(['40001', '40P01'])
const ATTEMPTS = 8

/** bigint columns (times in ms, counts) as numbers: they stay far below 2^53. */
const types = new pg.TypeOverrides()
types.setTypeParser(pg.types.builtins.INT8, (text: string) => Number(text))

export function createPool(url: string, max = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, types, application_name: 'virtual-office', connectionTimeoutMillis: 10_000 })
  // An idle connection the database drops (a restart, a failover) is thrown away by the pool and
  // the next query opens another; without a listener the pool's 'error' event would end the process.
  pool.on('error', () => {})
  return pool
}

const ignore = () => {}

/**
 * A connection of the pool for a transaction. The pool listens for errors of idle connections only:
 * one lost while checked out, between two statements, would otherwise be an uncaught 'error' event
 * that ends the process. Here the next statement fails instead, and the connection is dropped.
 */
export async function checkout(pool: pg.Pool): Promise<PoolClient> {
  const client = await pool.connect()
  if (!client.listeners('error').includes(ignore)) client.on('error', ignore)
  return client
}

/**
 * Each distinct statement gets a name, so that every pooled connection parses and plans it once:
 * planning costs more than running the hot reads (every request authenticates).
 */
function named(): (text: string) => string {
  const names = new Map<string, string>()
  return (text) => {
    let name = names.get(text)
    if (!name) names.set(text, (name = `office_${names.size + 1}`))
    return name
  }
}

function sqlOn(client: pg.Pool | PoolClient, nameOf: (text: string) => string): Sql {
  const query = <T extends QueryResultRow>(text: string, params: readonly unknown[] = []) =>
    client.query<T>({ name: nameOf(text), text, values: params as unknown[] })
  return {
    rows: async <T extends QueryResultRow>(text: string, params?: readonly unknown[]) => (await query<T>(text, params)).rows,
    one: async <T extends QueryResultRow>(text: string, params?: readonly unknown[]) => (await query<T>(text, params)).rows[0],
    run: async (text, params) => (await query(text, params)).rowCount ?? 0,
  }
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export function connect(pool: pg.Pool): Connection {
  const nameOf = named()
  const tx = async <T>(fn: (tx: Tx) => Promise<T>): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      const client = await checkout(pool)
      let broken: Error | undefined
      try {
        await client.query('begin')
        const sql = sqlOn(client, nameOf)
        const lock = async (...keys: string[]) => {
          await client.query('select pg_advisory_xact_lock(hashtextextended(k, 0)) from unnest($1::text[]) as k', [[...new Set(keys)].sort()])
        }
        const result = await fn({ ...sql, lock })
        await client.query('commit')
        return result
      } catch (err) {
        await client.query('rollback').catch((e: Error) => (broken = e))
        if (attempt >= ATTEMPTS || !RETRIED.has((err as { code?: string }).code ?? '')) throw err
      } finally {
        // A connection whose rollback failed is closed rather than handed to the next caller.
        client.release(broken)
      }
      // Apart, at random, so that the transactions that collided do not collide again.
      await wait(Math.random() * 5 * attempt)
    }
  }
  return { pool, tx, ...sqlOn(pool, nameOf) }
}
