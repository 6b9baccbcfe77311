/** Floors, records and random batches shared by the floor-model tests. */
import { expect } from 'vitest'
import { applyBatch } from '../../../../protocol/floor/apply.ts'
import type { FloorOp } from '../../../../protocol/floor/ops.ts'
import type { Desk, Floor, Room } from '../../../../protocol/floor/records.ts'

export const members = ['mem_ana', 'mem_bo', 'mem_cy', 'mem_dee']
export const ctx = { isMember: (id: string) => members.includes(id) }

export const room = (id: string, extra: Partial<Room> = {}): Room => ({
  id, name: 'Room', kind: 'meeting', x: 100, y: 100, width: 200, height: 100, capacity: 6, locked: false, ownerId: null, allowed: [], ...extra,
})
export const desk = (id: string, extra: Partial<Desk> = {}): Desk => ({ id, label: 'Desk', x: 500, y: 400, rotation: 0, assigneeId: null, ...extra })

/** 1000×600: a meeting room and a lounge, Ana's desk "1", a free desk "2" and a hot desk "3". */
export const baseFloor = (): Floor => ({
  id: 'floor_main',
  name: 'Main',
  version: 7,
  width: 1000,
  height: 600,
  rooms: [room('room_a', { name: 'Aquarium', ownerId: 'mem_ana', allowed: ['mem_bo'] }), room('room_l', { name: 'Lounge', kind: 'lounge', x: 400, y: 50 })],
  desks: [desk('desk_1', { label: '1', assigneeId: 'mem_ana' }), desk('desk_2', { label: '2', x: 600 }), desk('desk_3', { label: '3', x: 700, hot: true })],
})

/** Applies a batch that must apply. */
export function applied(floor: Floor, ops: readonly unknown[], context = ctx) {
  const result = applyBatch(floor, ops, context)
  if (!result.ok) throw new Error(`expected the batch to apply, got ${JSON.stringify(result.error)}`)
  return result
}

/** A floor's content with its records in id order: what a floor means, whatever order ops left them in. */
export const content = (floor: Floor) => ({
  ...floor,
  rooms: [...floor.rooms].sort((a, b) => a.id.localeCompare(b.id)),
  desks: [...floor.desks].sort((a, b) => a.id.localeCompare(b.id)),
})

export function expectSameFloor(actual: Floor, expected: Floor) {
  expect(content(actual)).toStrictEqual(content(expected))
}

/** Seeded PRNG (mulberry32), so a failing random case can be replayed from its seed. */
export function random(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (n: number) => Math.floor(next() * n)
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!
  return { next, int, pick }
}

let fresh = 0

/** A random batch of 1–6 ops on `floor`; many break a rule on purpose (the tests keep the ones that apply). */
export function randomBatch(rnd: ReturnType<typeof random>, floor: Floor): FloorOp[] {
  const ops: FloorOp[] = []
  const rooms = floor.rooms.map((r) => r.id)
  const desks = floor.desks.map((d) => d.id)
  const person = () => (rnd.int(3) === 0 ? null : rnd.pick(members))
  for (let i = 1 + rnd.int(6); i > 0; i--) {
    const kind = rnd.int(9)
    if (kind === 0) {
      const id = `room_r${fresh++}`
      rooms.push(id)
      ops.push({ op: 'room.add', room: room(id, { x: rnd.int(700), y: rnd.int(400), ownerId: person(), allowed: rnd.int(2) ? [rnd.pick(members)] : [] }) })
    } else if (kind === 1 || kind === 8) {
      const id = `desk_d${fresh++}`
      desks.push(id)
      ops.push({ op: 'desk.add', desk: desk(id, { x: rnd.int(1000), y: rnd.int(600), assigneeId: rnd.int(2) ? null : person(), ...(rnd.int(4) ? {} : { hot: true }) }) })
    } else if (kind === 2 && rooms.length) {
      const changes = rnd.pick<Partial<Room>>([{ x: rnd.int(700), y: rnd.int(400) }, { name: `R${rnd.int(9)}`, locked: true }, { allowed: [rnd.pick(members)], ownerId: person() }, { width: 50 + rnd.int(200) }, { capacity: 1 + rnd.int(30), kind: 'lounge' }])
      ops.push({ op: 'room.update', id: rnd.pick(rooms), changes })
    } else if (kind === 3 && rooms.length) {
      const id = rnd.pick(rooms)
      rooms.splice(rooms.indexOf(id), 1)
      ops.push({ op: 'room.remove', id })
    } else if ((kind === 4 || kind === 5) && desks.length) {
      const changes = rnd.pick<Partial<Desk>>([{ x: rnd.int(1000), y: rnd.int(600) }, { rotation: rnd.int(24) * 15 }, { assigneeId: person() }, { hot: rnd.int(2) === 0 }, { hot: false, assigneeId: person() }, { label: `L${rnd.int(99)}` }])
      ops.push({ op: 'desk.update', id: rnd.pick(desks), changes })
    } else if (kind === 6 && desks.length) {
      const id = rnd.pick(desks)
      desks.splice(desks.indexOf(id), 1)
      ops.push({ op: 'desk.remove', id })
    } else if (kind === 7) {
      ops.push({ op: 'floor.update', changes: rnd.pick([{ name: `F${rnd.int(9)}` }, { width: 900 + rnd.int(300) }, { height: 550 + rnd.int(100) }]) })
    }
  }
  return ops.length ? ops : [{ op: 'floor.update', changes: { name: 'Touched' } }]
}
