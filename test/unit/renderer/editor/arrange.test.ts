import { describe, expect, it, test } from 'vitest'
import { applyBatch } from '../../../../protocol/floor/apply.ts'
import type { FloorOp } from '../../../../protocol/floor/ops.ts'
import type { Desk, Floor, Room } from '../../../../protocol/floor/records.ts'
import {
  alignItems,
  deskRows,
  distributeItems,
  duplicateItems,
  moveItems,
  pasteItems,
  resizeRoom,
  rotateDesks,
  snap,
  type AlignEdge,
  type ResizeHandle,
} from '../../../../renderer/editor/arrange.ts'

const room = (id: string, x: number, y: number, width: number, height: number, extra: Partial<Room> = {}): Room => ({
  id, name: id, kind: 'meeting', x, y, width, height, capacity: 6, locked: false, ownerId: null, allowed: [], ...extra,
})
const desk = (id: string, x: number, y: number, extra: Partial<Desk> = {}): Desk => ({ id, label: id.slice(5), x, y, rotation: 0, assigneeId: null, ...extra })

/** 1000×600: room A (100,100 200×100), room B (500,50 100×300), desks 1 at (100,400), 2 at (300,450), 3 at (700,500). */
const floor = (): Floor => ({
  id: 'floor_main',
  name: 'Main',
  version: 1,
  width: 1000,
  height: 600,
  rooms: [room('room_a', 100, 100, 200, 100, { ownerId: 'mem_ana', allowed: ['mem_bo'] }), room('room_b', 500, 50, 100, 300)],
  desks: [desk('desk_1', 100, 400, { assigneeId: 'mem_ana' }), desk('desk_2', 300, 450), desk('desk_3', 700, 500, { rotation: 350 })],
})

const ctx = { isMember: (id: string) => ['mem_ana', 'mem_bo'].includes(id) }

/** The floor after the ops, which must pass applyBatch. */
function after(ops: FloorOp[], on: Floor = floor()): Floor {
  const result = applyBatch(on, ops, ctx)
  if (!result.ok) throw new Error(`ops do not apply: ${JSON.stringify(result.error)}`)
  return result.floor
}
const at = (f: Floor, id: string) => {
  const r = [...f.rooms, ...f.desks].find((x) => x.id === id)
  return r && ('width' in r ? { x: r.x, y: r.y, width: r.width, height: r.height } : { x: r.x, y: r.y })
}

let n = 0
const newId = (prefix: 'room' | 'desk' | 'furn') => `${prefix}_new${++n}`

test.each<[number, number | undefined, number]>([
  [13, 10, 10],
  [15, 10, 20],
  [-4, 10, -0],
  [13, undefined, 13],
  [13, 0, 13],
])('snap(%s, %s) = %s', (v, grid, expected) => {
  expect(snap(v, grid)).toBe(expected)
})

describe('alignItems lines the selection up on its bounding box', () => {
  test.each<[AlignEdge, Record<string, object>]>([
    ['left', { room_a: { x: 100 }, desk_2: { x: 124 } }],
    ['right', { room_a: { x: 124 }, desk_2: { x: 300 } }],
    ['center', { room_a: { x: 112 }, desk_2: { x: 212 } }],
    ['top', { room_a: { y: 100 }, desk_2: { y: 124 } }],
    ['bottom', { room_a: { y: 374 }, desk_2: { y: 450 } }],
    ['middle', { room_a: { y: 237 }, desk_2: { y: 287 } }],
  ])('%s', (edge, expected) => {
    const f = after(alignItems(floor(), ['room_a', 'desk_2'], edge))
    for (const [id, pos] of Object.entries(expected)) expect(at(f, id)).toMatchObject(pos)
  })

  it('does nothing for one item, and keeps items on the floor', () => {
    expect(alignItems(floor(), ['room_a'], 'left')).toEqual([])
    const edge: Floor = { ...floor(), desks: [desk('desk_1', 10, 400), desk('desk_2', 300, 450)] }
    // Desk 1's square reaches x = -14; room A cannot follow it off the floor.
    expect(at(after(alignItems(edge, ['room_a', 'desk_1'], 'left'), edge), 'room_a')).toMatchObject({ x: 0 })
  })
})

describe('distributeItems', () => {
  it('spaces three or more items with equal gaps, keeping the outer two', () => {
    const f = after(distributeItems(floor(), ['desk_1', 'desk_2', 'desk_3', 'room_b'], 'horizontal'))
    // Span 76..724 holds 3 desks of 48 and room B of 100: gap (648 − 244) / 3.
    const gap = (648 - 244) / 3
    expect(at(f, 'desk_1')).toMatchObject({ x: 100 })
    expect(at(f, 'desk_2')?.x).toBeCloseTo(124 + gap + 24, 2)
    expect(at(f, 'room_b')?.x).toBeCloseTo(124 + gap + 48 + gap, 2)
    expect(at(f, 'desk_3')).toMatchObject({ x: 700 })
  })

  it('steps centres evenly when the items are too wide for gaps', () => {
    const wide: Floor = { ...floor(), rooms: [room('room_a', 0, 0, 500, 100), room('room_b', 150, 150, 500, 100), room('room_c', 200, 300, 500, 100)] }
    const f = after(distributeItems(wide, ['room_a', 'room_c', 'room_b'], 'horizontal'), wide)
    expect(at(f, 'room_b')?.x).toBe(100)
    expect(distributeItems(wide, ['room_a', 'room_b'], 'vertical')).toEqual([])
  })
})

