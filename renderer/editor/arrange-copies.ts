/**
 * Editor helpers that make new records: duplicate, paste (onto any floor) and desks in rows. The
 * copies get fresh ids and no people (assignee, owner, allowed list): a person has one desk, and
 * a paste from another floor or workspace may name people the target does not have. Split from
 * arrange.ts, which re-exports them.
 */
import { DESK_SIZE } from '../../protocol/floor/geometry.ts'
import type { FloorOp } from '../../protocol/floor/ops.ts'
import type { Desk, Floor, Furniture, Room } from '../../protocol/floor/records.ts'

type NewId = (prefix: 'room' | 'desk' | 'furn') => string
/** What duplicate and paste copy; furniture is optional, as on floors without any. */
interface Items {
  rooms: readonly Room[]
  desks: readonly Desk[]
  furniture?: readonly Furniture[] | undefined
}
type Bounds = Pick<Floor, 'width' | 'height'>
export interface Created {
  ops: FloorOp[]
  ids: string[]
}

const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), hi)

/**
 * Shifts new records together so that the group lies on the floor when it fits, keeping its
 * shape, then clamps each one (a room wider than the floor is narrowed to it).
 */
function fitted(floor: Bounds, rooms: Room[], desks: Desk[], furniture: Furniture[] = []): { rooms: Room[]; desks: Desk[]; furniture: Furniture[] } {
  const shift = (starts: number[], ends: number[], side: number) => {
    if (starts.length === 0) return 0
    const lo = Math.min(...starts)
    const hi = Math.max(...ends)
    return lo < 0 || hi - lo > side ? -lo : Math.min(0, side - hi)
  }
  const width = (r: Room) => Math.min(r.width, floor.width)
  const height = (r: Room) => Math.min(r.height, floor.height)
  // Desks and furniture are points (their centres), rooms boxes.
  const points = [...desks, ...furniture]
  const sx = shift([...rooms.map((r) => r.x), ...points.map((d) => d.x)], [...rooms.map((r) => r.x + width(r)), ...points.map((d) => d.x)], floor.width)
  const sy = shift([...rooms.map((r) => r.y), ...points.map((d) => d.y)], [...rooms.map((r) => r.y + height(r)), ...points.map((d) => d.y)], floor.height)
  return {
    rooms: rooms.map((r) => ({
      ...r,
      width: width(r),
      height: height(r),
      x: clamp(r.x + sx, 0, floor.width - width(r)),
      y: clamp(r.y + sy, 0, floor.height - height(r)),
    })),
    desks: desks.map((d) => ({ ...d, x: clamp(d.x + sx, 0, floor.width), y: clamp(d.y + sy, 0, floor.height) })),
    furniture: furniture.map((f) => ({ ...f, x: clamp(f.x + sx, 0, floor.width), y: clamp(f.y + sy, 0, floor.height) })),
  }
}

/** Numbered desk labels stay unique: a copy of desk "4" becomes the next free number. */
function labeler(floor: Floor): (label: string) => string {
  const taken = new Set(floor.desks.map((d) => d.label))
  let max = Math.max(0, ...[...taken].filter((l) => /^\d{1,9}$/.test(l)).map(Number))
  return (label) => {
    if (!/^\d{1,9}$/.test(label) || !taken.has(label)) return label
    const next = String(++max)
    taken.add(next)
    return next
  }
}

/** Copies of `items` on `floor`, moved by (dx, dy), with fresh ids and nobody in them. */
function copies(floor: Floor, items: Items, newId: NewId, dx: number, dy: number): Created {
  const label = labeler(floor)
  const placed = fitted(
    floor,
    items.rooms.map((r) => ({ ...r, id: newId('room'), x: r.x + dx, y: r.y + dy, ownerId: null, allowed: [] })),
    items.desks.map((d) => ({ ...d, id: newId('desk'), label: label(d.label), x: d.x + dx, y: d.y + dy, assigneeId: null })),
    (items.furniture ?? []).map((f) => ({ ...f, id: newId('furn'), x: f.x + dx, y: f.y + dy })),
  )
  return {
    ops: [
      ...placed.rooms.map((room): FloorOp => ({ op: 'room.add', room })),
      ...placed.desks.map((desk): FloorOp => ({ op: 'desk.add', desk })),
      ...placed.furniture.map((furniture): FloorOp => ({ op: 'furniture.add', furniture })),
    ],
    ids: [...placed.rooms.map((r) => r.id), ...placed.desks.map((d) => d.id), ...placed.furniture.map((f) => f.id)],
  }
}

/** Ctrl+D: copies of the selected rooms, desks and furniture, `offset` down and to the right. */
export function duplicateItems(floor: Floor, ids: readonly string[], newId: NewId, offset = 20): Created {
  const wanted = new Set(ids)
  const picked = { rooms: floor.rooms.filter((r) => wanted.has(r.id)), desks: floor.desks.filter((d) => wanted.has(d.id)), furniture: floor.furniture?.filter((f) => wanted.has(f.id)) }
  return copies(floor, picked, newId, offset, offset)
}

/**
 * Pastes copied records onto `target`, which may be another floor. With `at`, the group's top-left
 * corner lands there; without, the copies keep their places, or sit 20 down and right of the
 * originals when those are on this floor.
 */
export function pasteItems(target: Floor, items: Items, newId: NewId, at?: { x: number; y: number }): Created {
  const furniture = items.furniture ?? []
  if (items.rooms.length + items.desks.length + furniture.length === 0) return { ops: [], ids: [] }
  if (at) {
    const left = Math.min(...items.rooms.map((r) => r.x), ...items.desks.map((d) => d.x - DESK_SIZE / 2), ...furniture.map((f) => f.x))
    const top = Math.min(...items.rooms.map((r) => r.y), ...items.desks.map((d) => d.y - DESK_SIZE / 2), ...furniture.map((f) => f.y))
    return copies(target, items, newId, at.x - left, at.y - top)
  }
  const here = new Set([...target.rooms.map((r) => r.id), ...target.desks.map((d) => d.id), ...(target.furniture ?? []).map((f) => f.id)])
  const offset = [...items.rooms, ...items.desks, ...furniture].some((r) => here.has(r.id)) ? 20 : 0
  return copies(target, items, newId, offset, offset)
}

export interface DeskRowsOptions {
  count: number
  rows: number
  spacing: number
  /** Centre of the first desk (top-left of the block). */
  x: number
  y: number
}

/**
 * "Add desks in rows": `count` desks filling `rows` rows left to right, `spacing` apart both ways,
 * labelled from `firstLabel`. As on the starter floor, rows face each other in pairs: the lower
 * row of each pair is turned 180° to face up.
 */
export function deskRows(floor: Floor, opts: DeskRowsOptions, newId: NewId, firstLabel: number): Created {
  const count = Math.max(0, Math.floor(opts.count))
  const perRow = Math.ceil(count / clamp(Math.floor(opts.rows), 1, Math.max(1, count)))
  const desks = Array.from({ length: count }, (_, i): Desk => {
    const row = Math.floor(i / perRow)
    const x = opts.x + (i % perRow) * opts.spacing
    return { id: newId('desk'), label: String(firstLabel + i), x, y: opts.y + row * opts.spacing, rotation: row % 2 === 0 ? 0 : 180, assigneeId: null }
  })
  const placed = fitted(floor, [], desks).desks
  return { ops: placed.map((desk): FloorOp => ({ op: 'desk.add', desk })), ids: placed.map((d) => d.id) }
}
