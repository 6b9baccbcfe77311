import { describe, expect, it } from 'vitest'
import { applyBatch } from '../../../../protocol/floor/apply.ts'
import { opsOfDiff, reverseDiff } from '../../../../protocol/floor/diff.ts'
import type { FloorOp } from '../../../../protocol/floor/ops.ts'
import type { Floor } from '../../../../protocol/floor/records.ts'
import { createHistory } from '../../../../renderer/editor/history.ts'

const start: Floor = {
  id: 'floor_h', name: 'H', version: 0, width: 500, height: 500, rooms: [],
  desks: [{ id: 'desk_1', label: '1', x: 100, y: 100, rotation: 0, assigneeId: null }],
}
const ctx = { isMember: () => true }

describe('editor history', () => {
  it("folds a held key's repeats into one undo step that restores the floor before the first press", () => {
    const history = createHistory()
    let floor = start
    const step = (ops: FloorOp[], continues: boolean) => {
      const result = applyBatch(floor, ops, ctx)
      if (!result.ok) throw new Error(result.error.message)
      floor = result.floor
      history.record({ floorId: floor.id, diff: result.diff, draft: false }, continues)
    }
    step([{ op: 'desk.update', id: 'desk_1', changes: { x: 110 } }], false)
    step([{ op: 'desk.update', id: 'desk_1', changes: { x: 120 } }], true)
    step([{ op: 'desk.update', id: 'desk_1', changes: { x: 130 } }], true)
    // A new press is a new gesture.
    step([{ op: 'desk.update', id: 'desk_1', changes: { y: 90 } }], false)

    const undo = () => {
      const entry = history.peekUndo()!
      const result = applyBatch(floor, opsOfDiff(reverseDiff(entry.diff)), ctx)
      if (!result.ok) throw new Error(result.error.message)
      floor = result.floor
      history.undone()
    }
    undo()
    expect(floor.desks[0]).toMatchObject({ x: 130, y: 100 })
    undo()
    expect(floor.desks[0]).toMatchObject({ x: 100, y: 100 })
    expect(history.canUndo).toBe(false)
    expect(history.canRedo).toBe(true)
  })

  it('forgets the steps of a discarded draft and keeps those of a published one', () => {
    const history = createHistory()
    const diff = { rooms: {}, desks: {}, meta: null }
    history.record({ floorId: 'f', diff, draft: false })
    history.record({ floorId: 'f', diff, draft: true })
    history.keepDraft()
    history.record({ floorId: 'f', diff, draft: true })
    history.dropDraft()
    let steps = 0
    while (history.canUndo) {
      history.undone()
      steps++
    }
    expect(steps).toBe(2)
  })
})