describe('moveItems', () => {
  test.each<[string, string[], number, number, number | undefined, Record<string, object>]>([
    ['moves rooms by x/y and desks by centre', ['room_a', 'desk_2'], 30, -20, undefined, { room_a: { x: 130, y: 80 }, desk_2: { x: 330, y: 430 } }],
    ['snaps the first item to the grid, the rest keep their offsets', ['room_a', 'desk_2'], 13, 0, 20, { room_a: { x: 120 }, desk_2: { x: 320 } }],
    ['stops the whole selection at the floor edge', ['room_a', 'desk_3'], 500, 0, undefined, { room_a: { x: 400 }, desk_3: { x: 1000 } }],
    ['stops at the top-left edge', ['room_a'], -500, -500, undefined, { room_a: { x: 0, y: 0 } }],
  ])('%s', (_name, ids, dx, dy, grid, expected) => {
    const f = after(moveItems(floor(), ids, dx, dy, grid))
    for (const [id, pos] of Object.entries(expected)) expect(at(f, id)).toMatchObject(pos)
  })

  it('returns no ops for an empty selection or a move into the wall', () => {
    expect(moveItems(floor(), [], 10, 10)).toEqual([])
    const corner: Floor = { ...floor(), desks: [desk('desk_1', 0, 0)] }
    expect(moveItems(corner, ['desk_1'], -10, -10)).toEqual([])
  })
})

describe('resizeRoom', () => {
  test.each<[ResizeHandle, number, number, number | undefined, object]>([
    ['e', 50, 0, undefined, { x: 100, y: 100, width: 250, height: 100 }],
    ['w', -30, 0, undefined, { x: 70, width: 230 }],
    ['n', 0, 20, undefined, { y: 120, height: 80 }],
    ['s', 0, 33, 10, { y: 100, height: 130 }],
    ['se', 1000, 1000, undefined, { width: 900, height: 500 }],
    ['nw', -500, -500, undefined, { x: 0, y: 0, width: 300, height: 200 }],
    ['e', -500, 0, undefined, { x: 100, width: 40 }],
    ['n', 0, 500, undefined, { y: 160, height: 40 }],
    ['sw', 190, 0, undefined, { x: 260, width: 40 }],
  ])('%s by (%s, %s) grid %s', (handle, dx, dy, grid, expected) => {
    expect(at(after(resizeRoom(floor(), 'room_a', handle, dx, dy, grid)), 'room_a')).toMatchObject(expected)
  })

  it('keeps a room already under 40 wide in the corner on the floor', () => {
    const tiny: Floor = { ...floor(), rooms: [room('room_t', 0, 0, 10, 10)] }
    expect(resizeRoom(tiny, 'room_t', 'nw', -5, 3)).toEqual([])
    expect(resizeRoom(tiny, 'room_t', 'w', 5, 0)).toEqual([])
    expect(at(after(resizeRoom(tiny, 'room_t', 'se', 5, 5), tiny), 'room_t')).toEqual({ x: 0, y: 0, width: 40, height: 40 })
  })

  it('changes only the fields that move, and nothing for an unknown room', () => {
    expect(resizeRoom(floor(), 'room_a', 'e', 10, 99)).toEqual([{ op: 'room.update', id: 'room_a', changes: { width: 210 } }])
    expect(resizeRoom(floor(), 'room_zz', 'e', 10, 0)).toEqual([])
  })
})

test.each<[15 | -15, number[]]>([
  [15, [15, 15, 5]],
  [-15, [345, 345, 335]],
])('rotateDesks by %s keeps rotation in [0, 360)', (step, expected) => {
  const f = after(rotateDesks(floor(), ['desk_1', 'desk_2', 'desk_3', 'room_a'], step))
  expect(f.desks.map((d) => d.rotation)).toEqual(expected)
})

