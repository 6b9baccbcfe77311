import { describe, expect, it, test } from 'vitest'
import { applyBatch, type ApplyResult } from '../../../../protocol/floor/apply.ts'
import { floorLimits, type Desk, type Floor, type Room } from '../../../../protocol/floor/records.ts'

const members = new Set(['mem_ana', 'mem_bo', 'mem_cy'])
const ctx = { isMember: (id: string) => members.has(id) }

const room = (id: string, extra: Partial<Room> = {}): Room => ({
  id, name: 'Room', kind: 'meeting', x: 100, y: 100, width: 200, height: 100, capacity: 6, locked: false, ownerId: null, allowed: [], ...extra,
})
const desk = (id: string, extra: Partial<Desk> = {}): Desk => ({ id, label: 'Desk', x: 500, y: 400, rotation: 0, assigneeId: null, ...extra })

/** 1000×600 with one room and two desks, the first of them Ana's. */
const baseFloor = (): Floor => ({
  id: 'floor_main',
  name: 'Main',
  version: 7,
  width: 1000,
  height: 600,
  rooms: [room('room_a', { ownerId: 'mem_ana', allowed: ['mem_bo'] })],
  desks: [desk('desk_1', { assigneeId: 'mem_ana' }), desk('desk_2', { x: 600 })],
})

const deepFreeze = <T>(value: T): T => {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v)
    Object.freeze(value)
  }
  return value
}

/** Applies to a frozen floor and checks that the input came out exactly as it went in. */
function apply(ops: unknown[], floor: Floor = baseFloor()): ApplyResult {
  const before = structuredClone(floor)
  const result = applyBatch(deepFreeze(floor), ops, ctx)
  expect(floor).toEqual(before)
  return result
}

const applied = (ops: unknown[], floor?: Floor): Floor => {
  const result = apply(ops, floor)
  if (!result.ok) throw new Error(`expected the batch to apply, got ${JSON.stringify(result.error)}`)
  return result.floor
}

describe('applyBatch applies every op kind', () => {
  test.each<[string, unknown[], (f: Floor) => unknown, unknown]>([
    ['room.add', [{ op: 'room.add', room: room('room_b', { x: 400 }) }], (f) => f.rooms.map((r) => r.id), ['room_a', 'room_b']],
    ['room.update', [{ op: 'room.update', id: 'room_a', changes: { name: 'Aquarium', locked: true, allowed: [] } }], (f) => f.rooms[0], { ...room('room_a', { ownerId: 'mem_ana' }), name: 'Aquarium', locked: true }],
    ['room.remove', [{ op: 'room.remove', id: 'room_a' }], (f) => f.rooms, []],
    ['desk.add', [{ op: 'desk.add', desk: desk('desk_3', { assigneeId: 'mem_bo' }) }], (f) => f.desks.at(-1), desk('desk_3', { assigneeId: 'mem_bo' })],
    ['desk.update', [{ op: 'desk.update', id: 'desk_2', changes: { label: 'Window', rotation: 359.5, assigneeId: 'mem_cy' } }], (f) => f.desks[1], desk('desk_2', { x: 600, label: 'Window', rotation: 359.5, assigneeId: 'mem_cy' })],
    ['desk.remove', [{ op: 'desk.remove', id: 'desk_1' }], (f) => f.desks.map((d) => d.id), ['desk_2']],
    ['floor.update', [{ op: 'floor.update', changes: { name: 'Ground', width: 1200 } }], (f) => [f.name, f.width, f.height], ['Ground', 1200, 600]],
  ])('%s', (_name, ops, pick, expected) => {
    const floor = applied(ops)
    expect(pick(floor)).toEqual(expected)
    expect(floor.version).toBe(8)
  })

  it('bumps the version by exactly one for a batch of many ops', () => {
    const floor = applied([
      { op: 'desk.add', desk: desk('desk_3') },
      { op: 'desk.add', desk: desk('desk_4') },
      { op: 'room.update', id: 'room_a', changes: { capacity: 8 } },
      { op: 'desk.remove', id: 'desk_3' },
    ])
    expect(floor.version).toBe(8)
    expect(floor.desks.map((d) => d.id)).toEqual(['desk_1', 'desk_2', 'desk_4'])
  })

  it('lets a batch pass through an invalid state: two people swap desks', () => {
    const start = applied([{ op: 'desk.update', id: 'desk_2', changes: { assigneeId: 'mem_bo' } }])
    const swapped = applied(
      [
        { op: 'desk.update', id: 'desk_1', changes: { assigneeId: 'mem_bo' } },
        { op: 'desk.update', id: 'desk_2', changes: { assigneeId: 'mem_ana' } },
      ],
      start,
    )
    expect(swapped.desks.map((d) => d.assigneeId)).toEqual(['mem_bo', 'mem_ana'])
  })

  it('lets a removed id be added again within one batch', () => {
    const floor = applied([{ op: 'desk.remove', id: 'desk_2' }, { op: 'desk.add', desk: desk('desk_2', { label: 'New' }) }])
    expect(floor.desks.find((d) => d.id === 'desk_2')?.label).toBe('New')
  })

  it('does not fail an unrelated edit because of what the batch did not touch (a member who left)', () => {
    const stale = { ...baseFloor(), desks: [desk('desk_1', { assigneeId: 'mem_gone' }), desk('desk_2')] }
    expect(applied([{ op: 'desk.update', id: 'desk_1', changes: { label: 'Renamed' } }], stale).desks[0]?.label).toBe('Renamed')
    expect(apply([{ op: 'desk.update', id: 'desk_2', changes: { assigneeId: 'mem_gone' } }], stale)).toMatchObject({ ok: false, error: { field: 'ops[0].changes.assigneeId' } })
  })
})

