/**
 * Pairs the SQLite store's tables with the PostgreSQL store's, refusing before anything is copied
 * when one store has data the other cannot hold: a SQLite table or column PostgreSQL lacks (a
 * feature added to one store only), or a PostgreSQL column a copied row cannot leave out. Tables
 * come out in foreign-key order, parents first, as PostgreSQL checks each row as it arrives.
 */
import { MigrationError } from './errors.ts'
import type { SourceTable } from './sqlite-source.ts'
import type { TargetTable } from './postgres-target.ts'

export interface TablePlan {
  name: string
  /** Copied and compared: the columns both sides have, in SQLite's order. */
  columns: string[]
  /** PostgreSQL's type of each of `columns`. */
  types: string[]
  /** What both sides are read in order of for the comparison (SQLite's primary key). */
  key: string[]
  /**
   * A PostgreSQL identity column that records the order rows came in (room_occupants.arrival: who
   * arrived first at the same moment): rows are copied in SQLite's rowid order and compared in
   * that order against this column's.
   */
  arrival: string | null
}

export interface CopyPlan {
  tables: TablePlan[]
  /** PostgreSQL tables SQLite has no counterpart of: left empty. */
  targetOnly: string[]
}

export function planCopy(source: readonly SourceTable[], target: readonly TargetTable[]): CopyPlan {
  const byName = new Map(target.map((t) => [t.name, t]))
  const tables = source.map((s): TablePlan => {
    const t = byName.get(s.name)
    if (!t) throw new MigrationError(`the SQLite store's table ${s.name} has no counterpart in this server's PostgreSQL store: nothing was copied (a table added to one store only)`)
    const columns = new Map(t.columns.map((c) => [c.name, c]))
    const lost = s.columns.filter((c) => !columns.has(c))
    if (lost.length) throw new MigrationError(`the SQLite store's column ${s.name}.${lost[0]} has no counterpart in this server's PostgreSQL store: nothing was copied`)
    const extra = t.columns.filter((c) => !s.columns.includes(c.name))
    const required = extra.find((c) => !c.optional)
    if (required) throw new MigrationError(`the PostgreSQL store's column ${s.name}.${required.name} needs a value the SQLite store does not have: nothing was copied`)
    const arrival = extra.find((c) => c.identity)?.name ?? null
    if (arrival && !s.hasRowid) throw new MigrationError(`the PostgreSQL store orders ${s.name} by ${arrival}, but SQLite keeps that table without a rowid to take the order from`)
    return { name: s.name, columns: s.columns, types: s.columns.map((c) => columns.get(c)!.type), key: s.primaryKey.length ? s.primaryKey : s.columns, arrival }
  })
  const copied = new Set(source.map((s) => s.name))
  return { tables: parentsFirst(tables, source, target), targetOnly: target.map((t) => t.name).filter((n) => !copied.has(n)) }
}

/** Orders tables so that every table comes after those its foreign keys (on either side) point at. */
function parentsFirst(tables: TablePlan[], source: readonly SourceTable[], target: readonly TargetTable[]): TablePlan[] {
  const parents = new Map<string, Set<string>>()
  for (const t of [...source, ...target]) {
    const set = parents.get(t.name) ?? new Set<string>()
    for (const p of t.references) if (p !== t.name) set.add(p)
    parents.set(t.name, set)
  }
  const ordered: TablePlan[] = []
  const placed = new Set<string>()
  const visiting = new Set<string>()
  const byName = new Map(tables.map((t) => [t.name, t]))
  const visit = (name: string) => {
    if (placed.has(name) || !byName.has(name)) return
    if (visiting.has(name)) throw new MigrationError(`the foreign keys of ${[...visiting].join(', ')} form a cycle: there is no order to copy them in`)
    visiting.add(name)
    for (const p of [...(parents.get(name) ?? [])].sort()) visit(p)
    visiting.delete(name)
    placed.add(name)
    ordered.push(byName.get(name)!)
  }
  for (const t of [...tables].sort((a, b) => a.name.localeCompare(b.name))) visit(t.name)
  return ordered
}
