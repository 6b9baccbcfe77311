import fs from 'node:fs'
import path from 'node:path'
import crypto from 'node:crypto'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openCache, type RecoveryInfo } from '../../../../main/cache/open.ts'
import { latestVersion } from '../../../../main/cache/migrations/index.ts'
import { getSnapshot, putMembers, putWorkspace } from '../../../../main/cache/queries.ts'
import { member, tempDir, workspace } from '../fixtures.ts'

const pageSize = 4096

/** A cache file with enough rows to span many pages, closed (so the WAL is checkpointed). */
function filledCache(file: string): void {
  const cache = openCache(file)
  putWorkspace(cache, workspace)
  putMembers(cache, workspace.id, Array.from({ length: 3000 }, (_, i) => member(`mem_${i}`, { name: 'x'.repeat(60) })))
  cache.close()
}

function openRecording(file: string): { cache: ReturnType<typeof openCache>; recovered: RecoveryInfo[] } {
  const recovered: RecoveryInfo[] = []
  const cache = openCache(file, { onRecovered: (info) => recovered.push(info), now: () => 1234 })
  return { cache, recovered }
}

/** The rebuilt cache must be fully usable, not merely open. */
function expectWorking(cache: ReturnType<typeof openCache>): void {
  putWorkspace(cache, workspace)
  expect(getSnapshot(cache, workspace.id)?.workspace).toEqual(workspace)
}

describe('openCache', () => {
  it('opens in WAL mode', () => {
    const cache = openCache(path.join(tempDir(), 'cache.db'))
    expect(cache.db.pragma('journal_mode', { simple: true })).toBe('wal')
    cache.close()
  })

  it('sets synchronous=NORMAL', () => {
    const cache = openCache(path.join(tempDir(), 'cache.db'))
    expect(cache.db.pragma('synchronous', { simple: true })).toBe(1)
    cache.close()
  })

  it('turns foreign keys on', () => {
    const cache = openCache(path.join(tempDir(), 'cache.db'))
    expect(cache.db.pragma('foreign_keys', { simple: true })).toBe(1)
    cache.close()
  })

  it('migrates a new file to the latest version', () => {
    const cache = openCache(path.join(tempDir(), 'cache.db'))
    expect(cache.db.pragma('user_version', { simple: true })).toBe(latestVersion())
    cache.close()
  })

  it('does not report a recovery for a healthy file', () => {
    const file = path.join(tempDir(), 'cache.db')
    filledCache(file)
    const { cache, recovered } = openRecording(file)
    expect(recovered).toEqual([])
    expect(getSnapshot(cache, workspace.id)?.members).toHaveLength(3000)
    cache.close()
  })

  it('close is idempotent', () => {
    const cache = openCache(path.join(tempDir(), 'cache.db'))
    cache.close()
    expect(() => cache.close()).not.toThrow()
  })

  it('moves a garbage file aside and rebuilds', () => {
    const file = path.join(tempDir(), 'cache.db')
    const garbage = crypto.randomBytes(64 * 1024)
    fs.writeFileSync(file, garbage)
    const { cache, recovered } = openRecording(file)
    expect(recovered).toEqual([{ movedTo: `${file}.corrupt-1234`, reason: expect.stringMatching(/^SQLITE_NOTADB/) }])
    expect(fs.readFileSync(`${file}.corrupt-1234`).equals(garbage)).toBe(true)
    expectWorking(cache)
    cache.close()
  })

  it('detects zeroed pages in the middle of a real database and rebuilds', () => {
    const file = path.join(tempDir(), 'cache.db')
    filledCache(file)
    const pages = fs.statSync(file).size / pageSize
    expect(pages).toBeGreaterThan(20)
    const fd = fs.openSync(file, 'r+')
    fs.writeSync(fd, Buffer.alloc(pageSize * 2), 0, pageSize * 2, Math.floor(pages / 2) * pageSize)
    fs.closeSync(fd)

    const { cache, recovered } = openRecording(file)
    expect(recovered).toHaveLength(1)
    expect(recovered[0]?.reason).toMatch(/SQLITE_CORRUPT|quick_check/)
    expect(fs.existsSync(`${file}.corrupt-1234`)).toBe(true)
    expect(getSnapshot(cache, workspace.id)).toBeNull()
    expectWorking(cache)
    cache.close()
  })

  it('moves aside a file written by a newer app version', () => {
    const file = path.join(tempDir(), 'cache.db')
    filledCache(file)
    const db = new Database(file)
    db.pragma(`user_version = ${latestVersion() + 1000}`)
    db.close()

    const { cache, recovered } = openRecording(file)
    expect(recovered[0]?.reason).toMatch(/newer than this app knows/)
    expect(cache.db.pragma('user_version', { simple: true })).toBe(latestVersion())
    expectWorking(cache)
    cache.close()
  })

  it('keeps only the newest aside copy', () => {
    const dir = tempDir()
    const file = path.join(dir, 'cache.db')
    for (const now of [1, 2]) {
      fs.writeFileSync(file, crypto.randomBytes(8192))
      openCache(file, { now: () => now }).close()
    }
    expect(fs.readdirSync(dir).filter((n) => n.includes('.corrupt-'))).toEqual(['cache.db.corrupt-2'])
  })

  it('keeps the cache in memory for the run when the file is locked by another process, leaving the file untouched, and says why', () => {
    const dir = tempDir()
    const file = path.join(dir, 'cache.db')
    filledCache(file)
    const before = fs.readFileSync(file)
    const holder = new Database(file)
    holder.pragma('locking_mode = EXCLUSIVE')
    holder.exec('BEGIN EXCLUSIVE')
    try {
      const reasons: string[] = []
      const cache = openCache(file, { busyTimeoutMs: 20, onUnavailable: (reason) => reasons.push(reason) })
      expect(reasons).toEqual([expect.stringMatching(/^SQLITE_BUSY: /)])
      // Empty (nothing of the file), and working: the app starts from the server.
      expect(getSnapshot(cache, workspace.id)).toBeNull()
      expectWorking(cache)
      cache.close()
      expect(fs.readdirSync(dir).filter((n) => n.includes('.corrupt-'))).toEqual([])
    } finally {
      holder.exec('COMMIT')
      holder.close()
    }
    expect(fs.readFileSync(file).equals(before)).toBe(true)
  })

  it('keeps the cache in memory when its folder cannot hold a database at all', () => {
    const dir = tempDir()
    // Where the file should be, a folder: SQLite cannot open it, and it is no corruption to move aside.
    const file = path.join(dir, 'cache.db')
    fs.mkdirSync(file)
    const reasons: string[] = []
    const cache = openCache(file, { onUnavailable: (reason) => reasons.push(reason) })
    expect(reasons).toHaveLength(1)
    expectWorking(cache)
    cache.close()
  })
})
