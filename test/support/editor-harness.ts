/**
 * A harness for the editor's tools (STYLE G16, like tldraw's TestEditor): pointer input in floor
 * units drives the real select tool over a floor; each commit is applied with the real applyBatch
 * and recorded in the real history, so undo and redo can be checked against exact floors.
 */
import { applyBatch } from '../../protocol/floor/apply.ts'
import { checkUndo, opsOfDiff, reverseDiff } from '../../protocol/floor/diff.ts'
import type { FloorOp } from '../../protocol/floor/ops.ts'
import type { Floor } from '../../protocol/floor/records.ts'
import { createHistory } from '../../renderer/editor/history.ts'
import type { Rect } from '../../renderer/editor/tools/hit.ts'
import { createSelectTool } from '../../renderer/editor/tools/select-tool.ts'

export function editorHarness(start: Floor, opts: { grid?: number } = {}) {
  let floor = start
  let selection: string[] = []
  let marquee: Rect | null = null
  let drag: { dx: number; dy: number } | null = null
  const commits: FloorOp[][] = []
  const history = createHistory()
  const ctx = { isMember: () => true }

  const commit = (ops: readonly FloorOp[]) => {
    const result = applyBatch(floor, ops, ctx)
    if (!result.ok) throw new Error(`${result.error.field}: ${result.error.message}`)
    floor = result.floor
    commits.push([...ops])
    return result.diff
  }
  const tool = createSelectTool({
    floor: () => floor,
    selection: () => selection,
    select(ids, mode) {
      if (mode === 'replace') selection = [...ids]
      else if (mode === 'add') selection = [...new Set([...selection, ...ids])]
      else selection = selection.filter((id) => !ids.includes(id)).concat(ids.filter((id) => !selection.includes(id)))
    },
    grid: () => opts.grid,
    drag: (offset) => (drag = offset),
    previewOps: () => undefined,
    marquee: (rect) => (marquee = rect),
    commit: (ops) => history.record({ floorId: floor.id, diff: commit(ops), draft: false }),
  })

  return {
    get floor() {
      return floor
    },
    get selection() {
      return selection
    },
    get marquee() {
      return marquee
    },
    get dragging() {
      return drag
    },
    commits,
    tool,
    /** Presses, moves in `steps` and releases: one pointer gesture. */
    drag(from: { x: number; y: number }, to: { x: number; y: number }, opt: { shift?: boolean; handle?: { id: string; handle: 'se' | 'nw' | 'e' | 's' }; steps?: number } = {}) {
      const shift = opt.shift ?? false
      tool.pointerDown({ ...from, shift }, opt.handle)
      const steps = opt.steps ?? 5
      for (let i = 1; i <= steps; i++) tool.pointerMove({ x: from.x + ((to.x - from.x) * i) / steps, y: from.y + ((to.y - from.y) * i) / steps, shift })
      tool.pointerUp({ ...to, shift })
    },
    click(at: { x: number; y: number }, shift = false) {
      tool.pointerDown({ ...at, shift })
      tool.pointerUp({ ...at, shift })
    },
    /** Undoes the last gesture; returns the refusal message when someone else changed its objects. */
    undo(): string | null {
      const entry = history.peekUndo()
      if (!entry) return null
      const conflict = checkUndo(floor, entry.diff)
      if (conflict) return conflict.message
      commit(opsOfDiff(reverseDiff(entry.diff)))
      history.undone()
      return null
    },
    redo(): string | null {
      const entry = history.peekRedo()
      if (!entry) return null
      const conflict = checkUndo(floor, reverseDiff(entry.diff))
      if (conflict) return conflict.message
      commit(opsOfDiff(entry.diff))
      history.redone()
      return null
    },
    /** Another host's batch: applied, never recorded. */
    remote(ops: readonly FloorOp[]) {
      const result = applyBatch(floor, ops, ctx)
      if (!result.ok) throw new Error(result.error.message)
      floor = result.floor
    },
    history,
  }
}
