/**
 * Where the palette puts new things, and the words the panels use for them: pure functions of the
 * floor on screen, so they are table-tested without a browser. No geometry that moves existing
 * items lives here (that is arrange.ts).
 */
import type { Member } from '../../../protocol/api.ts'
import { DESK_SIZE } from '../../../protocol/floor/geometry.ts'
import type { FloorOp } from '../../../protocol/floor/ops.ts'
import { floorLimits, type Floor, type RoomKind } from '../../../protocol/floor/records.ts'
import { furnitureBox } from '../../floor/furniture-kinds.ts'

interface Rect {
  x: number
  y: number
  width: number
  height: number
}

/** Space kept free around a new item, so that it does not touch its neighbours. */
const MARGIN = 16
/** At most about this many candidate spots per side: a 20,000-unit floor is searched as fast as a small one. */
const STEPS_PER_SIDE = 120

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

function taken(floor: Floor): Rect[] {
  const half = DESK_SIZE / 2
  return [
    ...floor.rooms.map((r) => ({ x: r.x - MARGIN, y: r.y - MARGIN, width: r.width + 2 * MARGIN, height: r.height + 2 * MARGIN })),
    ...floor.desks.map((d) => ({ x: d.x - half - MARGIN, y: d.y - half - MARGIN, width: DESK_SIZE + 2 * MARGIN, height: DESK_SIZE + 2 * MARGIN })),
    ...(floor.furniture ?? []).map(furnitureBox),
  ]
}

/** The top-left corner of a free `width` × `height` area nearest the floor's centre, or null when none is. */
export function freeSpot(floor: Floor, width: number, height: number): { x: number; y: number } | null {
  const maxX = floor.width - width
  const maxY = floor.height - height
  if (maxX < 0 || maxY < 0) return null
  const centre = { x: Math.round(maxX / 2), y: Math.round(maxY / 2) }
  const step = Math.max(8, Math.ceil(Math.max(floor.width, floor.height) / STEPS_PER_SIDE))
  const candidates: { x: number; y: number; d: number }[] = []
  for (let y = centre.y % step; y <= maxY; y += step) {
    for (let x = centre.x % step; x <= maxX; x += step) candidates.push({ x, y, d: (x - centre.x) ** 2 + (y - centre.y) ** 2 })
  }
  candidates.sort((a, b) => a.d - b.d)
  const blocked = taken(floor)
  const hit = candidates.find((c) => !blocked.some((b) => overlaps(b, { x: c.x, y: c.y, width, height })))
  return hit ? { x: hit.x, y: hit.y } : null
}

/** Where a new item goes, and the op that makes room for it first when the floor is full (else none). */
export interface Spot {
  x: number
  y: number
  grow: FloorOp[]
}

/**
 * A spot for a new `width` × `height` item: free floor nearest the centre; on a full floor, a strip
 * added below everything (the floor grows, in the same gesture), so nothing new lands on top of
 * what is there. Only past the largest floor allowed does it go in the middle regardless.
 */
export function spotFor(floor: Floor, width: number, height: number): Spot {
  const free = freeSpot(floor, width, height)
  if (free) return { ...free, grow: [] }
  const bottom = Math.max(0, ...taken(floor).map((b) => b.y + b.height))
  const needed = { width: Math.max(floor.width, width), height: Math.max(floor.height, bottom + height + MARGIN) }
  if (needed.width > floorLimits.maxSide || needed.height > floorLimits.maxSide) {
    return { x: Math.max(0, Math.round((floor.width - width) / 2)), y: Math.max(0, Math.round((floor.height - height) / 2)), grow: [] }
  }
  const changes = { ...(needed.width > floor.width ? { width: needed.width } : {}), ...(needed.height > floor.height ? { height: needed.height } : {}) }
  const grow: FloorOp[] = Object.keys(changes).length ? [{ op: 'floor.update', changes }] : []
  // Grown taller: the new strip at the bottom. Only wider: centred, as on a floor with room.
  const y = needed.height > floor.height ? needed.height - height - MARGIN : Math.round((floor.height - height) / 2)
  return { x: Math.round((needed.width - width) / 2), y, grow }
}

/** The floor as it is once `spot.grow` has made room: what later placement must fit inside. */
export function grown(floor: Floor, spot: Spot): Floor {
  let next = floor
  for (const op of spot.grow) if (op.op === 'floor.update') next = { ...next, ...op.changes }
  return next
}

/** The same for one desk, positioned by its centre as desks are. */
export function deskSpot(floor: Floor): Spot {
  const at = spotFor(floor, DESK_SIZE, DESK_SIZE)
  return { ...at, x: at.x + DESK_SIZE / 2, y: at.y + DESK_SIZE / 2 }
}

/** The number after the highest numbered desk on the floor (13 after desks 1–12). */
export function nextDeskNumber(floor: Floor): number {
  const numbers = floor.desks.filter((d) => /^\d{1,9}$/.test(d.label)).map((d) => Number(d.label))
  return numbers.length ? Math.max(...numbers) + 1 : 1
}

export const roomKinds: Record<RoomKind, { label: string; width: number; height: number; capacity: number }> = {
  meeting: { label: 'Meeting room', width: 240, height: 180, capacity: 8 },
  lounge: { label: 'Lounge', width: 300, height: 220, capacity: 20 },
  private: { label: 'Private office', width: 160, height: 160, capacity: 2 },
  stage: { label: 'Stage', width: 400, height: 260, capacity: 100 },
}

/** A room name not used on the floor yet: "Meeting room", then "Meeting room 2", … */
export function freeRoomName(floor: Floor, kind: RoomKind): string {
  const base = roomKinds[kind].label
  const names = new Set(floor.rooms.map((r) => r.name))
  if (!names.has(base)) return base
  let n = 2
  while (names.has(`${base} ${n}`)) n++
  return `${base} ${n}`
}

/** The selected ids that are on the floor: another host may have deleted some since they were selected. */
export function selectedOn(floor: Floor | null, ids: readonly string[]): string[] {
  if (!floor) return []
  const present = new Set([...floor.rooms.map((r) => r.id), ...floor.desks.map((d) => d.id), ...(floor.furniture ?? []).map((f) => f.id)])
  return ids.filter((id) => present.has(id))
}

export interface MemberChoice {
  id: string
  label: string
  hasDesk: boolean
}

/**
 * The people a desk can be assigned to, by name, each marked "(no desk)" when no desk on any floor
 * is theirs. Guests never get a desk. `floors` is every floor as the editor shows it.
 */
export function deskChoices(floors: readonly Floor[], members: Readonly<Record<string, Member>>): MemberChoice[] {
  const seated = new Set<string>()
  for (const floor of floors) for (const desk of floor.desks) if (desk.assigneeId) seated.add(desk.assigneeId)
  return Object.values(members)
    .filter((m) => m.role !== 'guest')
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((m) => ({ id: m.id, hasDesk: seated.has(m.id), label: seated.has(m.id) ? m.name : `${m.name} (no desk)` }))
}
