/**
 * The SQLite store as the source of a copy: checked to be a store this server can read (not from a
 * newer server), brought up to date by the SQLite store's own migrations when it is behind, then
 * read through a read-only connection. Its tables and their columns come from SQLite's own
 * catalogue, so that a table or column added later is seen without a list to keep up to date.
 */
import Database from 'better-sqlite3'
import { existsSync, statSync } from 'node:fs'
import { migrate, migrations, StoreVersionFromFutureError } from '../sqlite/migrations/index.ts'
import { openSqliteStore } from '../sqlite/sqlite-store.ts'
import { MigrationError } from './errors.ts'

export interface SourceTable {
  name: string
  columns: string[]
  /** Primary key columns in key order; empty when the table has none. */
  primaryKey: string[]
  /** False for WITHOUT ROWID tables. */
  hasRowid: boolean
  /** Tables its foreign keys point to. */
  references: string[]
}

/** The schema version this server's SQLite store is at once up to date. */
export const latestSourceVersion = (): number => migrations.at(-1)?.version ?? 0

/** The store file's schema version, after checking that it is a store this server can copy. */
export function inspectSource(file: string): number {
  if (!existsSync(file)) throw new MigrationError(`no SQLite store at ${file}: give its file with --from, or set OFFICE_DATA_DIR to the server's data folder`)
  if (statSync(file).isDirectory()) throw new MigrationError(`${file} is a folder: --from takes the store's file (office.db in the data folder)`)
  let db: Database.Database | null = null
  try {
    db = new Database(file, { readonly: true, fileMustExist: true })
    const version = db.pragma('user_version', { simple: true }) as number
    const tables = tablesOf(db)
    if (version === 0) {
      throw new MigrationError(`${file} is not an office store: it has no store schema${tables.length ? ` (it holds ${tables.join(', ')})` : ' (it is empty)'}`)
    }
    // A store from a newer server: the SQLite store's own migrations refuse it, before writing anything.
    if (version > latestSourceVersion()) migrate(db)
    // PostgreSQL checks every foreign key as rows arrive: a dangling one is named now, before anything is written.
    const dangling = db.prepare('select "table", parent, rowid from pragma_foreign_key_check').get() as { table: string; parent: string; rowid: number } | undefined
    if (dangling) {
      throw new MigrationError(`${file} has rows whose foreign keys point at nothing (first: ${dangling.table} rowid ${dangling.rowid} → ${dangling.parent}); PostgreSQL would refuse them, so nothing was copied`)
    }
    return version
  } catch (err) {
    if (err instanceof MigrationError) throw err
    if (err instanceof StoreVersionFromFutureError) throw new MigrationError(`${file}: ${err.message}, and migrate with that server`, { cause: err })
    throw new MigrationError(`${file} is not an office store: ${(err as Error).message}`, { cause: err })
  } finally {
    db?.close()
  }
}

/** Opens the file the way the server does, which migrates it up to date, and closes it again. */
export function bringUpToDate(file: string): void {
  try {
    openSqliteStore(file).close()
  } catch (err) {
    throw new MigrationError(`cannot bring ${file} up to date: ${(err as Error).message}`, { cause: err })
  }
}

export function openSource(file: string): Database.Database {
  return new Database(file, { readonly: true, fileMustExist: true })
}

function tablesOf(db: Database.Database): string[] {
  // Ordinary tables only: a full-text index is a virtual table with shadow tables, which the SQLite
  // store rebuilds from its own rows and PostgreSQL keeps as an index, so neither is copied.
  return db
    .prepare(`select name from pragma_table_list where schema = 'main' and type = 'table' and name not like 'sqlite\\_%' escape '\\' order by name`)
    .pluck()
    .all() as string[]
}

/** Every table of the store but SQLite's own (sqlite_*); the SQLite store keeps its version in user_version, not in a table. */
export function sourceTables(db: Database.Database): SourceTable[] {
  return tablesOf(db).map((name) => {
    const columns = db.prepare('select name, pk from pragma_table_info(?) order by cid').all(name) as { name: string; pk: number }[]
    const wr = db.prepare('select wr from pragma_table_list where name = ? and schema = ?').pluck().get(name, 'main') as number
    const references = db.prepare('select distinct "table" from pragma_foreign_key_list(?)').pluck().all(name) as string[]
    return {
      name,
      columns: columns.map((c) => c.name),
      primaryKey: columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name),
      hasRowid: wr === 0,
      references,
    }
  })
}
