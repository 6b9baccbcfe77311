/**
 * The PostgreSQL store's migrations on a real PostgreSQL cluster: a fresh database migrates, a
 * migrated one is left alone, instances starting at once migrate it once between them, a failing
 * step leaves nothing behind, a database from a newer server is refused untouched, and the hot
 * queries have an index.
 */
import pg from 'pg'
import { afterAll, afterEach, beforeAll, describe, expect, it, test } from 'vitest'
import { migrate, migrations, StoreVersionFromFutureError, type Migration } from '../../../../server/store/postgres/migrations/index.ts'
import { openPostgresStore } from '../../../../server/store/postgres/postgres-store.ts'
import { startPostgres, type PostgresCluster } from '../../../support/postgres.ts'
import { seedWorkspace } from './fixtures.ts'

const latest = migrations.at(-1)!.version

let cluster: PostgresCluster
beforeAll(async () => {
  cluster = await startPostgres()
}, 600_000)
afterAll(async () => cluster?.stop())

const pools: pg.Pool[] = []
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.end()))
})
/** A pool on a fresh database, ended after the test. */
async function freshPool(): Promise<{ url: string; pool: pg.Pool }> {
  const url = await cluster.createDatabase()
  const pool = new pg.Pool({ connectionString: url })
  pools.push(pool)
  return { url, pool }
}

const rows = async (pool: pg.Pool, sql: string) => (await pool.query(sql)).rows
const ledger = (pool: pg.Pool) => rows(pool, 'select version, applied_at from schema_migrations order by version')
const tables = async (pool: pg.Pool) =>
  (await rows(pool, "select tablename from pg_tables where schemaname = 'public' order by tablename")).map((r: { tablename: string }) => r.tablename)
/** Every column, index and constraint: what a fresh install ends up with, to compare against. */
const schemaOf = async (pool: pg.Pool) => ({
  columns: await rows(pool, `select table_name, column_name, data_type, is_nullable, column_default from information_schema.columns
    where table_schema = 'public' order by table_name, column_name`),
  indexes: await rows(pool, "select indexname, indexdef from pg_indexes where schemaname = 'public' order by indexname"),
  constraints: await rows(pool, "select conname, pg_get_constraintdef(oid) as def from pg_constraint where connamespace = 'public'::regnamespace order by conname"),
})

describe('PostgreSQL store migrations', () => {
  it('are numbered in strictly increasing steps of 10', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => (i + 1) * 10))
  })

  it('bring a fresh database to the latest version, recording each step', async () => {
    const { pool } = await freshPool()
    expect(await migrate(pool)).toBe(latest)
    expect((await ledger(pool)).map((r) => r.version)).toEqual(migrations.map((m) => m.version))
    expect(await tables(pool)).toEqual([
      'accounts', 'admissions', 'attachments', 'board_entries', 'board_history', 'calendar_deadlines', 'calendar_feeds',
      'chat_seqs', 'community_groups', 'companies', 'company_invites', 'company_members', 'conversation_departures', 'conversation_members',
      'conversations', 'event_answers', 'event_invites', 'event_rsvps', 'events', 'floor_drafts', 'floor_ops', 'floors',
      'group_members', 'guest_links', 'guest_passes', 'invites', 'member_removals', 'members', 'message_reactions', 'messages',
      'profile_tags', 'profiles', 'rate_limits', 'read_markers', 'room_bans', 'room_occupants', 'room_reads', 'schema_migrations',
      'sessions', 'shelf_comments', 'shelf_follows', 'shelf_items', 'stage_speakers', 'usage_events', 'whiteboard_versions',
      'whiteboards', 'workspaces',
    ])
  })

  it('do nothing on an up-to-date database: reopening the store changes neither schema nor ledger', async () => {
    const { url, pool } = await freshPool()
    const first = await openPostgresStore(url)
    await seedWorkspace(first)
    await first.close()
    const [schema, applied] = [await schemaOf(pool), await ledger(pool)]
    const again = await openPostgresStore(url)
    expect(await again.getWorkspace('ws_acme')).toMatchObject({ name: 'Acme' })
    await again.close()
    expect(await schemaOf(pool)).toEqual(schema)
    expect(await ledger(pool)).toEqual(applied)
  })

  it('migrate a fresh database once when several instances start on it at the same moment', async () => {
    const { url, pool } = await freshPool()
    const stores = await Promise.all(Array.from({ length: 4 }, () => openPostgresStore(url)))
    await Promise.all(stores.map((s) => s.close()))
    expect((await ledger(pool)).map((r) => r.version)).toEqual(migrations.map((m) => m.version))
    const { pool: reference } = await freshPool()
    await migrate(reference)
    expect(await schemaOf(pool)).toEqual(await schemaOf(reference))
  })

  it('roll back a failing step together with its record, keeping the steps before it', async () => {
    const { pool } = await freshPool()
    const failing: Migration = { version: latest + 10, sql: 'create table half_done (x integer); select 1 / 0' }
    await expect(migrate(pool, [...migrations, failing])).rejects.toThrow('division by zero')
    expect((await ledger(pool)).map((r) => r.version)).toEqual(migrations.map((m) => m.version))
    expect(await tables(pool)).not.toContain('half_done')
  })

  it('refuse a list that is not strictly increasing, touching nothing', async () => {
    const { pool } = await freshPool()
    await expect(migrate(pool, [{ version: 20, sql: '' }, { version: 10, sql: '' }])).rejects.toThrow(/strictly increasing/)
    expect(await tables(pool)).toEqual([])
  })

  it('refuse a database from a newer server with a clear error, leaving it as it was', async () => {
    const { url, pool } = await freshPool()
    await migrate(pool)
    await pool.query('insert into schema_migrations (version) values ($1)', [latest + 100])
    await pool.query('create table from_the_future (x integer)')
    const [schema, applied] = [await schemaOf(pool), await ledger(pool)]

    await expect(openPostgresStore(url)).rejects.toThrow(StoreVersionFromFutureError)
    await expect(openPostgresStore(url)).rejects.toThrow(`the store is at schema ${latest + 100}, newer than this server (${latest}); upgrade the server`)
    expect(await schemaOf(pool)).toEqual(schema)
    expect(await ledger(pool)).toEqual(applied)
  })
})

