/**
 * Picks the store from the configuration: PostgreSQL when DATABASE_URL names one (shared by several
 * server instances), else the embedded SQLite file. A DATABASE_URL that is set but names no
 * PostgreSQL database is an error, never a silent fallback to a local file.
 */
import { openPostgresStore } from './postgres/postgres-store.ts'
import { StoreVersionFromFutureError } from './sqlite/migrations/index.ts'
import { openSqliteStore } from './sqlite/sqlite-store.ts'
import type { Store } from './store.ts'

export interface StoreConfig {
  /** DATABASE_URL as configured; unset or empty for the embedded store. */
  databaseUrl?: string | undefined
  /** The SQLite file of the embedded store. */
  sqliteFile: string
}

const POSTGRES = /^postgres(ql)?:\/\//i

/** Where the URL points, for messages: never its password. */
function describe(url: URL): string {
  return `${url.hostname || 'localhost'}:${url.port || 5432}${url.pathname}`
}

export async function openStore({ databaseUrl, sqliteFile }: StoreConfig): Promise<Store> {
  const configured = databaseUrl?.trim()
  if (!configured) return openSqliteStore(sqliteFile)
  if (!POSTGRES.test(configured)) {
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(configured)?.[1]
    throw new Error(`DATABASE_URL must be a postgres:// or postgresql:// URL${scheme ? ` (it is a ${scheme}: URL)` : ''}; leave it unset for the embedded SQLite store`)
  }
  let url: URL
  try {
    url = new URL(configured)
  } catch {
    throw new Error('DATABASE_URL is not a valid URL: expected postgres://user:password@host:port/database')
  }
  try {
    return await openPostgresStore(configured)
  } catch (err) {
    // A store from a newer server keeps its own words (and type); anything else says which database it was.
    if (err instanceof StoreVersionFromFutureError) throw err
    throw new Error(`cannot open the PostgreSQL database of DATABASE_URL (${describe(url)}): ${(err as Error).message}`, { cause: err })
  }
}
