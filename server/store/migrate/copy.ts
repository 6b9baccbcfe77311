/**
 * Copies every table of the plan, parents first, inside the caller's PostgreSQL transaction: the
 * tables are locked and found empty again first (nobody may have started a server on the database
 * meanwhile), then filled in batches. Rows of a table with an arrival column go in SQLite's rowid
 * order and without that column, so PostgreSQL numbers them in the same order.
 */
import type Database from 'better-sqlite3'
import type pg from 'pg'
import { MigrationError } from './errors.ts'
import type { CopyPlan, TablePlan } from './plan.ts'
import { assertEmpty, quote } from './postgres-target.ts'
import { sourceRows } from './rows.ts'

export interface TableCount {
  name: string
  rows: number
}

/** PostgreSQL takes at most 65,535 parameters a statement; batches also stay a few MB. */
const PARAMETERS = 30_000
const BYTES = 4_000_000

export async function copyTables(client: pg.ClientBase, db: Database.Database, plan: CopyPlan, where: string): Promise<TableCount[]> {
  const all = [...plan.tables.map((t) => t.name), ...plan.targetOnly]
  if (all.length) await client.query(`lock table ${all.map(quote).join(', ')} in access exclusive mode`)
  await assertEmpty(client, where)
  const counts: TableCount[] = []
  for (const t of plan.tables) counts.push({ name: t.name, rows: await copyTable(client, db, t) })
  return counts
}

async function copyTable(client: pg.ClientBase, db: Database.Database, t: TablePlan): Promise<number> {
  const perBatch = Math.max(1, Math.floor(PARAMETERS / t.columns.length))
  let batch: unknown[][] = []
  let bytes = 0
  let copied = 0
  const flush = async () => {
    if (!batch.length) return
    await insert(client, t, batch)
    copied += batch.length
    batch = []
    bytes = 0
  }
  for (const row of sourceRows(db, t)) {
    batch.push(row)
    for (const v of row) bytes += typeof v === 'string' ? v.length : Buffer.isBuffer(v) ? v.length : 8
    if (batch.length >= perBatch || bytes >= BYTES) await flush()
  }
  await flush()
  return copied
}

async function insert(client: pg.ClientBase, t: TablePlan, rows: unknown[][]): Promise<void> {
  const width = t.columns.length
  // VALUES rows are inserted in the order listed, which is what the arrival column numbers.
  const values = rows.map((_, r) => `(${t.columns.map((_c, i) => `$${r * width + i + 1}`).join(', ')})`).join(', ')
  try {
    await client.query(`insert into ${quote(t.name)} (${t.columns.map(quote).join(', ')}) values ${values}`, rows.flat())
  } catch (err) {
    throw new MigrationError(`PostgreSQL refused rows of ${t.name}: ${(err as Error).message}; nothing was kept (the copy was rolled back)`, { cause: err })
  }
}