const label65 = 'x'.repeat(65)
const okDesk = { op: 'desk.update', id: 'desk_2', changes: { label: 'Fine' } }

describe('applyBatch rejects invalid ops, naming the op and field, and leaves the floor untouched', () => {
  test.each<[string, string, unknown[]]>([
    // The op itself
    ['an unknown op name', 'ops[0].op', [{ op: 'room.paint', id: 'room_a' }]],
    // Names every object inherits are not ops either.
    ['the op name "toString"', 'ops[0].op', [{ op: 'toString', id: 'room_a' }]],
    ['the op name "__proto__"', 'ops[0].op', [{ op: '__proto__', id: 'room_a' }]],
    ['the op name "constructor"', 'ops[0].op', [{ op: 'constructor', changes: { name: 'X' } }]],
    ['the op name "hasOwnProperty"', 'ops[1].op', [okDesk, { op: 'hasOwnProperty', id: 'desk_1' }]],
    ['an op without a name', 'ops[0].op', [{ id: 'room_a' }]],
    ['an op that is not an object', 'ops[1].op', [okDesk, null]],
    ['an unknown field on the op', 'ops[0].force', [{ op: 'desk.remove', id: 'desk_2', force: true }]],
    ['an unknown field on a new room', 'ops[0].room.colour', [{ op: 'room.add', room: { ...room('room_b'), colour: 'red' } }]],
    ['an unknown field in changes', 'ops[0].changes.colour', [{ op: 'desk.update', id: 'desk_2', changes: { colour: 'red' } }]],
    ['an id in changes', 'ops[0].changes.id', [{ op: 'room.update', id: 'room_a', changes: { id: 'room_z' } }]],
    ['a missing field on a new room', 'ops[0].room.allowed', [{ op: 'room.add', room: { ...room('room_b'), allowed: undefined } }]],
    ['a missing room', 'ops[0].room', [{ op: 'room.add' }]],
    ['empty room changes', 'ops[0].changes', [{ op: 'room.update', id: 'room_a', changes: {} }]],
    ['empty desk changes', 'ops[0].changes', [{ op: 'desk.update', id: 'desk_1', changes: {} }]],
    ['empty floor changes', 'ops[0].changes', [{ op: 'floor.update', changes: {} }]],
    // Ids
    ['an update of a missing room', 'ops[0].id', [{ op: 'room.update', id: 'room_nope', changes: { name: 'X' } }]],
    ['a removal of a missing room', 'ops[0].id', [{ op: 'room.remove', id: 'room_nope' }]],
    ['an update of a missing desk', 'ops[1].id', [okDesk, { op: 'desk.update', id: 'desk_nope', changes: { label: 'X' } }]],
    ['a removal of a missing desk', 'ops[0].id', [{ op: 'desk.remove', id: 'desk_nope' }]],
    ['a desk removed twice', 'ops[1].id', [{ op: 'desk.remove', id: 'desk_2' }, { op: 'desk.remove', id: 'desk_2' }]],
    ['a duplicate room id on add', 'ops[0].room.id', [{ op: 'room.add', room: room('room_a') }]],
    ['a duplicate desk id on add', 'ops[0].desk.id', [{ op: 'desk.add', desk: desk('desk_1') }]],
    ['a desk added twice in one batch', 'ops[1].desk.id', [{ op: 'desk.add', desk: desk('desk_9') }, { op: 'desk.add', desk: desk('desk_9') }]],
    ['a desk id that is not a desk id', 'ops[0].desk.id', [{ op: 'desk.add', desk: desk('room_9') }]],
    // Sizes, positions, labels
    ['a room of zero width', 'ops[0].room.width', [{ op: 'room.add', room: room('room_b', { width: 0 }) }]],
    ['a room of negative height', 'ops[0].changes.height', [{ op: 'room.update', id: 'room_a', changes: { height: -5 } }]],
    ['a negative coordinate', 'ops[0].desk.x', [{ op: 'desk.add', desk: desk('desk_3', { x: -1 }) }]],
    ['a 65-character desk label', 'ops[1].desk.label', [okDesk, { op: 'desk.add', desk: desk('desk_3', { label: label65 }) }]],
    ['an empty desk label', 'ops[0].changes.label', [{ op: 'desk.update', id: 'desk_1', changes: { label: '' } }]],
    ['a 65-character room name', 'ops[0].changes.name', [{ op: 'room.update', id: 'room_a', changes: { name: label65 } }]],
    ['a 65-character floor name', 'ops[0].changes.name', [{ op: 'floor.update', changes: { name: label65 } }]],
    ['a floor wider than the limit', 'ops[0].changes.width', [{ op: 'floor.update', changes: { width: floorLimits.maxSide + 1 } }]],
    ['a floor of zero height', 'ops[0].changes.height', [{ op: 'floor.update', changes: { height: 0 } }]],
    ['rotation 360', 'ops[0].changes.rotation', [{ op: 'desk.update', id: 'desk_1', changes: { rotation: 360 } }]],
    ['a negative rotation', 'ops[0].desk.rotation', [{ op: 'desk.add', desk: desk('desk_3', { rotation: -90 }) }]],
    // Room rules
    ['capacity 0', 'ops[0].changes.capacity', [{ op: 'room.update', id: 'room_a', changes: { capacity: 0 } }]],
    ['capacity above the limit', 'ops[0].room.capacity', [{ op: 'room.add', room: room('room_b', { capacity: floorLimits.maxCapacity + 1 }) }]],
    ['a fractional capacity', 'ops[0].changes.capacity', [{ op: 'room.update', id: 'room_a', changes: { capacity: 2.5 } }]],
    ['an unknown room kind', 'ops[0].changes.kind', [{ op: 'room.update', id: 'room_a', changes: { kind: 'closet' } }]],
    ['locked that is not a boolean', 'ops[0].changes.locked', [{ op: 'room.update', id: 'room_a', changes: { locked: 'yes' } }]],
    ['a new room extending past the right edge', 'ops[0].room.width', [{ op: 'room.add', room: room('room_b', { x: 900, width: 200 }) }]],
    ['a room moved past the bottom edge', 'ops[1].changes.y', [okDesk, { op: 'room.update', id: 'room_a', changes: { y: 550 } }]],
    ['a floor shrunk under its room', 'ops[0].changes.width', [{ op: 'floor.update', changes: { width: 250 } }]],
    ['an owner who is not a member', 'ops[0].changes.ownerId', [{ op: 'room.update', id: 'room_a', changes: { ownerId: 'mem_stranger' } }]],
    ['a new room owned by a stranger', 'ops[0].room.ownerId', [{ op: 'room.add', room: room('room_b', { ownerId: 'mem_stranger' }) }]],
    ['an allowed list naming a stranger', 'ops[0].changes.allowed[1]', [{ op: 'room.update', id: 'room_a', changes: { allowed: ['mem_bo', 'mem_stranger'] } }]],
    ['an allowed entry that is not a member id', 'ops[0].changes.allowed[0]', [{ op: 'room.update', id: 'room_a', changes: { allowed: ['bo'] } }]],
    // Desk rules
    ['a new desk outside the floor', 'ops[0].desk.x', [{ op: 'desk.add', desk: desk('desk_3', { x: 1001 }) }]],
    ['a desk moved below the floor', 'ops[0].changes.y', [{ op: 'desk.update', id: 'desk_2', changes: { y: 601 } }]],
    ['a floor shrunk under its desks', 'ops[0].changes.height', [{ op: 'floor.update', changes: { height: 300 } }]],
    ['an assignee who is not a member', 'ops[0].desk.assigneeId', [{ op: 'desk.add', desk: desk('desk_3', { assigneeId: 'mem_stranger' }) }]],
    ['an assignee changed to a stranger', 'ops[0].changes.assigneeId', [{ op: 'desk.update', id: 'desk_2', changes: { assigneeId: 'mem_stranger' } }]],
    ['a second desk for one member', 'ops[1].changes.assigneeId', [okDesk, { op: 'desk.update', id: 'desk_2', changes: { assigneeId: 'mem_ana' } }]],
    ['a new desk for a seated member', 'ops[0].desk.assigneeId', [{ op: 'desk.add', desk: desk('desk_3', { assigneeId: 'mem_ana' }) }]],
  ])('%s → %s', (_name, field, ops) => {
    const result = apply(ops)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.field).toBe(field)
    expect(result.error.index).toBe(Number(/^ops\[(\d+)\]/.exec(field)?.[1]))
    expect(result.error.message.length).toBeGreaterThan(5)
  })

  it('rejects an empty batch', () => {
    expect(apply([])).toMatchObject({ ok: false, error: { field: 'ops' } })
  })

  it('is atomic: a bad op at index 3 applies none of ops 0..2', () => {
    const ops = [
      { op: 'desk.add', desk: desk('desk_3') },
      { op: 'room.update', id: 'room_a', changes: { name: 'Renamed' } },
      { op: 'floor.update', changes: { name: 'Renamed' } },
      { op: 'desk.update', id: 'desk_3', changes: { rotation: 400 } },
    ]
    const floor = baseFloor()
    const result = apply(ops, floor)
    expect(result).toMatchObject({ ok: false, error: { index: 3, field: 'ops[3].changes.rotation' } })
    expect(floor).toEqual(baseFloor())
  })

  it('names the first offending op when several break the rules', () => {
    const result = apply([okDesk, { op: 'desk.add', desk: desk('desk_3', { x: 2000 }) }, { op: 'desk.add', desk: desk('desk_4', { assigneeId: 'mem_stranger' }) }])
    expect(result).toMatchObject({ ok: false, error: { field: 'ops[1].desk.x' } })
  })
})

