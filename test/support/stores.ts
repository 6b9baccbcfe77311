/**
 * The stores every store test runs against, for `describe.each(storeKinds())`: the embedded
 * SQLite store on a real file in a temp folder, and the PostgreSQL store on a fresh database of a
 * real PostgreSQL cluster started for the test file. Stores opened in a test are closed after it;
 * the cluster is stopped after the file.
 */
import Database from 'better-sqlite3'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { OPS_KEPT as POSTGRES_OPS_KEPT, openPostgresStore } from '../../server/store/postgres/postgres-store.ts'
import { OPS_KEPT as SQLITE_OPS_KEPT, openSqliteStore } from '../../server/store/sqlite/sqlite-store.ts'
import type { Store } from '../../server/store/store.ts'
import { startPostgres, type PostgresCluster } from './postgres.ts'
import { tempDir } from './temp.ts'

export type StoreKindName = 'sqlite' | 'postgres'

export interface StoreKind {
  name: StoreKindName
  /** A fresh, empty place for a store: a file path (SQLite) or a database URL (PostgreSQL). */
  place(): Promise<string>
  /** Opens the store at `place` (a fresh one when not given); closed after the test. */
  open(place?: string, opts?: { opsKept?: number }): Promise<Store>
  /** Rows of `table` matching `where`, counted on a connection of its own, not through the store. */
  count(place: string, table: string, where: string): Promise<number>
  /** The store's own words for a broken unique and a broken foreign key constraint. */
  errors: { unique: RegExp; foreignKey: RegExp }
  /** The batches per floor the store keeps when not told otherwise. */
  defaultOpsKept: number
}

/** PostgreSQL's first start may install it (apt-get): minutes, not the usual hook timeout. */
const CLUSTER_START_MS = 600_000

/** Both kinds, with the hooks that start and stop what they need; call once, at the top of a test file. */
export function storeKinds(): StoreKind[] {
  const opened: Store[] = []
  const cleanups: (() => void)[] = []
  let cluster: PostgresCluster | null = null
  beforeAll(async () => {
    cluster = await startPostgres()
  }, CLUSTER_START_MS)
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => Promise.resolve(s.close())))
    for (const cleanup of cleanups.splice(0).reverse()) cleanup()
  })
  afterAll(async () => {
    await cluster?.stop()
  })
  const keep = (store: Store) => (opened.push(store), store)

  const sqlite: StoreKind = {
    name: 'sqlite',
    async place() {
      const dir = tempDir('store-')
      cleanups.push(() => dir.remove())
      return join(dir.path, 'office.db')
    },
    async open(place, opts = {}) {
      return keep(openSqliteStore(place ?? (await sqlite.place()), opts))
    },
    async count(place, table, where) {
      const raw = new Database(place, { readonly: true })
      try {
        return (raw.prepare(`select count(*) as n from ${table} where ${where}`).get() as { n: number }).n
      } finally {
        raw.close()
      }
    },
    errors: { unique: /UNIQUE constraint failed/, foreignKey: /FOREIGN KEY constraint failed/ },
    defaultOpsKept: SQLITE_OPS_KEPT,
  }

  const postgres: StoreKind = {
    name: 'postgres',
    async place() {
      if (!cluster) throw new Error('the PostgreSQL cluster is not running: call storeKinds() at the top of the test file')
      return cluster.createDatabase()
    },
    async open(place, opts = {}) {
      return keep(await openPostgresStore(place ?? (await postgres.place()), opts))
    },
    async count(place, table, where) {
      const client = new pg.Client({ connectionString: place })
      await client.connect()
      try {
        return (await client.query<{ n: number }>(`select count(*)::integer as n from ${table} where ${where}`)).rows[0]!.n
      } finally {
        await client.end()
      }
    },
    errors: { unique: /duplicate key value violates unique constraint/, foreignKey: /violates foreign key constraint/ },
    defaultOpsKept: POSTGRES_OPS_KEPT,
  }

  return [sqlite, postgres]
}
