/**
 * The PostgreSQL database a copy goes into: reached with one client of its own, refused unless it
 * is empty (no tables, or the office store's schema with no rows in it: what an earlier copy that
 * failed leaves), given the store's schema by the PostgreSQL store itself, and described from
 * PostgreSQL's catalogue (columns, their types, identity columns, foreign keys).
 */
import pg from 'pg'
import { openPostgresStore } from '../postgres/postgres-store.ts'
import { StoreVersionFromFutureError } from '../sqlite/migrations/index.ts'
import { MigrationError } from './errors.ts'
import type { TargetUrl } from './target-url.ts'

export interface TargetColumn {
  name: string
  /** information_schema's data_type: 'text', 'bigint', 'integer', … */
  type: string
  identity: boolean
  /** A row may leave it out: nullable, with a default, or generated. */
  optional: boolean
}

export interface TargetTable {
  name: string
  columns: TargetColumn[]
  references: string[]
}

/** The PostgreSQL store's record of its migrations: not data, and never copied. */
const TARGET_BOOKKEEPING = 'schema_migrations'

/** Integers of any size as bigint, so that nothing is rounded on the way to a comparison. */
const types = new pg.TypeOverrides()
types.setTypeParser(pg.types.builtins.INT8, (text: string) => BigInt(text))
types.setTypeParser(pg.types.builtins.NUMERIC, (text: string) => (/^-?\d+$/.test(text) ? BigInt(text) : Number(text)))

export async function connectTarget(target: TargetUrl): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: target.url, types, application_name: 'virtual-office-migrate', connectionTimeoutMillis: 10_000 })
  // A connection lost between two statements fails the next one; without a listener it would end the process.
  client.on('error', () => {})
  try {
    await client.connect()
  } catch (err) {
    await client.end().catch(() => {})
    const { code, message } = err as { code?: string; message: string }
    if (code === '3D000') throw new MigrationError(`PostgreSQL at ${target.where}: ${message}; create it first (createdb, or CREATE DATABASE)`, { cause: err })
    throw new MigrationError(`cannot reach PostgreSQL at ${target.where}: ${message || code}`, { cause: err })
  }
  return client
}

/** An identifier as PostgreSQL (and SQLite) quote it. */
export const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`

async function tableNames(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1`)
  return rows.map((r) => r.name)
}

/**
 * Refuses a database that holds anything: the copy never merges into nor overwrites a store.
 * Inside the copy's transaction, with the tables locked, it is asked again (see copy.ts).
 */
export async function assertEmpty(client: pg.ClientBase, where: string): Promise<void> {
  const names = await tableNames(client)
  if (names.length === 0) return
  if (!names.includes(TARGET_BOOKKEEPING)) {
    throw new MigrationError(`the database at ${where} is not empty: it holds tables that are not an office store (${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''}); copy into a new, empty database`)
  }
  for (const name of names) {
    if (name === TARGET_BOOKKEEPING) continue
    const { rows } = await client.query<{ found: boolean }>(`select exists (select 1 from ${quote(name)}) as found`)
    if (rows[0]!.found) {
      throw new MigrationError(`the database at ${where} is not empty: its table ${name} has rows (an office store in use?); the migration never merges into nor overwrites a store: copy into a new, empty database`)
    }
  }
}

/** Creates (or finds) the store's schema the way a server starting on it would. */
export async function createSchema(target: TargetUrl): Promise<void> {
  try {
    const store = await openPostgresStore(target.url, { maxConnections: 1 })
    await store.close()
  } catch (err) {
    if (err instanceof StoreVersionFromFutureError) throw new MigrationError(`PostgreSQL at ${target.where}: ${err.message}`, { cause: err })
    throw new MigrationError(`cannot create the store's schema in PostgreSQL at ${target.where}: ${(err as Error).message}`, { cause: err })
  }
}

export async function targetTables(client: pg.ClientBase): Promise<TargetTable[]> {
  const names = await tableNames(client)
  const { rows: columns } = await client.query<{ table: string; name: string; type: string; identity: boolean; optional: boolean }>(
    `select table_name as table, column_name as name, data_type as type, is_identity = 'YES' as identity,
       (is_nullable = 'YES' or column_default is not null or is_identity = 'YES' or is_generated = 'ALWAYS') as optional
     from information_schema.columns where table_schema = current_schema() order by table_name, ordinal_position`)
  const { rows: keys } = await client.query<{ child: string; parent: string }>(
    `select c.relname as child, p.relname as parent from pg_constraint k
       join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
     where k.contype = 'f' and k.connamespace = current_schema()::regnamespace`)
  return names
    .filter((name) => name !== TARGET_BOOKKEEPING)
    .map((name) => ({
      name,
      columns: columns.filter((c) => c.table === name).map(({ name: column, type, identity, optional }) => ({ name: column, type, identity, optional })),
      references: [...new Set(keys.filter((k) => k.child === name).map((k) => k.parent))],
    }))
}
