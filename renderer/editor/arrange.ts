/**
 * Pure arranging helpers for the floor editor: each takes a floor and a selection and returns the
 * ops of one gesture, already inside the floor and valid for applyBatch. No React, no stores, so
 * tools, keyboard commands and tests share them.
 *
 * Geometry: a room is its box (x, y, width, height); a desk is its centre (x, y), drawn as a
 * DESK_SIZE square. A desk stays on the floor while its centre does (applyBatch's rule), and so
 * does a piece of furniture, whose box is its kind's footprint (furniture-kinds.ts).
 * An empty list means there is nothing to do (applyBatch refuses an empty batch).
 */
import { DESK_SIZE } from '../../protocol/floor/geometry.ts'
import type { FloorOp } from '../../protocol/floor/ops.ts'
import type { Desk, Floor, Furniture, Room } from '../../protocol/floor/records.ts'
import { furnitureBox } from '../floor/furniture-kinds.ts'

export type NewId = (prefix: 'room' | 'desk' | 'furn') => string
export type AlignEdge = 'left' | 'center' | 'right' | 'top' | 'middle' | 'bottom'
export type ResizeHandle = 'n' | 's' | 'e' | 'w' | 'ne' | 'nw' | 'se' | 'sw'

/** The smallest room side a resize leaves. */
export const MIN_ROOM_SIZE = 40
const HALF = DESK_SIZE / 2

type Item = { kind: 'room'; room: Room } | { kind: 'desk'; desk: Desk } | { kind: 'furniture'; item: Furniture }
interface Box {
  left: number
  top: number
  right: number
  bottom: number
}
type Bounds = Pick<Floor, 'width' | 'height'>

export const snap = (v: number, grid?: number): number => (grid && grid > 0 ? Math.round(v / grid) * grid : v)
const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), hi)
/** Keeps arithmetic noise (0.1 + 0.2) out of positions, so a no-op stays a no-op. */
const tidy = (v: number) => Math.round(v * 1000) / 1000

function selection(floor: Floor, ids: readonly string[]): Item[] {
  const wanted = new Set(ids)
  return [
    ...floor.rooms.filter((r) => wanted.has(r.id)).map((room): Item => ({ kind: 'room', room })),
    ...floor.desks.filter((d) => wanted.has(d.id)).map((desk): Item => ({ kind: 'desk', desk })),
    ...(floor.furniture ?? []).filter((f) => wanted.has(f.id)).map((item): Item => ({ kind: 'furniture', item })),
  ]
}

function boxOf(item: Item): Box {
  if (item.kind === 'room') return { left: item.room.x, top: item.room.y, right: item.room.x + item.room.width, bottom: item.room.y + item.room.height }
  if (item.kind === 'desk') return { left: item.desk.x - HALF, top: item.desk.y - HALF, right: item.desk.x + HALF, bottom: item.desk.y + HALF }
  const b = furnitureBox(item.item)
  return { left: b.x, top: b.y, right: b.x + b.width, bottom: b.y + b.height }
}

const union = (boxes: Box[]): Box => ({
  left: Math.min(...boxes.map((b) => b.left)),
  top: Math.min(...boxes.map((b) => b.top)),
  right: Math.max(...boxes.map((b) => b.right)),
  bottom: Math.max(...boxes.map((b) => b.bottom)),
})

/** The range a record's x/y may take on the floor: a room's whole box, a desk's centre. */
function rangeOf(item: Item, floor: Bounds) {
  if (item.kind !== 'room') return { x: [0, floor.width], y: [0, floor.height] } as const
  return { x: [0, Math.max(0, floor.width - item.room.width)], y: [0, Math.max(0, floor.height - item.room.height)] } as const
}

const positionOf = (item: Item) => (item.kind === 'room' ? item.room : item.kind === 'desk' ? item.desk : item.item)

/** The op moving one item by (dx, dy), clamped onto the floor; null when it would not move. */
function moveOp(floor: Bounds, item: Item, dx: number, dy: number): FloorOp | null {
  const { x, y } = positionOf(item)
  const range = rangeOf(item, floor)
  const changes: { x?: number; y?: number } = {}
  const nx = tidy(clamp(x + dx, ...range.x))
  const ny = tidy(clamp(y + dy, ...range.y))
  if (nx !== x) changes.x = nx
  if (ny !== y) changes.y = ny
  if (changes.x === undefined && changes.y === undefined) return null
  if (item.kind === 'room') return { op: 'room.update', id: item.room.id, changes }
  return item.kind === 'desk' ? { op: 'desk.update', id: item.desk.id, changes } : { op: 'furniture.update', id: item.item.id, changes }
}

const present = (ops: (FloorOp | null)[]): FloorOp[] => ops.filter((op): op is FloorOp => op !== null)

/** Lines the selection (two or more) up on one edge or centre line of its bounding box. */
export function alignItems(floor: Floor, ids: readonly string[], edge: AlignEdge): FloorOp[] {
  const items = selection(floor, ids)
  if (items.length < 2) return []
  const all = union(items.map(boxOf))
  return present(
    items.map((item) => {
      const b = boxOf(item)
      const shift: Record<AlignEdge, [number, number]> = {
        left: [all.left - b.left, 0],
        center: [(all.left + all.right - b.left - b.right) / 2, 0],
        right: [all.right - b.right, 0],
        top: [0, all.top - b.top],
        middle: [0, (all.top + all.bottom - b.top - b.bottom) / 2],
        bottom: [0, all.bottom - b.bottom],
      }
      return moveOp(floor, item, ...shift[edge])
    }),
  )
}

