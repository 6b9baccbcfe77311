/**
 * Where the palette puts new rooms and desks, and the words the panels use: checked against the
 * starter floor and the real applyBatch, so a placement the server would refuse fails here.
 */
import { describe, expect, it } from 'vitest'
import type { Member } from '../../../../protocol/api.ts'
import { applyBatch } from '../../../../protocol/floor/apply.ts'
import { DESK_SIZE } from '../../../../protocol/floor/geometry.ts'
import type { Floor } from '../../../../protocol/floor/records.ts'
import { deskChoices, deskSpot, freeRoomName, grown, nextDeskNumber, roomKinds, selectedOn, spotFor } from '../../../../renderer/editor/panels/placement.ts'
import { starterFloor } from '../../../../server/floor/starter.ts'

const owner = 'mem_owner'
const starter = starterFloor(owner)
const empty: Floor = { id: 'floor_empty', name: 'Empty', version: 0, width: 1000, height: 600, rooms: [], desks: [] }
const ctx = { isMember: (id: string) => id === owner || id.startsWith('mem_') }

type Box = { x: number; y: number; width: number; height: number }
const boxes = (floor: Floor): Box[] => [
  ...floor.rooms,
  ...floor.desks.map((d) => ({ x: d.x - DESK_SIZE / 2, y: d.y - DESK_SIZE / 2, width: DESK_SIZE, height: DESK_SIZE })),
]
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

/** Applies `ops` to `floor` with the real applyBatch, failing the test with its message when refused. */
function applied(floor: Floor, ops: unknown[]): Floor {
  const result = applyBatch(floor, ops, ctx)
  if (!result.ok) throw new Error(`${result.error.field}: ${result.error.message}`)
  return result.floor
}

describe('spotFor', () => {
  it('takes the middle of an empty floor', () => {
    expect(spotFor(empty, 200, 100)).toEqual({ x: 400, y: 250, grow: [] })
    expect(deskSpot(empty)).toEqual({ x: 500, y: 300, grow: [] })
  })

  it.each(Object.entries(roomKinds))('puts a new %s where nothing is, growing the packed starter floor for it', (kind, size) => {
    const spot = spotFor(starter, size.width, size.height)
    const room = { id: 'room_new', name: 'New', kind: kind as keyof typeof roomKinds, x: spot.x, y: spot.y, width: size.width, height: size.height, capacity: size.capacity, locked: false, ownerId: null, allowed: [] }
    for (const taken of boxes(starter)) expect(overlaps(room, taken)).toBe(false)
    const after = applied(starter, [...spot.grow, { op: 'room.add', room }])
    expect(after.height).toBeGreaterThanOrEqual(starter.height)
    expect(after.width).toBe(starter.width)
  })

  it('keeps adding desks without stacking them, nearest the middle first while there is room', () => {
    let floor = starter
    const centre = { x: starter.width / 2, y: starter.height / 2 }
    let last = 0
    for (let i = 0; i < 10; i++) {
      const spot = deskSpot(floor)
      expect(spot.grow).toEqual([])
      const box = { x: spot.x - DESK_SIZE / 2, y: spot.y - DESK_SIZE / 2, width: DESK_SIZE, height: DESK_SIZE }
      for (const taken of boxes(floor)) expect(overlaps(box, taken)).toBe(false)
      const distance = Math.hypot(spot.x - centre.x, spot.y - centre.y)
      expect(distance).toBeGreaterThanOrEqual(last - 1)
      last = distance
      floor = applied(floor, [{ op: 'desk.add', desk: { id: `desk_n${i}`, label: String(nextDeskNumber(floor)), x: spot.x, y: spot.y, rotation: 0, assigneeId: null } }])
    }
    expect(floor.desks.map((d) => d.label).slice(-3)).toEqual(['20', '21', '22'])
  })

  it('grows a full floor below everything, wider too when the item is wider than the floor', () => {
    const full: Floor = { ...empty, rooms: [{ id: 'room_all', name: 'All', kind: 'lounge', x: 0, y: 0, width: 1000, height: 600, capacity: 5, locked: false, ownerId: null, allowed: [] }] }
    const spot = spotFor(full, 100, 100)
    expect(spot).toEqual({ x: 450, y: 616, grow: [{ op: 'floor.update', changes: { height: 732 } }] })
    expect(grown(full, spot)).toMatchObject({ width: 1000, height: 732 })
    expect(spotFor(empty, 1200, 100)).toEqual({ x: 0, y: 250, grow: [{ op: 'floor.update', changes: { width: 1200 } }] })
  })

  it('goes in the middle regardless when growing would pass the largest floor allowed', () => {
    const huge: Floor = { ...empty, width: 20_000, height: 20_000, rooms: [{ id: 'room_all', name: 'All', kind: 'stage', x: 0, y: 0, width: 20_000, height: 20_000, capacity: 5, locked: false, ownerId: null, allowed: [] }] }
    expect(spotFor(huge, 100, 100)).toEqual({ x: 9950, y: 9950, grow: [] })
  })

  it('searches a 20,000-unit floor with thousands of desks quickly', () => {
    const desks = Array.from({ length: 2000 }, (_, i) => ({ id: `desk_${i}`, label: String(i), x: 8000 + (i % 50) * 80, y: 8000 + Math.floor(i / 50) * 80, rotation: 0, assigneeId: null }))
    const big: Floor = { ...empty, width: 20_000, height: 20_000, desks }
    const started = performance.now()
    const spot = spotFor(big, 300, 200)
    expect(performance.now() - started).toBeLessThan(1000)
    expect(spot.grow).toEqual([])
    for (const taken of boxes(big)) expect(overlaps({ x: spot.x, y: spot.y, width: 300, height: 200 }, taken)).toBe(false)
  })
})

