import Database from 'better-sqlite3'
import { describe, expect, it, test } from 'vitest'
import { applyBatch } from '../../../../protocol/floor/apply.ts'
import { migrate, migrations, StoreVersionFromFutureError, type Migration } from '../../../../server/store/sqlite/migrations/index.ts'
import { openSqliteStore } from '../../../../server/store/sqlite/sqlite-store.ts'
import { dbFile, openSqlite, seedWorkspace } from './fixtures.ts'

const latest = migrations.at(-1)!.version

const createDb = (file = dbFile()) => {
  const db = new Database(file)
  db.pragma('foreign_keys = ON')
  return db
}
const userVersion = (db: Database.Database) => db.pragma('user_version', { simple: true }) as number
const schemaOf = (db: Database.Database) =>
  db.prepare("select type, name, tbl_name, sql from sqlite_schema where name not like 'sqlite_%' order by name").all()
const tables = (db: Database.Database) =>
  (db.prepare("select name from sqlite_schema where type = 'table' order by name").all() as { name: string }[]).map((r) => r.name)
const rows = (db: Database.Database, table: string) => db.prepare(`select * from ${table}`).all()

/** The schema a fresh install ends up with, to compare every upgrade path against. */
const freshSchema = () => {
  const db = createDb()
  migrate(db)
  const schema = schemaOf(db)
  db.close()
  return schema
}

