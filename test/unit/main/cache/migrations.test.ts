import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import {
  FutureVersionError,
  assertIncreasing,
  latestVersion,
  migrate,
  migrations,
  userVersion,
  type Migration,
} from '../../../../main/cache/migrations/index.ts'
import { tempDir } from '../fixtures.ts'

const createDb = () => new Database(path.join(tempDir(), 'm.db'))

const tables = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name)

/** Migrations that record the order they ran in, in a table of their own. */
function recording(versions: number[]): Migration[] {
  return versions.map((version) => ({
    version,
    update(db) {
      db.exec('CREATE TABLE IF NOT EXISTS log (version INTEGER)')
      db.prepare('INSERT INTO log VALUES (?)').run(version)
    },
  }))
}

const logged = (db: Database.Database) => (db.prepare('SELECT version FROM log ORDER BY rowid').all() as { version: number }[]).map((r) => r.version)

describe('cache migrations', () => {
  it('are numbered in strictly increasing steps of 10', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => (i + 1) * 10))
  })

  it('creates the workspace, floor, member and kv tables (0010) and the chat tables (0020)', () => {
    const db = createDb()
    migrate(db)
    expect(tables(db)).toEqual(['chat_lists', 'chat_messages', 'chat_outbox', 'floors', 'kv', 'members', 'workspaces'])
    expect(userVersion(db)).toBe(latestVersion())
  })

  it('apply pending steps in order and set user_version to the last', () => {
    const db = createDb()
    expect(migrate(db, recording([10, 20, 30]))).toEqual({ from: 0, to: 30 })
    expect(logged(db)).toEqual([10, 20, 30])
  })

  it('stop at a target version, then resume from it', () => {
    const db = createDb()
    const list = recording([10, 20, 30])
    expect(migrate(db, list, 20)).toEqual({ from: 0, to: 20 })
    expect(migrate(db, list)).toEqual({ from: 20, to: 30 })
    expect(logged(db)).toEqual([10, 20, 30])
  })

  it('do nothing on an up-to-date file', () => {
    const db = createDb()
    migrate(db, recording([10]))
    expect(migrate(db, recording([10]))).toEqual({ from: 10, to: 10 })
    expect(logged(db)).toEqual([10])
  })

  it('roll back a failing step with its version bump, keeping earlier steps', () => {
    const db = createDb()
    const failing: Migration = {
      version: 20,
      update(d) {
        d.exec('CREATE TABLE half (x INTEGER)')
        throw new Error('step 20 broke')
      },
    }
    expect(() => migrate(db, [...recording([10]), failing])).toThrow('step 20 broke')
    expect(userVersion(db)).toBe(10)
    expect(tables(db)).toEqual(['log'])
  })

  it('refuse a file from a newer version', () => {
    const db = createDb()
    db.pragma('user_version = 40')
    expect(() => migrate(db, recording([10, 20]))).toThrow(FutureVersionError)
  })

  it('refuse a list that is not strictly increasing', () => {
    expect(() => assertIncreasing(recording([10, 30, 20]))).toThrow(/strictly increasing/)
  })

  it('refuse duplicate versions', () => {
    expect(() => assertIncreasing(recording([10, 10]))).toThrow(/strictly increasing/)
  })
})
