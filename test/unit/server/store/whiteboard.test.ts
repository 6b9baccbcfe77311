/**
 * Rooms' whiteboards in both stores (a real SQLite file, a real PostgreSQL database): versions in
 * order, a save on a stale version refused (so that the server merges and tries again), only the
 * latest versions kept, and the thumbnail beside the board; all of it still there after reopening.
 */
import { describe, expect, it } from 'vitest'
import type { WhiteboardRecord } from '../../../../server/store/whiteboard-store.ts'
import { storeKinds } from '../../../support/stores.ts'
import { seedWorkspace } from './fixtures.ts'

const kinds = storeKinds()
const board = (version: number, drawn: number, by: string | null = 'mem_a'): WhiteboardRecord => ({
  roomId: 'room_meeting', version, elements: JSON.stringify(Array.from({ length: drawn }, (_, i) => ({ id: `e${i}` }))), drawn, savedAt: 1_000 + version, savedBy: by,
})
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')

describe.each(kinds)('$name store', (kind) => {
  it('keeps a board’s versions in order, refuses a save on a stale version, and keeps only the latest', async () => {
    const place = await kind.place()
    const store = await kind.open(place)
    const { workspaceId: ws } = await seedWorkspace(store)
    expect(await store.getWhiteboard(ws, 'room_meeting')).toBeNull()
    expect(await store.saveWhiteboard(ws, 0, board(1, 1), 3)).toBe(true)
    // Someone else saved version 1 first: a save from 0 again is refused and changes nothing.
    expect(await store.saveWhiteboard(ws, 0, board(1, 9, 'mem_b'), 3)).toBe(false)
    for (let v = 2; v <= 5; v++) expect(await store.saveWhiteboard(ws, v - 1, board(v, v), 3)).toBe(true)
    expect(await store.getWhiteboard(ws, 'room_meeting')).toEqual(board(5, 5))
    expect((await store.listWhiteboardVersions(ws, 'room_meeting')).map((v) => [v.version, v.drawn])).toEqual([[5, 5], [4, 4], [3, 3]])
    expect(await store.getWhiteboardVersion(ws, 'room_meeting', 4)).toEqual(board(4, 4))
    expect(await store.getWhiteboardVersion(ws, 'room_meeting', 2)).toBeNull()
    // Another room's board is another board.
    expect(await store.getWhiteboard(ws, 'room_lounge')).toBeNull()

    expect(await store.setWhiteboardThumbnail(ws, 'room_lounge', { png: PNG, at: 7 })).toBe(false)
    expect(await store.setWhiteboardThumbnail(ws, 'room_meeting', { png: PNG, at: 7 })).toBe(true)
    const again = await kind.open(place)
    expect(await again.getWhiteboardThumbnail(ws, 'room_meeting')).toEqual({ png: PNG, at: 7 })
    expect((await again.getWhiteboard(ws, 'room_meeting'))?.version).toBe(5)
    expect(await again.getWhiteboardThumbnail(ws, 'room_lounge')).toBeNull()

    // Forgotten (its company left): the board, every version and the thumbnail; a new board starts at 1.
    expect(await again.saveWhiteboard(ws, 0, { ...board(1, 2), roomId: 'room_lounge' }, 3)).toBe(true)
    await again.deleteWhiteboard(ws, 'room_meeting')
    expect(await again.getWhiteboard(ws, 'room_meeting')).toBeNull()
    expect(await again.listWhiteboardVersions(ws, 'room_meeting')).toEqual([])
    expect(await again.getWhiteboardThumbnail(ws, 'room_meeting')).toBeNull()
    expect(await again.saveWhiteboard(ws, 0, board(1, 1), 3)).toBe(true)
    expect((await again.getWhiteboard(ws, 'room_lounge'))?.drawn).toBe(2)
  })

  it('lets exactly one of two saves on the same version through', async () => {
    const place = await kind.place()
    const [one, two] = [await kind.open(place), await kind.open(place)]
    const { workspaceId: ws } = await seedWorkspace(one)
    const results = await Promise.all([one.saveWhiteboard(ws, 0, board(1, 1, 'mem_a'), 30), two.saveWhiteboard(ws, 0, board(1, 2, 'mem_b'), 30)])
    expect(results.filter(Boolean)).toHaveLength(1)
    expect((await one.listWhiteboardVersions(ws, 'room_meeting')).map((v) => v.version)).toEqual([1])
  })
})