describe('server store migrations', () => {
  it('are numbered in strictly increasing steps of 10', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => (i + 1) * 10))
  })

  test.each(migrations.map((m, i) => [m.version, i + 1] as const))(
    'the prefix up to %i applies to a fresh database, then upgrades to the schema of a fresh install',
    (version, count) => {
      const db = createDb()
      expect(migrate(db, migrations.slice(0, count))).toBe(version)
      expect(userVersion(db)).toBe(version)
      expect(migrate(db)).toBe(latest)
      expect(userVersion(db)).toBe(latest)
      expect(schemaOf(db)).toEqual(freshSchema())
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(db.pragma('foreign_key_check')).toEqual([])
      db.close()
    },
  )

  it('0010 creates the tables of accounts, workspaces, floors and their edit log', () => {
    const db = createDb()
    migrate(db, migrations.slice(0, 1))
    expect(tables(db)).toEqual(['accounts', 'admissions', 'floor_ops', 'floors', 'invites', 'members', 'sessions', 'sign_in_attempts', 'workspaces'])
    db.close()
  })

  it('0020 adds room occupants to a populated database, keeping its data, cascading with the workspace', () => {
    const db = createDb()
    migrate(db, migrations.slice(0, 1))
    db.exec(`
      insert into workspaces values ('ws_a', 'Acme', 1);
      insert into accounts values ('acc_a', 'ana@example.com', 'Ana', 'hash', '#123456', 1);
      insert into members values ('mem_a', 'ws_a', 'acc_a', 'owner', '[]', null, 1);
      insert into floors values ('ws_a', 'floor_main', 0, 3, '{}');
    `)
    const before = { members: rows(db, 'members'), floors: rows(db, 'floors') }
    migrate(db)
    expect({ members: rows(db, 'members'), floors: rows(db, 'floors') }).toEqual(before)
    db.prepare('insert into room_occupants values (?, ?, ?, ?)').run('ws_a', 'room_meeting', 'mem_a', 5)
    expect(rows(db, 'room_occupants')).toEqual([{ workspace_id: 'ws_a', room_id: 'room_meeting', member_id: 'mem_a', since: 5 }])
    db.prepare('delete from workspaces where id = ?').run('ws_a')
    expect(rows(db, 'room_occupants')).toEqual([])
    expect(rows(db, 'floors')).toEqual([])
    db.close()
  })

  it('0030 gives existing invites ids and a creation time, keeping their codes, and adds drafts that go with their floor or member', async () => {
    const file = dbFile()
    const db = createDb(file)
    migrate(db, migrations.slice(0, 2))
    db.exec(`
      insert into workspaces values ('ws_a', 'Acme', 1);
      insert into accounts values ('acc_a', 'ana@example.com', 'Ana', 'hash', '#123456', 1);
      insert into members values ('mem_a', 'ws_a', 'acc_a', 'owner', '[]', null, 1);
      insert into floors values ('ws_a', 'floor_main', 0, 3, '{}');
      insert into invites values ('hash_open', 'ws_a', 'member', null, '[]', 9999999999999, 'mem_a', null);
      insert into invites values ('hash_used', 'ws_a', 'guest', 'bo@example.com', '["room_meeting"]', 5000, 'mem_a', 4000);
    `)
    const before = Date.now()
    migrate(db)
    const invites = db.prepare('select * from invites order by code_hash').all() as Record<string, unknown>[]
    expect(invites).toEqual([
      expect.objectContaining({ code_hash: 'hash_open', workspace_id: 'ws_a', role: 'member', email: null, rooms: '[]', created_by: 'mem_a', expires_at: 9999999999999, used_at: null, revoked_at: null }),
      { id: expect.any(String), code_hash: 'hash_used', workspace_id: 'ws_a', role: 'guest', email: 'bo@example.com', rooms: '["room_meeting"]', created_by: 'mem_a', created_at: 5000, expires_at: 5000, used_at: 4000, revoked_at: null },
    ])
    // Ids the API accepts, one per invite; an invite made before the upgrade dates from it.
    for (const i of invites) expect(i.id).toMatch(/^inv_[A-Za-z0-9_-]{1,48}$/)
    expect(new Set(invites.map((i) => i.id)).size).toBe(2)
    expect(invites[0]!.created_at).toBeGreaterThanOrEqual(before)
    expect(invites[0]!.created_at).toBeLessThanOrEqual(Date.now())

    db.prepare('insert into floor_drafts values (?, ?, ?, ?, ?, ?, ?)').run('ws_a', 'floor_main', 'mem_a', 3, '{}', '[]', 1)
    expect(() => db.prepare('insert into floor_drafts values (?, ?, ?, ?, ?, ?, ?)').run('ws_a', 'floor_nowhere', 'mem_a', 3, '{}', '[]', 1)).toThrow(/FOREIGN KEY/)
    db.prepare('delete from floors where id = ?').run('floor_main')
    expect(rows(db, 'floor_drafts')).toEqual([])
    db.close()

    // The store opens the upgraded file, and the old code still lets someone in.
    const store = openSqlite(file)
    expect(await store.listOpenInvites('ws_a', 6000)).toEqual([expect.objectContaining({ id: invites[0]!.id, createdBy: 'mem_a' })])
    const bo = { memberId: 'mem_b', role: 'member' as const, rooms: [], account: { id: 'acc_b', email: 'bo@example.com', name: 'Bo', passwordHash: 'h', colour: '#123456' } }
    expect(await store.acceptInvite('hash_open', bo, 6000)).toBe('ok')
  })

  it('0040 replaces sign-in attempt rows with rate-limit counters and logs no inverse for batches already logged', async () => {
    const file = dbFile()
    const db = createDb(file)
    migrate(db, migrations.slice(0, 3))
    const floor = { id: 'floor_main', name: 'Main', version: 1, width: 800, height: 600, rooms: [], desks: [{ id: 'desk_1', x: 10, y: 10, rotation: 0, label: 'One', assigneeId: null }] }
    db.exec(`
      insert into workspaces values ('ws_a', 'Acme', 1);
      insert into sign_in_attempts values ('email:ana@example.com', 5);
    `)
    db.prepare('insert into floors values (?, ?, 0, 1, ?)').run('ws_a', 'floor_main', JSON.stringify(floor))
    db.prepare('insert into floor_ops values (?, ?, 1, ?, ?, ?, 1)').run('ws_a', 'floor_main', 'batch_old', JSON.stringify([{ op: 'desk.update', id: 'desk_1', changes: { label: 'One' } }]), 'mem_a')
    migrate(db)
    expect(tables(db)).not.toContain('sign_in_attempts')
    expect(rows(db, 'floor_ops')).toEqual([expect.objectContaining({ batch_id: 'batch_old', undo: null })])
    db.close()

    // A reader behind the old batch fetches the floor; from there on, the log serves it again.
    const store = openSqlite(file)
    expect(await store.opsSince('ws_a', 'floor_main', 0)).toBe('gone')
    const rename = [{ op: 'desk.update', id: 'desk_1', changes: { label: 'Two' } }]
    const applied = await store.editFloor('ws_a', 'floor_main', { baseVersion: 1, batchId: 'batch_new', ops: rename, authorId: 'mem_a', at: 2 }, (f, ops) => applyBatch(f, ops, { isMember: () => true }))
    expect(applied.kind).toBe('applied')
    expect(await store.opsSince('ws_a', 'floor_main', 1)).toEqual({ version: 2, batches: [{ version: 2, batchId: 'batch_new', ops: rename }] })
    expect(await store.countHit('pw:pair:ana@example.com:127.0.0.1', 60_000, 10)).toEqual({ count: 1, resetAt: 60_010 })
  })

  it('do nothing on an up-to-date database', () => {
    const db = createDb()
    migrate(db)
    const schema = schemaOf(db)
    expect(migrate(db)).toBe(latest)
    expect(schemaOf(db)).toEqual(schema)
    db.close()
  })

  it('roll back a failing step together with its version bump, keeping the steps before it', () => {
    const db = createDb()
    const failing: Migration = {
      version: latest + 10,
      update(d) {
        d.exec('create table half_done (x integer)')
        throw new Error('step broke')
      },
    }
    expect(() => migrate(db, [...migrations, failing])).toThrow('step broke')
    expect(userVersion(db)).toBe(latest)
    expect(tables(db)).not.toContain('half_done')
    db.close()
  })

  it('refuse a list that is not strictly increasing', () => {
    const db = createDb()
    expect(() => migrate(db, [migrations[1]!, migrations[0]!])).toThrow(/strictly increasing/)
    expect(userVersion(db)).toBe(0)
    db.close()
  })

  it('refuse a database from a newer server with a clear error, leaving the file as it was', () => {
    const file = dbFile()
    const raw = createDb(file)
    raw.pragma(`user_version = ${latest + 100}`)
    raw.exec('create table from_the_future (x integer)')
    raw.close()

    expect(() => openSqliteStore(file)).toThrow(StoreVersionFromFutureError)
    expect(() => openSqliteStore(file)).toThrow(`the store is at schema ${latest + 100}, newer than this server (${latest}); upgrade the server`)
    const after = createDb(file)
    expect(userVersion(after)).toBe(latest + 100)
    expect(tables(after)).toEqual(['from_the_future'])
    after.close()
  })
})

