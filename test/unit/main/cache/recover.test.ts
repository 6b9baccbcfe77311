import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { FutureVersionError } from '../../../../main/cache/migrations/index.ts'
import { QuickCheckError, corruptionReason, moveAside } from '../../../../main/cache/recover.ts'
import { tempDir } from '../fixtures.ts'

const sqliteError = (code: string) => new Database.SqliteError(`error ${code}`, code)

describe('corruptionReason', () => {
  it.each(['SQLITE_NOTADB', 'SQLITE_CORRUPT', 'SQLITE_CORRUPT_INDEX', 'SQLITE_CORRUPT_SEQUENCE'])('treats %s as corruption', (code) => {
    expect(corruptionReason(sqliteError(code))).toBe(`${code}: error ${code}`)
  })

  it.each(['SQLITE_BUSY', 'SQLITE_FULL', 'SQLITE_IOERR', 'SQLITE_IOERR_WRITE', 'SQLITE_NOMEM', 'SQLITE_CANTOPEN', 'SQLITE_CONSTRAINT'])(
    'never treats %s as corruption',
    (code) => {
      expect(corruptionReason(sqliteError(code))).toBeNull()
    },
  )

  it('treats a failed quick_check as corruption', () => {
    expect(corruptionReason(new QuickCheckError(['row 3 missing from index']))).toMatch(/row 3 missing/)
  })

  it('treats a future schema version as a reason to rebuild', () => {
    expect(corruptionReason(new FutureVersionError(990, 10))).toMatch(/990/)
  })

  it('does not treat an ordinary error (e.g. a migration bug) as corruption', () => {
    expect(corruptionReason(new Error('no such column: foo'))).toBeNull()
  })
})

describe('moveAside', () => {
  it('moves the database and its -wal and -shm files together', () => {
    const dir = tempDir()
    const file = path.join(dir, 'cache.db')
    for (const suffix of ['', '-wal', '-shm']) fs.writeFileSync(file + suffix, suffix || 'main')
    expect(moveAside(file, 77)).toBe(`${file}.corrupt-77`)
    expect(fs.readdirSync(dir).sort()).toEqual(['cache.db.corrupt-77', 'cache.db.corrupt-77-shm', 'cache.db.corrupt-77-wal'])
  })

  it('deletes older aside copies but leaves unrelated files', () => {
    const dir = tempDir()
    const file = path.join(dir, 'cache.db')
    for (const name of ['cache.db', 'cache.db.corrupt-1', 'cache.db.corrupt-1-wal', 'other.db']) fs.writeFileSync(path.join(dir, name), 'x')
    moveAside(file, 2)
    expect(fs.readdirSync(dir).sort()).toEqual(['cache.db.corrupt-2', 'other.db'])
  })
})