describe('names for new things', () => {
  it.each([
    [['1', '2', '12'], 13],
    [['A', '3', 'lobby'], 4],
    [[], 1],
  ])('numbers a new desk after %j as %i', (labels, next) => {
    const desks = labels.map((label, i) => ({ id: `desk_${i}`, label, x: 10, y: 10, rotation: 0, assigneeId: null }))
    expect(nextDeskNumber({ ...empty, desks })).toBe(next)
  })

  it('names a room by its kind, numbered when the name is taken', () => {
    expect(freeRoomName(starter, 'stage')).toBe('Stage')
    expect(freeRoomName(starter, 'meeting')).toBe('Meeting room 2')
    const withTwo = { ...starter, rooms: [...starter.rooms, { ...starter.rooms[0]!, id: 'room_m2', name: 'Meeting room 2' }] }
    expect(freeRoomName(withTwo, 'meeting')).toBe('Meeting room 3')
  })
})

describe('selection and people', () => {
  it('keeps only the selected ids still on the floor', () => {
    expect(selectedOn(starter, ['desk_1', 'room_gone', 'room_lounge'])).toEqual(['desk_1', 'room_lounge'])
    expect(selectedOn(null, ['desk_1'])).toEqual([])
  })

  it('lists who can get a desk by name, marks who has none on any floor, and leaves guests out', () => {
    const member = (id: string, name: string, role: Member['role']): Member => ({ id, workspaceId: 'ws_1', name, role, colour: '#123456', deskId: null, lastSeenAt: null })
    const members = Object.fromEntries(
      [member(owner, 'Zoe Owner', 'owner'), member('mem_bo', 'Bo Lee', 'member'), member('mem_cy', 'Cy Young', 'host'), member('mem_gus', 'Gus Guest', 'guest')].map((m) => [m.id, m]),
    )
    const second: Floor = { ...empty, id: 'floor_2', desks: [{ id: 'desk_x', label: '1', x: 50, y: 50, rotation: 0, assigneeId: 'mem_cy' }] }
    expect(deskChoices([starter, second], members)).toEqual([
      { id: 'mem_bo', label: 'Bo Lee (no desk)', hasDesk: false },
      { id: 'mem_cy', label: 'Cy Young', hasDesk: true },
      { id: owner, label: 'Zoe Owner', hasDesk: true },
    ])
  })
})