describe('the opened store file', () => {
  it('is in WAL mode, which a second connection sees', async () => {
    const file = dbFile()
    const store = openSqlite(file)
    await seedWorkspace(store)
    const raw = new Database(file, { readonly: true })
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal')
    raw.close()
  })

  it('is at the latest schema version', () => {
    const file = dbFile()
    openSqlite(file)
    const raw = new Database(file, { readonly: true })
    expect(userVersion(raw)).toBe(latest)
    raw.close()
  })

  test.each<[string, string, unknown[]]>([
    ['catching up a floor (ops since N)', 'select version, batch_id, ops from floor_ops where workspace_id = ? and floor_id = ? and version > ? order by version', ['ws', 'floor', 1]],
    ['an idempotent retry (batch id)', 'select version from floor_ops where workspace_id = ? and floor_id = ? and batch_id = ?', ['ws', 'floor', 'batch']],
    ['every request (session)', 'select s.member_id from sessions s join members m on m.id = s.member_id where s.token_hash = ?', ['hash']],
    ['accepting an invite (code)', 'select workspace_id, used_at from invites where code_hash = ?', ['hash']],
    ['revoking the invites of someone demoted', 'select id from invites where workspace_id = ? and created_by = ?', ['ws', 'mem']],
    ['reading a draft', 'select ops from floor_drafts where workspace_id = ? and floor_id = ? and member_id = ?', ['ws', 'floor', 'mem']],
    ['removing a member (drafts)', 'select 1 from floor_drafts where member_id = ?', ['mem']],
    ['a rate limit (its key)', 'select count, reset_at from rate_limits where key = ?', ['key']],
    ['sweeping ended rate-limit windows', 'delete from rate_limits where reset_at <= ?', [1]],
    ['ordering occupancy writes (room read)', 'select read_at from room_reads where workspace_id = ? and room_id = ?', ['ws', 'room']],
  ])('answers %s from an index, scanning no table', (_what, sql, params) => {
    const db = createDb()
    migrate(db)
    const steps = (db.prepare(`explain query plan ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail)
    expect(steps.filter((s) => s.startsWith('SCAN'))).toEqual([])
    expect(steps.join('\n')).toMatch(/SEARCH \w+ USING (COVERING INDEX|INDEX|PRIMARY KEY|INTEGER PRIMARY KEY)/)
    db.close()
  })
})