describe('the migrated PostgreSQL database', () => {
  let migrated: pg.Pool
  beforeAll(async () => {
    migrated = new pg.Pool({ connectionString: await cluster.createDatabase() })
    await migrate(migrated)
  })
  afterAll(async () => migrated?.end())

  test.each<[string, string, unknown[]]>([
    ['catching up a floor (ops since N)', 'select version, batch_id, ops from floor_ops where workspace_id = $1 and floor_id = $2 and version > $3 order by version', ['ws', 'floor', 1]],
    ['an idempotent retry (batch id)', 'select version from floor_ops where workspace_id = $1 and floor_id = $2 and batch_id = $3', ['ws', 'floor', 'batch']],
    ['every request (session)', 'select s.member_id from sessions s join members m on m.id = s.member_id where s.token_hash = $1', ['hash']],
    ['signing in (email, any case)', 'select id from accounts where lower(email) = lower($1)', ['Ana@Example.com']],
    ['accepting an invite (code)', 'select workspace_id, used_at from invites where code_hash = $1', ['hash']],
    ['revoking the invites of someone demoted', 'select id from invites where workspace_id = $1 and created_by = $2', ['ws', 'mem']],
    ['reading a draft', 'select ops from floor_drafts where workspace_id = $1 and floor_id = $2 and member_id = $3', ['ws', 'floor', 'mem']],
    ['removing a member (drafts)', 'select 1 from floor_drafts where member_id = $1', ['mem']],
    ['removing a member (admissions)', 'select 1 from admissions where member_id = $1', ['mem']],
    ['removing a member (sessions)', 'select 1 from sessions where member_id = $1', ['mem']],
    ['a rate limit (its key)', 'select count, reset_at from rate_limits where key = $1', ['key']],
    ['sweeping ended rate-limit windows', 'delete from rate_limits where reset_at <= $1', [1]],
    ['a room token (ban)', 'select until, banned_by from room_bans where workspace_id = $1 and room_id = $2 and member_id = $3', ['ws', 'room', 'mem']],
    ['a stage room token (speaker)', 'select 1 from stage_speakers where workspace_id = $1 and room_id = $2 and member_id = $3', ['ws', 'room', 'mem']],
    ['removing a member (room bans)', 'select 1 from room_bans where member_id = $1', ['mem']],
    ['removing a member (stage speakers)', 'select 1 from stage_speakers where member_id = $1', ['mem']],
    ['ordering occupancy writes (room read)', 'select read_at from room_reads where workspace_id = $1 and room_id = $2', ['ws', 'room']],
  ])('answers %s from an index, scanning no table', async (_what, sql, params) => {
    const client = await migrated.connect()
    try {
      // The tables are empty, so a scan would be cheapest: forbid it to learn whether an index can answer.
      await client.query('set enable_seqscan = off')
      const plan = (await client.query<{ 'QUERY PLAN': string }>(`explain ${sql}`, params)).rows.map((r) => r['QUERY PLAN']).join('\n')
      expect(plan).not.toMatch(/Seq Scan/)
      expect(plan).toMatch(/Index (Only )?Scan|Bitmap Index Scan/)
    } finally {
      client.release()
    }
  })
})
