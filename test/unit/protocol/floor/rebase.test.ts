import { describe, expect, it, test } from 'vitest'
import { rebaseOps } from '../../../../protocol/floor/rebase.ts'
import type { Floor } from '../../../../protocol/floor/records.ts'
import { applied, baseFloor, ctx, desk, expectSameFloor } from './fixtures.ts'

/** Others' batches applied one after another on the base floor. */
function others(batches: unknown[][]) {
  let current: Floor = baseFloor()
  for (const ops of batches) current = applied(current, ops).floor
  return { theirs: batches.map((ops) => ({ ops })), current }
}

const rebase = (theirBatches: unknown[][], mine: unknown[]) => {
  const { theirs, current } = others(theirBatches)
  return { current, result: rebaseOps(baseFloor(), theirs, current, mine, ctx) }
}

describe('rebaseOps replays a stale batch on the newer floor', () => {
  it('applies mine on top of theirs when they touch different things', () => {
    const { current, result } = rebase([[{ op: 'desk.update', id: 'desk_2', changes: { label: 'Window' } }]], [{ op: 'desk.update', id: 'desk_2', changes: { x: 650 } }, { op: 'desk.add', desk: desk('desk_9') }])
    if (!result.ok) throw new Error(JSON.stringify(result))
    expect(result.floor.version).toBe(current.version + 1)
    expect(result.floor.desks.find((d) => d.id === 'desk_2')).toMatchObject({ label: 'Window', x: 650 })
    expect(result.ops).toEqual([{ op: 'desk.update', id: 'desk_2', changes: { x: 650 } }, { op: 'desk.add', desk: desk('desk_9') }])
    expectSameFloor(applied(result.floor, result.inverse).floor, { ...current, version: current.version + 2 })
  })

  it('sends only what mine really changed, so a field I set to its old value does not overwrite theirs', () => {
    const { result } = rebase([[{ op: 'desk.update', id: 'desk_2', changes: { label: 'Window' } }]], [{ op: 'desk.update', id: 'desk_2', changes: { label: '2', x: 650 } }])
    expect(result).toMatchObject({ ok: true, ops: [{ op: 'desk.update', id: 'desk_2', changes: { x: 650 } }] })
    if (result.ok) expect(result.floor.desks[1]?.label).toBe('Window')
  })

  it('has nothing left to send when theirs already did what mine does', () => {
    const { current, result } = rebase([[{ op: 'desk.remove', id: 'desk_2' }]], [{ op: 'desk.remove', id: 'desk_2' }])
    expect(result).toEqual({ ok: true, floor: current, diff: { rooms: {}, desks: {}, meta: null }, inverse: [], ops: [] })
  })

  it('is fine after a gap, with no batches at hand, reading base against current', () => {
    const { current } = others([[{ op: 'room.update', id: 'room_a', changes: { x: 0 } }]])
    expect(rebaseOps(baseFloor(), [], current, [{ op: 'room.update', id: 'room_a', changes: { y: 0 } }], ctx)).toMatchObject({ ok: true, floor: { rooms: [{ x: 0, y: 0 }, {}] } })
  })

  test.each<[string, unknown[][], unknown[], object]>([
    ['a desk moved by both', [[{ op: 'desk.update', id: 'desk_2', changes: { x: 10 } }]], [{ op: 'desk.update', id: 'desk_2', changes: { x: 650 } }], { objectId: 'desk_2', kind: 'desk', name: '2', message: 'Desk “2” was moved by someone else' }],
    ['a room they removed', [[{ op: 'room.remove', id: 'room_l' }]], [{ op: 'room.update', id: 'room_l', changes: { capacity: 12 } }], { objectId: 'room_l', kind: 'room', message: 'Room “Lounge” was removed by someone else' }],
    ['the floor they resized', [[{ op: 'floor.update', changes: { width: 1100 } }]], [{ op: 'floor.update', changes: { width: 1200 } }], { objectId: 'floor_main', kind: 'floor', message: 'Floor “Main” was resized by someone else' }],
    // Applies on base, not on current for another reason: Bo now has desk 1, and mine gives him desk 2.
    ['a member now assigned twice', [[{ op: 'desk.update', id: 'desk_1', changes: { assigneeId: 'mem_bo' } }]], [{ op: 'desk.update', id: 'desk_2', changes: { assigneeId: 'mem_bo' } }], { objectId: 'desk_2', kind: 'desk', name: '2' }],
    ['a desk outside the floor they shrank', [[{ op: 'floor.update', changes: { width: 800 } }, { op: 'desk.update', id: 'desk_3', changes: { x: 790 } }]], [{ op: 'desk.update', id: 'desk_2', changes: { x: 900 } }], { objectId: 'desk_2', kind: 'desk' }],
  ])('refuses %s with a conflict naming it', (_name, theirs, mine, conflict) => {
    const { result } = rebase(theirs, mine)
    expect(result).toMatchObject({ ok: false, conflict })
    if (!result.ok && 'conflict' in result) expect(result.conflict.message).toMatch(/“.+”/)
  })

  it('passes on the error of a batch that does not apply even on its own base', () => {
    const { result } = rebase([], [{ op: 'desk.update', id: 'desk_nope', changes: { x: 1 } }])
    expect(result).toMatchObject({ ok: false, error: { field: 'ops[0].id' } })
  })
})
