/**
 * How a table is read on each side, in the same order: by SQLite's primary key, compared as bytes
 * on both sides (PostgreSQL's "C" collation; its default collation may sort text differently), or
 * in arrival order (SQLite's rowid, PostgreSQL's identity column) where that order is data.
 */
import type Database from 'better-sqlite3'
import type { TablePlan } from './plan.ts'
import { quote } from './postgres-target.ts'

const TEXT = new Set(['text', 'character varying', 'character'])

/** SQLite's rows of a copied table as arrays of `columns`, integers as bigint so that none is rounded. */
export function sourceRows(db: Database.Database, t: TablePlan): IterableIterator<unknown[]> {
  const order = t.arrival ? 'rowid' : t.key.map((c) => `${quote(c)} collate binary`).join(', ')
  const statement = db.prepare(`select ${t.columns.map(quote).join(', ')} from ${quote(t.name)} order by ${order}`)
  return statement.raw(true).safeIntegers(true).iterate() as IterableIterator<unknown[]>
}

/** The query that reads PostgreSQL's rows of a copied table in sourceRows' order. */
export function targetSelect(t: TablePlan): string {
  const byKey = () => t.key.map((c) => `${quote(c)}${TEXT.has(t.types[t.columns.indexOf(c)] ?? '') ? ' collate "C"' : ''}`).join(', ')
  return `select ${t.columns.map(quote).join(', ')} from ${quote(t.name)} order by ${t.arrival ? quote(t.arrival) : byKey()}`
}

/** A row's key, as messages name it. */
export function keyOf(t: TablePlan, row: readonly unknown[]): string {
  return t.key.map((c) => `${c}=${String(row[t.columns.indexOf(c)])}`).join(', ')
}