/**
 * Spreads three or more items evenly between the outermost two: equal gaps between boxes, or equal
 * steps between centres when the boxes are too wide to leave any gap.
 */
export function distributeItems(floor: Floor, ids: readonly string[], axis: 'horizontal' | 'vertical'): FloorOp[] {
  const items = selection(floor, ids)
  if (items.length < 3) return []
  const h = axis === 'horizontal'
  const lo = (b: Box) => (h ? b.left : b.top)
  const size = (b: Box) => (h ? b.right - b.left : b.bottom - b.top)
  const sorted = items.map((item) => ({ item, box: boxOf(item) })).sort((a, b) => lo(a.box) + size(a.box) / 2 - (lo(b.box) + size(b.box) / 2))
  const first = sorted[0]!.box
  const last = sorted[sorted.length - 1]!.box
  const n = sorted.length
  const gap = (lo(last) + size(last) - lo(first) - sorted.reduce((sum, s) => sum + size(s.box), 0)) / (n - 1)
  const step = (lo(last) + size(last) / 2 - lo(first) - size(first) / 2) / (n - 1)
  let cursor = lo(first)
  return present(
    sorted.map(({ item, box }, i) => {
      const target = gap >= 0 ? cursor : lo(first) + size(first) / 2 + step * i - size(box) / 2
      cursor += size(box) + gap
      const delta = i === 0 || i === n - 1 ? 0 : target - lo(box)
      return moveOp(floor, item, h ? delta : 0, h ? 0 : delta)
    }),
  )
}

/**
 * Moves the selection together by (dx, dy). With a grid, the first item lands on it and the rest
 * keep their offsets. The move stops at the floor's edge, keeping the selection's shape.
 */
export function moveItems(floor: Floor, ids: readonly string[], dx: number, dy: number, grid?: number): FloorOp[] {
  const items = selection(floor, ids)
  const anchor = items[0]
  if (!anchor) return []
  const at = positionOf(anchor)
  let mx = grid ? snap(at.x + dx, grid) - at.x : dx
  let my = grid ? snap(at.y + dy, grid) - at.y : dy
  for (const item of items) {
    const { x, y } = positionOf(item)
    const range = rangeOf(item, floor)
    mx = clamp(mx, range.x[0] - x, range.x[1] - x)
    my = clamp(my, range.y[0] - y, range.y[1] - y)
  }
  return present(items.map((item) => moveOp(floor, item, mx, my)))
}

/** Drags one room's edge or corner by (dx, dy): edges snap to the grid, sides stay ≥ 40, the room stays on the floor. */
export function resizeRoom(floor: Floor, id: string, handle: ResizeHandle, dx: number, dy: number, grid?: number): FloorOp[] {
  const room = floor.rooms.find((r) => r.id === id)
  if (!room) return []
  let { left, top, right, bottom } = boxOf({ kind: 'room', room })
  // clamp() favours its upper bound, so a room already under 40 near the top-left edge stays on the floor.
  if (handle.includes('e')) right = clamp(snap(right + dx, grid), left + MIN_ROOM_SIZE, floor.width)
  if (handle.includes('w')) left = clamp(snap(left + dx, grid), 0, Math.max(0, right - MIN_ROOM_SIZE))
  if (handle.includes('s')) bottom = clamp(snap(bottom + dy, grid), top + MIN_ROOM_SIZE, floor.height)
  if (handle.includes('n')) top = clamp(snap(top + dy, grid), 0, Math.max(0, bottom - MIN_ROOM_SIZE))
  const next = { x: tidy(left), y: tidy(top), width: tidy(right - left), height: tidy(bottom - top) }
  const changes = Object.fromEntries(Object.entries(next).filter(([k, v]) => room[k as keyof typeof next] !== v))
  return Object.keys(changes).length > 0 ? [{ op: 'room.update', id, changes }] : []
}

const turned = (rotation: number, stepDeg: number) => tidy((((rotation + stepDeg) % 360) + 360) % 360) % 360

/** Turns the selected desks and furniture by one 15° step; rooms in the selection are left as they are. */
export function rotateDesks(floor: Floor, ids: readonly string[], stepDeg: 15 | -15): FloorOp[] {
  const wanted = new Set(ids)
  return [
    ...floor.desks.filter((d) => wanted.has(d.id)).map((d): FloorOp => ({ op: 'desk.update', id: d.id, changes: { rotation: turned(d.rotation, stepDeg) } })),
    ...(floor.furniture ?? []).filter((f) => wanted.has(f.id)).map((f): FloorOp => ({ op: 'furniture.update', id: f.id, changes: { rotation: turned(f.rotation, stepDeg) } })),
  ]
}

export { deskRows, duplicateItems, pasteItems, type Created, type DeskRowsOptions } from './arrange-copies.ts'
