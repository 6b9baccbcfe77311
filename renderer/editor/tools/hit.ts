/**
 * Hit testing on the floor plan in floor units: desks (points of DESK_SIZE) above furniture (its
 * turned footprint) above rooms (boxes). Only the editor hits furniture; the floor never does.
 */
import { DESK_SIZE } from '../../../protocol/floor/geometry.ts'
import type { Floor } from '../../../protocol/floor/records.ts'
import { furnitureBox } from '../../floor/furniture-kinds.ts'

import type { ResizeHandle as Handle } from '../arrange.ts'

export type { Handle }
export const handles: readonly Handle[] = ['nw', 'n', 'ne', 'e', 'se', 's', 'sw', 'w']

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

const half = DESK_SIZE / 2

/** The topmost item under (x, y): the last desk drawn there, else the last furniture, else the smallest room around it. */
export function hitItem(floor: Floor, x: number, y: number): string | null {
  for (let i = floor.desks.length - 1; i >= 0; i--) {
    const d = floor.desks[i]!
    if (Math.abs(d.x - x) <= half && Math.abs(d.y - y) <= half) return d.id
  }
  const furniture = floor.furniture ?? []
  for (let i = furniture.length - 1; i >= 0; i--) {
    const b = furnitureBox(furniture[i]!)
    if (x >= b.x && y >= b.y && x <= b.x + b.width && y <= b.y + b.height) return furniture[i]!.id
  }
  let best: { id: string; area: number } | null = null
  for (const r of floor.rooms) {
    if (x < r.x || y < r.y || x > r.x + r.width || y > r.y + r.height) continue
    const area = r.width * r.height
    if (!best || area < best.area) best = { id: r.id, area }
  }
  return best?.id ?? null
}

/** Every item wholly inside the rectangle. */
export function itemsInRect(floor: Floor, rect: Rect): string[] {
  const inside = (x: number, y: number) => x >= rect.x && y >= rect.y && x <= rect.x + rect.width && y <= rect.y + rect.height
  return [
    ...floor.rooms.filter((r) => inside(r.x, r.y) && inside(r.x + r.width, r.y + r.height)).map((r) => r.id),
    ...floor.desks.filter((d) => inside(d.x - half, d.y - half) && inside(d.x + half, d.y + half)).map((d) => d.id),
    ...(floor.furniture ?? []).filter((f) => {
      const b = furnitureBox(f)
      return inside(b.x, b.y) && inside(b.x + b.width, b.y + b.height)
    }).map((f) => f.id),
  ]
}

/** Where each resize handle of a room sits. */
export function handlePoint(room: Rect, handle: Handle): { x: number; y: number } {
  const x = handle.includes('w') ? room.x : handle.includes('e') ? room.x + room.width : room.x + room.width / 2
  const y = handle.includes('n') ? room.y : handle.includes('s') ? room.y + room.height : room.y + room.height / 2
  return { x, y }
}