describe('duplicateItems, pasteItems and deskRows make new records', () => {
  it('duplicates with fresh ids, an offset, the next free desk number, and nobody in them', () => {
    const { ops, ids } = duplicateItems(floor(), ['room_a', 'desk_1'], newId)
    const f = after(ops)
    const [r, d] = ids.map((id) => [...f.rooms, ...f.desks].find((x) => x.id === id))
    expect(r).toMatchObject({ x: 120, y: 120, ownerId: null, allowed: [], name: 'room_a' })
    expect(d).toMatchObject({ x: 120, y: 420, assigneeId: null, label: '4' })
  })

  it('keeps copies on the floor: a duplicate at the edge shifts back inside', () => {
    const { ops, ids } = duplicateItems(floor(), ['desk_3'], newId, 400)
    expect(at(after(ops), ids[0]!)).toEqual({ x: 1000, y: 600 })
  })

  it('pastes onto another, smaller floor, clamped inside it, at a point', () => {
    const small: Floor = { id: 'floor_s', name: 'Small', version: 0, width: 400, height: 300, rooms: [], desks: [desk('desk_9', 10, 10)] }
    const items = { rooms: [floor().rooms[0]!], desks: [floor().desks[0]!, floor().desks[2]!] }
    const placed = pasteItems(small, items, newId, { x: 50, y: 50 })
    const f = after(placed.ops, small)
    expect(placed.ids).toHaveLength(3)
    expect(f.desks.every((d) => d.x <= 400 && d.y <= 300)).toBe(true)
    expect(f.desks.find((d) => d.id === placed.ids[1])).toMatchObject({ assigneeId: null, label: '1' })
    expect(f.rooms[0]).toMatchObject({ ownerId: null, allowed: [] })
    const inPlace = pasteItems(floor(), { rooms: [], desks: [floor().desks[1]!] }, newId)
    expect(at(after(inPlace.ops), inPlace.ids[0]!)).toEqual({ x: 320, y: 470 })
  })

  it('lays desks out in rows, the lower row of each pair facing up, numbered from firstLabel', () => {
    const { ops, ids } = deskRows(floor(), { count: 5, rows: 2, spacing: 100, x: 100, y: 100 }, newId, 4)
    const made = after(ops).desks.filter((d) => ids.includes(d.id))
    expect(made.map((d) => [d.label, d.x, d.y, d.rotation])).toEqual([
      ['4', 100, 100, 0], ['5', 200, 100, 0], ['6', 300, 100, 0],
      ['7', 100, 200, 180], ['8', 200, 200, 180],
    ])
    const pushed = deskRows(floor(), { count: 4, rows: 1, spacing: 100, x: 900, y: 590 }, newId, 1)
    expect(after(pushed.ops).desks.slice(-4).map((d) => d.x)).toEqual([700, 800, 900, 1000])
  })
})

describe('every helper returns ops that apply, whatever the selection (300 random cases)', () => {
  it('holds on random floors, selections and amounts', () => {
    let seed = 11
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647)
    const int = (k: number) => Math.floor(rnd() * k)
    const edges: AlignEdge[] = ['left', 'center', 'right', 'top', 'middle', 'bottom']
    const handles: ResizeHandle[] = ['n', 's', 'e', 'w', 'ne', 'nw', 'se', 'sw']
    let nonEmpty = 0
    for (let i = 0; i < 300; i++) {
      const width = 200 + int(1000)
      const height = 200 + int(800)
      const rooms = Array.from({ length: int(4) }, (_, k) => {
        const w = 1 + int(width / 2)
        const h = 1 + int(height / 2)
        return room(`room_${k}`, int(width - w), int(height - h), w, h)
      })
      const desks = Array.from({ length: int(5) }, (_, k) => desk(`desk_${k}`, int(width + 1), int(height + 1), { rotation: int(24) * 15 }))
      const f: Floor = { id: 'floor_r', name: 'R', version: 0, width, height, rooms, desks }
      const ids = [...rooms, ...desks].filter(() => rnd() < 0.6).map((r) => r.id)
      const big = () => int(2 * width) - width
      const results: FloorOp[][] = [
        alignItems(f, ids, edges[int(6)]!),
        distributeItems(f, ids, rnd() < 0.5 ? 'horizontal' : 'vertical'),
        moveItems(f, ids, big(), big(), rnd() < 0.5 ? 10 : undefined),
        rooms[0] ? resizeRoom(f, rooms[0].id, handles[int(8)]!, big(), big(), rnd() < 0.5 ? 20 : undefined) : [],
        rotateDesks(f, ids, rnd() < 0.5 ? 15 : -15),
        duplicateItems(f, ids, newId, int(300)).ops,
        pasteItems(f, { rooms: floor().rooms, desks: floor().desks }, newId, rnd() < 0.5 ? { x: int(width), y: int(height) } : undefined).ops,
        deskRows(f, { count: 1 + int(12), rows: 1 + int(4), spacing: 20 + int(200), x: int(width), y: int(height) }, newId, 1).ops,
      ]
      for (const ops of results) {
        if (ops.length === 0) continue
        nonEmpty++
        const result = applyBatch(f, ops, ctx)
        expect(result.ok, `case ${i}: ${JSON.stringify(ops)} → ${JSON.stringify(!result.ok && result.error)}`).toBe(true)
      }
    }
    expect(nonEmpty).toBeGreaterThan(1000)
  })
})
