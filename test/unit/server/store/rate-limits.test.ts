/**
 * The rate-limit counters @fastify/rate-limit keeps in the store (fixed windows), on both stores
 * (a real SQLite file, a real PostgreSQL database): counted per key, read without counting, a new
 * window once one ends, and one count shared by every connection to the database (every server
 * instance).
 */
import { describe, expect, it } from 'vitest'
import { storeKinds } from '../../../support/stores.ts'

const kinds = storeKinds()

describe.each(kinds)('$name store', (kind) => {
  describe('rate-limit counters', () => {
    it('count hits per key within a window, read them without counting, and start over when it ends', async () => {
      const store = await kind.open()
      expect(await store.countHit('k', 1_000, 10)).toEqual({ count: 1, resetAt: 1_010 })
      expect(await store.countHit('k', 1_000, 500)).toEqual({ count: 2, resetAt: 1_010 })
      expect(await store.countHit('other', 1_000, 500)).toEqual({ count: 1, resetAt: 1_500 })
      expect(await store.readHits('k', 900)).toEqual({ count: 2, resetAt: 1_010 })
      expect(await store.readHits('k', 900)).toEqual({ count: 2, resetAt: 1_010 })
      expect(await store.readHits('k', 1_010)).toEqual({ count: 0, resetAt: 1_010 })
      expect(await store.countHit('k', 1_000, 1_010)).toEqual({ count: 1, resetAt: 2_010 })
      expect(await store.readHits('never', 5)).toEqual({ count: 0, resetAt: 5 })
    })

    it('counts every hit once across connections to one database (server instances)', async () => {
      const file = await kind.place()
      const [a, b] = [await kind.open(file), await kind.open(file)]
      const nows = Array.from({ length: 40 }, (_, i) => 100 + i)
      const hits = await Promise.all(nows.map((now, i) => (i % 2 ? a : b).countHit('shared', 60_000, now)))
      expect(hits.map((h) => h.count).sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1))
      // One window for all: the one opened by the hit counted first, whichever instance's it was.
      const resetAt = nows[hits.findIndex((h) => h.count === 1)]! + 60_000
      expect(hits.map((h) => h.resetAt)).toEqual(nows.map(() => resetAt))
      expect(await a.readHits('shared', 200)).toEqual({ count: 40, resetAt })
    })
  })
})
