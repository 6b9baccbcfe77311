/**
 * Occupancy writes in the order LiveKit's lists were read, on one database (a real SQLite file, a
 * real PostgreSQL database) shared by two connections (two server instances): a list read earlier
 * never replaces one read later.
 */
import { describe, expect, it } from 'vitest'
import { storeKinds } from '../../../support/stores.ts'
import { seedWorkspace } from './fixtures.ts'

const kinds = storeKinds()

describe.each(kinds)('$name store', (kind) => {
  describe('occupancy written by several server instances', () => {
    it('keeps the list read last, whichever instance writes last', async () => {
      const file = await kind.place()
      const [a, b] = [await kind.open(file), await kind.open(file)]
      const { workspaceId: ws } = await seedWorkspace(a)
      // Instance a read [ana, bo] at 100; instance b read [bo] at 200 (ana had left) and wrote first.
      expect(await b.setOccupants(ws, 'room_meeting', ['mem_bo'], 200)).toBe(true)
      expect(await a.setOccupants(ws, 'room_meeting', ['mem_ana', 'mem_bo'], 100)).toBe(false)
      expect(await b.occupancy(ws)).toEqual({ room_meeting: ['mem_bo'] })
      // A later read goes through, from either; a room's order says nothing about another room.
      expect(await a.setOccupants(ws, 'room_meeting', ['mem_bo', 'mem_cy'], 300)).toBe(true)
      expect(await b.setOccupants(ws, 'room_lounge', ['mem_ana'], 150)).toBe(true)
      expect(await a.occupancy(ws)).toEqual({ room_meeting: ['mem_bo', 'mem_cy'], room_lounge: ['mem_ana'] })
    })
  })
})
