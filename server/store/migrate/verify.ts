/**
 * Compares every copied table row by row, SQLite against PostgreSQL, inside the copy's transaction
 * before it commits: a difference fails the migration naming the first table, row and column that
 * differ, and nothing is kept. PostgreSQL's rows come through a cursor, SQLite's through an
 * iterator, so a large store is compared without holding it in memory.
 */
import type Database from 'better-sqlite3'
import type pg from 'pg'
import { canonical, shown } from './canonical.ts'
import { MigrationError } from './errors.ts'
import type { TablePlan } from './plan.ts'
import { keyOf, sourceRows, targetSelect } from './rows.ts'

const CHUNK = 1_000
const CURSOR = 'office_migrate_check'

const failed = (what: string) => new MigrationError(`verification failed: ${what}; nothing was kept (the copy was rolled back)`)

/** Rows compared in each table, in the plan's order; throws at the first difference. */
export async function verifyTables(client: pg.ClientBase, db: Database.Database, tables: readonly TablePlan[]): Promise<number[]> {
  const compared: number[] = []
  for (const t of tables) compared.push(await verifyTable(client, db, t))
  return compared
}

async function verifyTable(client: pg.ClientBase, db: Database.Database, t: TablePlan): Promise<number> {
  const source = sourceRows(db, t)
  await client.query(`declare ${CURSOR} no scroll cursor for ${targetSelect(t)}`)
  let n = 0
  try {
    for (;;) {
      const { rows } = await client.query<unknown[]>({ text: `fetch forward ${CHUNK} from ${CURSOR}`, rowMode: 'array' })
      for (const theirs of rows) {
        const ours = source.next()
        if (ours.done) throw failed(`${t.name} has more rows in PostgreSQL than in SQLite (the first extra: ${keyOf(t, theirs)})`)
        compareRow(t, ours.value, theirs, n++)
      }
      if (rows.length < CHUNK) break
    }
    const missing = source.next()
    if (!missing.done) throw failed(`${t.name} has rows in SQLite that PostgreSQL lacks (the first: ${keyOf(t, missing.value)})`)
    return n
  } finally {
    source.return?.()
    // After a failed statement the transaction refuses everything: the first error is the one to tell.
    await client.query(`close ${CURSOR}`).catch(() => {})
  }
}

function compareRow(t: TablePlan, ours: readonly unknown[], theirs: readonly unknown[], index: number): void {
  for (let i = 0; i < t.columns.length; i++) {
    if (canonical(ours[i]) === canonical(theirs[i])) continue
    const where = t.arrival ? `arrival #${index + 1} (${keyOf(t, ours)})` : keyOf(t, ours)
    throw failed(`${t.name}, row ${where}: ${t.columns[i]} is ${shown(ours[i])} in SQLite but ${shown(theirs[i])} in PostgreSQL`)
  }
}
