/**
 * Where to stand in a room: the free spot nearest its centre, so that people walking into a room
 * stand beside each other instead of on top of each other.
 */
export interface Point {
  x: number
  y: number
}

export interface Rect extends Point {
  width: number
  height: number
}

/** Centre-to-centre distance at which two avatars no longer overlap (they are 30 units wide). */
export const PERSONAL_SPACE = 38
const MARGIN = 24

export function freeSpotIn(room: Rect, taken: readonly Point[]): Point {
  const centre = { x: room.x + room.width / 2, y: room.y + room.height / 2 }
  const candidates: Point[] = []
  const cols = Math.max(1, Math.floor((room.width - 2 * MARGIN) / PERSONAL_SPACE))
  const rows = Math.max(1, Math.floor((room.height - 2 * MARGIN) / PERSONAL_SPACE))
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      candidates.push({ x: centre.x + (c - (cols - 1) / 2) * PERSONAL_SPACE, y: centre.y + (r - (rows - 1) / 2) * PERSONAL_SPACE })
    }
  }
  candidates.sort((a, b) => Math.hypot(a.x - centre.x, a.y - centre.y) - Math.hypot(b.x - centre.x, b.y - centre.y))
  return candidates.find((p) => taken.every((t) => Math.hypot(t.x - p.x, t.y - p.y) >= PERSONAL_SPACE)) ?? centre
}
