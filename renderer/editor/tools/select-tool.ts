/**
 * The select tool as a small state machine (STYLE G16): idle → pointing (pressed on an item) →
 * translating (dragged past a few units); pressed on a handle → resizing; pressed on empty floor →
 * marquee. A whole drag is one gesture: it previews while moving and commits once on release.
 * Coordinates are floor units; the view converts pointer events before calling in.
 */
import type { FloorOp } from '../../../protocol/floor/ops.ts'
import type { Floor } from '../../../protocol/floor/records.ts'
import { moveItems, resizeRoom } from '../arrange.ts'
import { hitItem, itemsInRect, type Handle, type Rect } from './hit.ts'

export interface Point {
  x: number
  y: number
  shift: boolean
}

export interface ToolContext {
  floor(): Floor | null
  selection(): readonly string[]
  select(ids: readonly string[], mode: 'replace' | 'add' | 'toggle'): void
  grid(): number | undefined
  /** Shows a drag in progress (an offset of the selection), or ends the preview with null. */
  drag(offset: { dx: number; dy: number } | null): void
  /** Shows a resize in progress as ops, or ends it with null. */
  previewOps(ops: readonly FloorOp[] | null): void
  marquee(rect: Rect | null): void
  commit(ops: readonly FloorOp[]): void
}

type State =
  | { name: 'idle' }
  | { name: 'pointing'; start: Point; id: string; wasSelected: boolean }
  | { name: 'translating'; start: Point }
  | { name: 'resizing'; start: Point; id: string; handle: Handle }
  | { name: 'marquee'; start: Point; base: readonly string[] }

/** Floor units a press must travel before it becomes a drag rather than a click. */
const DRAG_UNITS = 4

export function createSelectTool(ctx: ToolContext) {
  let state: State = { name: 'idle' }
  const rectOf = (a: Point, b: Point): Rect => ({ x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y) })
  const moveOps = (dx: number, dy: number) => {
    const floor = ctx.floor()
    return floor ? moveItems(floor, [...ctx.selection()], dx, dy, ctx.grid()) : []
  }
  const resizeOps = (id: string, handle: Handle, dx: number, dy: number) => {
    const floor = ctx.floor()
    return floor ? resizeRoom(floor, id, handle, dx, dy, ctx.grid()) : []
  }

  return {
    get state() {
      return state.name
    },
    pointerDown(p: Point, handle?: { id: string; handle: Handle }) {
      if (handle) {
        state = { name: 'resizing', start: p, ...handle }
        return
      }
      const floor = ctx.floor()
      const hit = floor ? hitItem(floor, p.x, p.y) : null
      if (!hit) {
        const base = p.shift ? ctx.selection() : []
        if (!p.shift) ctx.select([], 'replace')
        state = { name: 'marquee', start: p, base }
        return
      }
      const wasSelected = ctx.selection().includes(hit)
      if (!wasSelected) ctx.select([hit], p.shift ? 'add' : 'replace')
      state = { name: 'pointing', start: p, id: hit, wasSelected }
    },
    pointerMove(p: Point) {
      switch (state.name) {
        case 'pointing':
          if (Math.hypot(p.x - state.start.x, p.y - state.start.y) < DRAG_UNITS) return
          state = { name: 'translating', start: state.start }
          ctx.drag({ dx: p.x - state.start.x, dy: p.y - state.start.y })
          return
        case 'translating':
          ctx.drag({ dx: p.x - state.start.x, dy: p.y - state.start.y })
          return
        case 'resizing':
          ctx.previewOps(resizeOps(state.id, state.handle, p.x - state.start.x, p.y - state.start.y))
          return
        case 'marquee': {
          const rect = rectOf(state.start, p)
          ctx.marquee(rect)
          const floor = ctx.floor()
          if (floor) ctx.select([...new Set([...state.base, ...itemsInRect(floor, rect)])], 'replace')
          return
        }
        case 'idle':
          return
      }
    },
    pointerUp(p: Point) {
      const done = state
      state = { name: 'idle' }
      switch (done.name) {
        case 'pointing':
          // A click on an already selected item with Shift takes it out of the selection.
          if (done.wasSelected && p.shift) ctx.select([done.id], 'toggle')
          else if (done.wasSelected) ctx.select([done.id], 'replace')
          return
        case 'translating': {
          ctx.drag(null)
          const ops = moveOps(p.x - done.start.x, p.y - done.start.y)
          if (ops.length) ctx.commit(ops)
          return
        }
        case 'resizing': {
          ctx.previewOps(null)
          const ops = resizeOps(done.id, done.handle, p.x - done.start.x, p.y - done.start.y)
          if (ops.length) ctx.commit(ops)
          return
        }
        case 'marquee':
          ctx.marquee(null)
          return
        case 'idle':
          return
      }
    },
    cancel() {
      if (state.name === 'translating') ctx.drag(null)
      if (state.name === 'resizing') ctx.previewOps(null)
      if (state.name === 'marquee') ctx.marquee(null)
      state = { name: 'idle' }
    },
  }
}
export type SelectTool = ReturnType<typeof createSelectTool>