describe('applyBatch keeps floors within their limits', () => {
  const full = (rooms: number, desks: number): Floor => ({
    ...baseFloor(),
    width: floorLimits.maxSide,
    height: floorLimits.maxSide,
    rooms: Array.from({ length: rooms }, (_, i) => room(`room_${i}`, { x: (i % 100) * 20, y: Math.floor(i / 100) * 20, width: 10, height: 10 })),
    desks: Array.from({ length: desks }, (_, i) => desk(`desk_${i}`, { x: i % 1000, y: Math.floor(i / 1000) })),
  })

  it(`refuses room ${floorLimits.maxRooms + 1}, naming the op that adds it`, () => {
    const result = apply([okDesk, { op: 'room.add', room: room('room_extra') }], full(floorLimits.maxRooms, 3))
    expect(result).toMatchObject({ ok: false, error: { index: 1, field: 'ops[1].room' } })
  })

  it(`refuses desk ${floorLimits.maxDesks + 1}`, () => {
    const result = apply([{ op: 'desk.add', desk: desk('desk_extra') }], full(1, floorLimits.maxDesks))
    expect(result).toMatchObject({ ok: false, error: { index: 0, field: 'ops[0].desk' } })
  })

  it('accepts a batch that stays at the limit by removing one and adding one', () => {
    const floor = applied([{ op: 'desk.remove', id: 'desk_0' }, { op: 'desk.add', desk: desk('desk_extra') }], full(1, floorLimits.maxDesks))
    expect(floor.desks).toHaveLength(floorLimits.maxDesks)
  })
})
