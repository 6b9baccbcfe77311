import { describe, expect, it } from 'vitest'
import { applyBatch } from '../../../../protocol/floor/apply.ts'
import { diffFloors, emptyDiff, opsOfDiff, reverseDiff, squashDiffs } from '../../../../protocol/floor/diff.ts'
import type { Floor } from '../../../../protocol/floor/records.ts'
import { applied, baseFloor, ctx, desk, expectSameFloor, random, randomBatch } from './fixtures.ts'

describe('applyBatch returns what it changed and how to undo it', () => {
  it('records each touched record before and after, and nothing else', () => {
    const { diff, inverse } = applied(baseFloor(), [
      { op: 'desk.update', id: 'desk_2', changes: { x: 650, label: 'Window' } },
      { op: 'room.remove', id: 'room_l' },
      { op: 'desk.add', desk: desk('desk_9') },
      { op: 'floor.update', changes: { name: 'Ground' } },
    ])
    expect(diff.desks).toEqual({
      desk_2: { before: desk('desk_2', { label: '2', x: 600 }), after: desk('desk_2', { label: 'Window', x: 650 }) },
      desk_9: { before: null, after: desk('desk_9') },
    })
    expect(Object.keys(diff.rooms)).toEqual(['room_l'])
    expect(diff.rooms.room_l?.after).toBeNull()
    expect(diff.meta).toEqual({ before: { name: 'Main', width: 1000, height: 600 }, after: { name: 'Ground', width: 1000, height: 600 } })
    expect(inverse).toEqual(
      expect.arrayContaining([
        { op: 'desk.update', id: 'desk_2', changes: { x: 600, label: '2' } },
        { op: 'desk.remove', id: 'desk_9' },
        { op: 'room.add', room: baseFloor().rooms[1] },
        { op: 'floor.update', changes: { name: 'Main' } },
      ]),
    )
    expect(inverse).toHaveLength(4)
  })

  it('leaves out what a batch set to the value it already had, and gives no inverse for a batch that changed nothing', () => {
    const result = applied(baseFloor(), [{ op: 'desk.update', id: 'desk_2', changes: { x: 600 } }, { op: 'room.update', id: 'room_a', changes: { x: 5 } }, { op: 'room.update', id: 'room_a', changes: { x: 100 } }])
    expect(result.diff).toEqual({ rooms: {}, desks: {}, meta: null })
    expect(result.inverse).toEqual([])
    expect(result.floor.version).toBe(8)
  })

  it('on a 5,000-desk floor, diffs only the one desk a batch touched', () => {
    const big: Floor = { ...baseFloor(), width: 5000, height: 5000, desks: Array.from({ length: 5000 }, (_, i) => desk(`desk_${i}`, { x: i % 5000, y: Math.floor(i / 5) })) }
    const { diff, inverse } = applied(big, [{ op: 'desk.update', id: 'desk_4321', changes: { rotation: 90 } }])
    expect(Object.keys(diff.desks)).toEqual(['desk_4321'])
    expect(inverse).toEqual([{ op: 'desk.update', id: 'desk_4321', changes: { rotation: 0 } }])
  })

  it('over 400 random batches: the inverse gives back exactly the original floor (version + 2), and the diff is what changed', () => {
    const rnd = random(7)
    let floor = baseFloor()
    let appliedCount = 0
    let sinceStart = emptyDiff()
    const start = floor
    for (let i = 0; i < 400; i++) {
      const ops = randomBatch(rnd, floor)
      const result = applyBatch(floor, ops, ctx)
      if (!result.ok) continue
      appliedCount++
      // The diff applyBatch built from the ops equals comparing the whole floors.
      expect(result.diff, `batch ${i}: ${JSON.stringify(ops)}`).toEqual(diffFloors(floor, result.floor))
      if (result.inverse.length > 0) {
        const back = applied(result.floor, result.inverse)
        expectSameFloor(back.floor, { ...floor, version: floor.version + 2 })
        // Redo: the inverse's own inverse is the change again.
        expectSameFloor(applied(back.floor, back.inverse).floor, { ...result.floor, version: floor.version + 3 })
      } else {
        expectSameFloor(result.floor, { ...floor, version: floor.version + 1 })
      }
      sinceStart = squashDiffs(sinceStart, result.diff)
      floor = result.floor
    }
    expect(appliedCount).toBeGreaterThan(100)
    // Squashing every batch's diff gives the change from the first floor to the last, and undoing it returns there.
    expect(sinceStart).toEqual(diffFloors(start, floor))
    expectSameFloor(applied(floor, opsOfDiff(reverseDiff(sinceStart))).floor, { ...start, version: floor.version + 1 })
  })
})

describe('hot desks', () => {
  it('keeps old floors, whose desks have no hot field, valid', () => {
    const old = { ...baseFloor(), desks: [desk('desk_1', { assigneeId: 'mem_ana' })] }
    expect(applied(old, [{ op: 'desk.update', id: 'desk_1', changes: { label: 'A' } }]).floor.desks[0]).toEqual(desk('desk_1', { assigneeId: 'mem_ana', label: 'A' }))
  })

  it('stores "not hot" as absent, so turning hot off and undoing it round-trips exactly', () => {
    const on = applied(baseFloor(), [{ op: 'desk.update', id: 'desk_2', changes: { hot: true } }])
    expect(on.floor.desks[1]).toEqual(desk('desk_2', { label: '2', x: 600, hot: true }))
    expect(on.inverse).toEqual([{ op: 'desk.update', id: 'desk_2', changes: { hot: false } }])
    const off = applied(on.floor, on.inverse).floor
    expect(off.desks[1]).toStrictEqual(desk('desk_2', { label: '2', x: 600 }))
    expect(applied(baseFloor(), [{ op: 'desk.add', desk: desk('desk_8', { hot: false }) }]).floor.desks.at(-1)).toStrictEqual(desk('desk_8'))
  })

  it.each([
    ['a hot desk given an assignee', [{ op: 'desk.update', id: 'desk_3', changes: { assigneeId: 'mem_bo' } }], 'ops[0].changes.assigneeId'],
    ['an assigned desk made hot', [{ op: 'desk.update', id: 'desk_1', changes: { label: 'A' } }, { op: 'desk.update', id: 'desk_1', changes: { hot: true } }], 'ops[1].changes.hot'],
    ['a new hot desk with an assignee', [{ op: 'desk.add', desk: desk('desk_9', { hot: true, assigneeId: 'mem_bo' }) }], 'ops[0].desk.assigneeId'],
    ['hot that is not a boolean', [{ op: 'desk.update', id: 'desk_2', changes: { hot: 'yes' } }], 'ops[0].changes.hot'],
  ])('refuses %s → %s', (_name, ops, field) => {
    expect(applyBatch(baseFloor(), ops, ctx)).toMatchObject({ ok: false, error: { field } })
  })

  it('lets a desk become hot in the batch that frees it', () => {
    const floor = applied(baseFloor(), [{ op: 'desk.update', id: 'desk_1', changes: { hot: true, assigneeId: null } }]).floor
    expect(floor.desks[0]).toMatchObject({ hot: true, assigneeId: null })
  })
})
