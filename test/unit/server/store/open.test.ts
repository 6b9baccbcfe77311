/**
 * Which store the server opens: the SQLite file when DATABASE_URL is unset, the PostgreSQL
 * database it names otherwise (on a real cluster), and a clear error naming DATABASE_URL, never a
 * silent fallback to the file, when it names no PostgreSQL database or one that cannot be reached.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { openStore } from '../../../../server/store/open.ts'
import { StoreVersionFromFutureError } from '../../../../server/store/postgres/migrations/index.ts'
import type { Store } from '../../../../server/store/store.ts'
import { freeTcpPort } from '../../../support/ports.ts'
import { startPostgres, type PostgresCluster } from '../../../support/postgres.ts'
import { tempDir } from '../../../support/temp.ts'
import { seedWorkspace } from './fixtures.ts'

let cluster: PostgresCluster
beforeAll(async () => {
  cluster = await startPostgres()
}, 600_000)
afterAll(async () => cluster?.stop())

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** A path in a fresh folder where the SQLite file would go. */
function sqliteFile(): string {
  const dir = tempDir('open-store-')
  cleanups.push(() => dir.remove())
  return join(dir.path, 'office.db')
}
const keep = (store: Store) => (cleanups.push(() => store.close()), store)

async function tablesOf(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query<{ tablename: string }>("select tablename from pg_tables where schemaname = 'public'")).rows.map((r) => r.tablename)
  } finally {
    await client.end()
  }
}

describe('openStore', () => {
  it.each([undefined, '', '  '])('opens the SQLite file when DATABASE_URL is %j', async (databaseUrl) => {
    const file = sqliteFile()
    const store = keep(await openStore({ databaseUrl, sqliteFile: file }))
    await seedWorkspace(store)
    expect(existsSync(file)).toBe(true)
    expect(await store.getWorkspace('ws_acme')).toMatchObject({ name: 'Acme' })
  })

  it.each(['postgres', 'postgresql'])('opens the PostgreSQL database of a %s:// DATABASE_URL, and no file', async (scheme) => {
    const url = (await cluster.createDatabase()).replace(/^postgres:/, `${scheme}:`)
    const file = sqliteFile()
    const store = keep(await openStore({ databaseUrl: url, sqliteFile: file }))
    await seedWorkspace(store)
    expect(existsSync(file)).toBe(false)
    expect(await tablesOf(url)).toContain('workspaces')
    expect(await store.getWorkspace('ws_acme')).toMatchObject({ name: 'Acme' })
  })

  it.each([
    ['a URL of another database', 'mysql://office:s3cret@127.0.0.1/office', /DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL \(it is a mysql: URL\)/],
    ['a path', '/var/lib/office.db', /DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL; leave it unset/],
    ['a URL that does not parse', 'postgres://office:s3cret@[not-a-host/office', /DATABASE_URL is not a valid URL/],
  ])('refuses %s, naming DATABASE_URL and opening no file', async (_what, databaseUrl, message) => {
    const file = sqliteFile()
    const refused = openStore({ databaseUrl, sqliteFile: file })
    await expect(refused).rejects.toThrow(message)
    await expect(refused).rejects.not.toThrow(/s3cret/)
    expect(existsSync(file)).toBe(false)
  })

  it('says which database of DATABASE_URL it could not reach, without its password', async () => {
    const port = await freeTcpPort()
    const refused = openStore({ databaseUrl: `postgres://office:s3cret@127.0.0.1:${port}/office`, sqliteFile: sqliteFile() })
    await expect(refused).rejects.toThrow(`cannot open the PostgreSQL database of DATABASE_URL (127.0.0.1:${port}/office)`)
    await expect(refused).rejects.not.toThrow(/s3cret/)
  })

  it('passes on the refusal of a database from a newer server as it is', async () => {
    const url = await cluster.createDatabase()
    await keep(await openStore({ databaseUrl: url, sqliteFile: sqliteFile() })).close()
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    await client.query('insert into schema_migrations (version) values (100000)')
    await client.end()
    await expect(openStore({ databaseUrl: url, sqliteFile: sqliteFile() })).rejects.toThrow(StoreVersionFromFutureError)
  })
})
