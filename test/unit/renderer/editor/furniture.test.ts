/**
 * Furniture in the editor: selected by click or marquee (under desks, over rooms), dragged,
 * nudged, turned, undone and redone like desks, and said in words. Through the real select tool,
 * applyBatch and history (test/support/editor-harness.ts).
 */
import { describe, expect, it } from 'vitest'
import type { Floor } from '../../../../protocol/floor/records.ts'
import { duplicateItems, moveItems, pasteItems, rotateDesks } from '../../../../renderer/editor/arrange.ts'
import { freeSpot, selectedOn } from '../../../../renderer/editor/panels/placement.ts'
import { describeSelection } from '../../../../renderer/editor/selection-label.ts'
import { hitItem, itemsInRect } from '../../../../renderer/editor/tools/hit.ts'
import { furnitureBox } from '../../../../renderer/floor/furniture-kinds.ts'
import { editorHarness } from '../../../support/editor-harness.ts'

const floor = (): Floor => ({
  id: 'floor_t',
  name: 'Test floor',
  version: 3,
  width: 1000,
  height: 800,
  rooms: [{ id: 'room_l', name: 'Lounge', kind: 'lounge', x: 100, y: 100, width: 400, height: 300, capacity: 10, locked: false, ownerId: null, allowed: [] }],
  desks: [{ id: 'desk_1', label: '1', x: 200, y: 200, rotation: 0, assigneeId: null }],
  furniture: [
    // A rug under the desk, a sofa in the lounge, a plant on open floor.
    { id: 'furn_rug', kind: 'rug', x: 200, y: 200, rotation: 0 },
    { id: 'furn_sofa', kind: 'sofa', x: 400, y: 300, rotation: 90 },
    { id: 'furn_plant', kind: 'plant', x: 700, y: 600, rotation: 0 },
  ],
})

const piece = (f: Floor, id: string) => f.furniture?.find((p) => p.id === id)

describe('furniture in the editor', () => {
  it('is hit under desks and over rooms, by its turned footprint', () => {
    const f = floor()
    expect(hitItem(f, 200, 200)).toBe('desk_1')
    expect(hitItem(f, 250, 230)).toBe('furn_rug') // on the rug, beside the desk
    // The sofa is turned a quarter: 38 wide and 84 tall, so 30 right of its centre is lounge.
    expect(hitItem(f, 400, 340)).toBe('furn_sofa')
    expect(hitItem(f, 430, 300)).toBe('room_l')
    expect(hitItem(f, 700, 600)).toBe('furn_plant')
    expect(hitItem(f, 760, 600)).toBeNull()
    expect(furnitureBox(f.furniture![1]!)).toMatchObject({ width: 38, height: 84 })
  })

  it('is taken by a marquee only when wholly inside it', () => {
    expect(itemsInRect(floor(), { x: 650, y: 550, width: 100, height: 100 })).toEqual(['furn_plant'])
    expect(itemsInRect(floor(), { x: 690, y: 590, width: 100, height: 100 })).toEqual([])
  })

  it('drags as one gesture, and undo and redo put it back and again', () => {
    const h = editorHarness(floor(), { grid: 10 })
    h.drag({ x: 700, y: 600 }, { x: 760, y: 540 })
    expect(h.selection).toEqual(['furn_plant'])
    expect(piece(h.floor, 'furn_plant')).toMatchObject({ x: 760, y: 540 })
    expect(h.commits).toEqual([[{ op: 'furniture.update', id: 'furn_plant', changes: { x: 760, y: 540 } }]])
    expect(h.undo()).toBeNull()
    expect(piece(h.floor, 'furn_plant')).toMatchObject({ x: 700, y: 600 })
    expect(h.redo()).toBeNull()
    expect(piece(h.floor, 'furn_plant')).toMatchObject({ x: 760, y: 540 })
  })

  it('refuses to undo a move another host changed since, naming the piece', () => {
    const h = editorHarness(floor())
    h.drag({ x: 700, y: 600 }, { x: 750, y: 600 })
    h.remote([{ op: 'furniture.update', id: 'furn_plant', changes: { x: 100 } }])
    expect(h.undo()).toBe('Furniture “plant” was moved by someone else since; it cannot be undone')
  })

  it('nudges, stops at the floor edge by its centre, and turns in 15° steps with desks', () => {
    const f = floor()
    expect(moveItems(f, ['furn_plant'], 500, 0)).toEqual([{ op: 'furniture.update', id: 'furn_plant', changes: { x: 1000 } }])
    expect(rotateDesks(f, ['desk_1', 'furn_sofa', 'room_l'], -15)).toEqual([
      { op: 'desk.update', id: 'desk_1', changes: { rotation: 345 } },
      { op: 'furniture.update', id: 'furn_sofa', changes: { rotation: 75 } },
    ])
  })

  it('is said in words, and kept in the selection while it is on the floor', () => {
    const f = floor()
    expect(describeSelection(f, ['furn_plant'])).toBe('Plant selected')
    expect(describeSelection(f, ['furn_plant', 'desk_1'])).toBe('2 items selected')
    expect(selectedOn(f, ['furn_sofa', 'furn_gone'])).toEqual(['furn_sofa'])
  })
})

describe('furniture copied and placed', () => {
  let n = 0
  const newId = (prefix: 'room' | 'desk' | 'furn') => `${prefix}_new${++n}`

  it('duplicates and pastes furniture with fresh ids, beside the originals', () => {
    const f = floor()
    expect(duplicateItems(f, ['furn_plant', 'desk_1'], newId)).toEqual({
      ops: [
        { op: 'desk.add', desk: { id: 'desk_new1', label: '2', x: 220, y: 220, rotation: 0, assigneeId: null } },
        { op: 'furniture.add', furniture: { id: 'furn_new2', kind: 'plant', x: 720, y: 620, rotation: 0 } },
      ],
      ids: ['desk_new1', 'furn_new2'],
    })
    const sofa = f.furniture!.filter((p) => p.id === 'furn_sofa')
    expect(pasteItems(f, { rooms: [], desks: [], furniture: sofa }, newId, { x: 10, y: 20 }).ops).toEqual([
      { op: 'furniture.add', furniture: { id: 'furn_new3', kind: 'sofa', x: 10, y: 20, rotation: 90 } },
    ])
  })

  it('places new things clear of furniture', () => {
    const f = floor()
    const spot = freeSpot({ ...f, rooms: [], desks: [], furniture: [{ id: 'furn_rug', kind: 'rug', x: 500, y: 400, rotation: 0 }] }, 48, 48)!
    const rug = { x: 440, y: 360, width: 120, height: 80 }
    const clear = spot.x + 48 <= rug.x || spot.x >= rug.x + rug.width || spot.y + 48 <= rug.y || spot.y >= rug.y + rug.height
    expect(clear).toBe(true)
  })
})
