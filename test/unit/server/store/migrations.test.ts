import Database from 'better-sqlite3'
import { describe, expect, it, test } from 'vitest'
import { migrate, migrations, StoreVersionFromFutureError, type Migration } from '../../../../server/store/sqlite/migrations/index.ts'
import { openSqliteStore } from '../../../../server/store/sqlite/sqlite-store.ts'
import { dbFile, openStore, seedWorkspace } from './fixtures.ts'

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
    const store = openStore(file)
    await seedWorkspace(store)
    const raw = new Database(file, { readonly: true })
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal')
    raw.close()
  })

  it('is at the latest schema version', () => {
    const file = dbFile()
    openStore(file)
    const raw = new Database(file, { readonly: true })
    expect(userVersion(raw)).toBe(latest)
    raw.close()
  })

  test.each<[string, string, unknown[]]>([
    ['catching up a floor (ops since N)', 'select version, batch_id, ops from floor_ops where workspace_id = ? and floor_id = ? and version > ? order by version', ['ws', 'floor', 1]],
    ['an idempotent retry (batch id)', 'select version from floor_ops where workspace_id = ? and floor_id = ? and batch_id = ?', ['ws', 'floor', 'batch']],
    ['every request (session)', 'select s.member_id from sessions s join members m on m.id = s.member_id where s.token_hash = ?', ['hash']],
    ['signing in (attempts)', 'select count(*) from sign_in_attempts where key = ? and at >= ?', ['key', 1]],
  ])('answers %s from an index, scanning no table', (_what, sql, params) => {
    const db = createDb()
    migrate(db)
    const steps = (db.prepare(`explain query plan ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail)
    expect(steps.filter((s) => s.startsWith('SCAN'))).toEqual([])
    expect(steps.join('\n')).toMatch(/SEARCH \w+ USING (COVERING INDEX|INDEX|PRIMARY KEY|INTEGER PRIMARY KEY)/)
    db.close()
  })
})
