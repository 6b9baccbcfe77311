import { describe, expect, it } from 'vitest'
import type { Floor } from '../../../../protocol/floor/records.ts'
import { editorHarness } from '../../../support/editor-harness.ts'

const floor = (): Floor => ({
  id: 'floor_t',
  name: 'Test floor',
  version: 3,
  width: 1000,
  height: 800,
  rooms: [
    { id: 'room_a', name: 'Alpha', kind: 'meeting', x: 100, y: 100, width: 200, height: 150, capacity: 6, locked: false, ownerId: null, allowed: [] },
    { id: 'room_b', name: 'Beta', kind: 'lounge', x: 500, y: 100, width: 200, height: 150, capacity: 10, locked: false, ownerId: null, allowed: [] },
  ],
  desks: [
    { id: 'desk_1', label: '1', x: 150, y: 500, rotation: 0, assigneeId: null },
    { id: 'desk_2', label: '2', x: 300, y: 500, rotation: 0, assigneeId: null },
    { id: 'desk_3', label: '3', x: 450, y: 500, rotation: 0, assigneeId: null },
  ],
})

const at = (f: Floor, id: string) => {
  const item = f.rooms.find((r) => r.id === id) ?? f.desks.find((d) => d.id === id)!
  return { x: item.x, y: item.y }
}

describe('the select tool', () => {
  it('selects by click, adds with Shift-click, and takes out with Shift-click again', () => {
    const h = editorHarness(floor())
    h.click({ x: 150, y: 500 })
    expect(h.selection).toEqual(['desk_1'])
    h.click({ x: 300, y: 500 }, true)
    expect(h.selection).toEqual(['desk_1', 'desk_2'])
    h.click({ x: 150, y: 500 }, true)
    expect(h.selection).toEqual(['desk_2'])
    // A desk inside a room wins over the room; the room's own area selects the room.
    h.click({ x: 120, y: 120 })
    expect(h.selection).toEqual(['room_a'])
    // Empty floor clears the selection and commits nothing.
    h.click({ x: 900, y: 700 })
    expect(h.selection).toEqual([])
    expect(h.commits).toHaveLength(0)
  })

  it('moves the whole selection with one drag as one batch and one undo step', () => {
    const h = editorHarness(floor())
    h.click({ x: 150, y: 500 })
    h.click({ x: 300, y: 500 }, true)
    const before = h.floor
    h.drag({ x: 150, y: 500 }, { x: 190, y: 460 }, { steps: 12 })
    expect(h.commits).toHaveLength(1)
    expect(at(h.floor, 'desk_1')).toEqual({ x: 190, y: 460 })
    expect(at(h.floor, 'desk_2')).toEqual({ x: 340, y: 460 })
    expect(h.dragging).toBeNull()
    expect(h.undo()).toBeNull()
    expect({ ...h.floor, version: 0 }).toEqual({ ...before, version: 0 })
    expect(h.redo()).toBeNull()
    expect(at(h.floor, 'desk_1')).toEqual({ x: 190, y: 460 })
  })

  it('snaps a drag to the grid', () => {
    const h = editorHarness(floor(), { grid: 10 })
    h.drag({ x: 450, y: 500 }, { x: 483, y: 517 })
    expect(at(h.floor, 'desk_3')).toEqual({ x: 480, y: 520 })
  })

  it('a press that barely moves is a click, not a drag', () => {
    const h = editorHarness(floor())
    h.drag({ x: 450, y: 500 }, { x: 452, y: 501 })
    expect(h.commits).toHaveLength(0)
    expect(h.selection).toEqual(['desk_3'])
  })

  it('selects what a marquee encloses, and adds to the selection with Shift', () => {
    const h = editorHarness(floor())
    h.drag({ x: 90, y: 90 }, { x: 340, y: 540 })
    expect(h.selection.sort()).toEqual(['desk_1', 'desk_2', 'room_a'])
    expect(h.marquee).toBeNull()
    h.drag({ x: 420, y: 470 }, { x: 490, y: 540 }, { shift: true })
    expect(h.selection.sort()).toEqual(['desk_1', 'desk_2', 'desk_3', 'room_a'])
    expect(h.commits).toHaveLength(0)
  })

  it('resizes a room by a handle as one batch', () => {
    const h = editorHarness(floor())
    h.click({ x: 120, y: 120 })
    h.drag({ x: 300, y: 250 }, { x: 360, y: 290 }, { handle: { id: 'room_a', handle: 'se' } })
    expect(h.commits).toHaveLength(1)
    expect(h.floor.rooms[0]).toMatchObject({ x: 100, y: 100, width: 260, height: 190 })
    h.drag({ x: 100, y: 100 }, { x: 200, y: 150 }, { handle: { id: 'room_a', handle: 'nw' } })
    expect(h.floor.rooms[0]).toMatchObject({ x: 200, y: 150, width: 160, height: 140 })
  })

  it('refuses to undo what another host changed since, naming it, and leaves others alone', () => {
    const h = editorHarness(floor())
    h.drag({ x: 150, y: 500 }, { x: 200, y: 500 })
    h.remote([{ op: 'desk.update', id: 'desk_1', changes: { x: 250 } }])
    expect(h.undo()).toMatch(/Desk “1”/)
    expect(at(h.floor, 'desk_1')).toEqual({ x: 250, y: 500 })
    // Another host's change to a field this gesture did not touch does not block its undo.
    const g = editorHarness(floor())
    g.drag({ x: 150, y: 500 }, { x: 200, y: 500 })
    g.remote([{ op: 'desk.update', id: 'desk_1', changes: { label: 'One' } }])
    expect(g.undo()).toBeNull()
    expect(g.floor.desks[0]).toMatchObject({ x: 150, y: 500, label: 'One' })
  })
})
