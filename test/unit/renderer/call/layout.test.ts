import { describe, expect, it } from 'vitest'
import { arrangeCall, noteSpeakers, tileKey, type TileKind, type TileRef } from '../../../../renderer/call/layout.ts'

const tile = (identity: string, kind: TileKind = 'camera', local = false): TileRef => ({ key: tileKey(identity, kind), identity, kind, local })
const me = tile('me', 'camera', true)
const [ana, bo, cy, di] = [tile('ana'), tile('bo'), tile('cy'), tile('di')] as const
const keys = (ts: TileRef[]) => ts.map((t) => t.key)
const spoke = (...ids: string[]) => new Map(ids.map((id, i) => [id, i + 1]))

describe('arrangeCall', () => {
  it('shows everyone in join order, with no stage, when nobody shares or is pinned', () => {
    const l = arrangeCall({ tiles: [me, ana, bo], pinned: null, spoke: new Map(), maxVisible: 6 })
    expect(l.stage).toBeNull()
    expect(keys(l.rest)).toEqual(['me:camera', 'ana:camera', 'bo:camera'])
    expect(l.hidden).toBe(0)
    expect(l.activeSpeaker).toBeNull()
  })

  it('puts the pinned person on the stage and keeps the others in join order', () => {
    const l = arrangeCall({ tiles: [me, ana, bo], pinned: 'bo', spoke: spoke('ana'), maxVisible: 6 })
    expect(l.stage?.key).toBe('bo:camera')
    expect(keys(l.rest)).toEqual(['me:camera', 'ana:camera'])
  })

  it.each([
    ['a screen share takes the stage over a pinned camera', [me, ana, bo, tile('bo', 'screen')], 'ana', 'bo:screen'],
    ["the pinned person's screen wins over another share", [me, ana, tile('ana', 'screen'), bo, tile('bo', 'screen')], 'bo', 'bo:screen'],
    ["someone else's share wins over one's own", [me, tile('me', 'screen', true), ana, tile('ana', 'screen')], null, 'ana:screen'],
    ["one's own share alone stays off the stage", [me, tile('me', 'screen', true), ana], null, null],
    ["one's own share takes the stage when pinned", [me, tile('me', 'screen', true), ana], 'me', 'me:screen'],
  ] as const)('%s', (_, tiles, pinned, stage) => {
    const l = arrangeCall({ tiles: [...tiles], pinned, spoke: new Map(), maxVisible: 6 })
    expect(l.stage?.key ?? null).toBe(stage)
    expect(l.rest.length + (l.stage ? 1 : 0)).toBe(tiles.length)
  })

  it('names the most recent speaker still in the call as the active one', () => {
    expect(arrangeCall({ tiles: [me, ana, bo], pinned: null, spoke: spoke('bo', 'ana'), maxVisible: 6 }).activeSpeaker).toBe('ana')
    expect(arrangeCall({ tiles: [me, bo], pinned: null, spoke: spoke('bo', 'ana'), maxVisible: 6 }).activeSpeaker).toBe('bo')
  })

  it('when not all fit, keeps the pinned person, shares and recent speakers in view, shown in join order', () => {
    const tiles = [me, ana, bo, cy, di, tile('cy', 'screen')]
    // The screen is on the stage; of the five cameras two fit: di spoke last, then bo.
    const l = arrangeCall({ tiles, pinned: null, spoke: spoke('ana', 'bo', 'di'), maxVisible: 2 })
    expect(l.stage?.key).toBe('cy:screen')
    expect(keys(l.rest)).toEqual(['bo:camera', 'di:camera'])
    expect(l.hidden).toBe(3)
    // Pinned (off the stage, since a screen is shared) comes before the speakers.
    const pinned = arrangeCall({ tiles, pinned: 'me', spoke: spoke('ana', 'bo', 'di'), maxVisible: 2 })
    expect(keys(pinned.rest)).toEqual(['me:camera', 'di:camera'])
  })

  it('does not reorder the tiles in view when someone speaks', () => {
    const before = arrangeCall({ tiles: [me, ana, bo, cy], pinned: null, spoke: spoke('ana'), maxVisible: 6 })
    const after = arrangeCall({ tiles: [me, ana, bo, cy], pinned: null, spoke: spoke('ana', 'cy'), maxVisible: 6 })
    expect(keys(after.rest)).toEqual(keys(before.rest))
    expect(after.activeSpeaker).toBe('cy')
  })
})

describe('noteSpeakers', () => {
  it('counts the loudest (first) speaker as the most recent', () => {
    const { spoke: s, seq } = noteSpeakers(new Map([['ana', 1]]), ['bo', 'cy'], 1)
    expect(seq).toBe(3)
    expect(s.get('bo')).toBeGreaterThan(s.get('cy')!)
    expect(s.get('cy')).toBeGreaterThan(s.get('ana')!)
  })
})
