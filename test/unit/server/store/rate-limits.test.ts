/**
 * The rate-limit counters @fastify/rate-limit keeps in the store (fixed windows), on real SQLite
 * files: counted per key, read without counting, a new window once one ends, and one count shared
 * by every connection to the file (every server instance).
 */
import { describe, expect, it } from 'vitest'
import { dbFile, openStore } from './fixtures.ts'

describe('rate-limit counters', () => {
  it('count hits per key within a window, read them without counting, and start over when it ends', async () => {
    const store = openStore()
    expect(await store.countHit('k', 1_000, 10)).toEqual({ count: 1, resetAt: 1_010 })
    expect(await store.countHit('k', 1_000, 500)).toEqual({ count: 2, resetAt: 1_010 })
    expect(await store.countHit('other', 1_000, 500)).toEqual({ count: 1, resetAt: 1_500 })
    expect(await store.readHits('k', 900)).toEqual({ count: 2, resetAt: 1_010 })
    expect(await store.readHits('k', 900)).toEqual({ count: 2, resetAt: 1_010 })
    expect(await store.readHits('k', 1_010)).toEqual({ count: 0, resetAt: 1_010 })
    expect(await store.countHit('k', 1_000, 1_010)).toEqual({ count: 1, resetAt: 2_010 })
    expect(await store.readHits('never', 5)).toEqual({ count: 0, resetAt: 5 })
  })

  it('counts every hit once across connections to one file (server instances)', async () => {
    const file = dbFile()
    const [a, b] = [openStore(file), openStore(file)]
    const hits = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).countHit('shared', 60_000, 100 + i)))
    expect(hits.map((h) => h.count).sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1))
    expect(await a.readHits('shared', 200)).toEqual({ count: 40, resetAt: 60_100 })
  })
})
