/**
 * Where to stand in a room: the free spot nearest its centre, so that people walking into a room
 * stand beside each other instead of on top of each other, and who steps aside when two walked in
 * at the same moment and took the same spot anyway.
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

/** Someone resting in a room: their member id and the resting point they declared. */
export interface Occupant {
  id: string
  at: Point
}

/**
 * People never stand on each other, even when they walk in at the same moment and both take the
 * centre: the one who arrived later steps aside to the next free spot. "Later" is the server's
 * occupancy order of the room (`order`: by arrival time, and people who arrived in the same read of
 * LiveKit's list in that list's order, so it has no ties and is the same on every client); until
 * the server lists both, nobody moves. Every client applies this rule to its own
 * avatar on the same facts, so exactly one of two moves. Returns where `me` should go, or null to
 * stay (no one earlier too close, or a room too packed to offer a free spot).
 */
export function stepAside(room: Rect, me: Occupant, others: readonly Occupant[], order: readonly string[]): Point | null {
  const rank = new Map(order.map((id, i) => [id, i]))
  const mine = rank.get(me.id)
  if (mine === undefined) return null
  const earlier = (id: string) => (rank.get(id) ?? Infinity) < mine
  const near = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y) < PERSONAL_SPACE
  if (!others.some((o) => o.id !== me.id && earlier(o.id) && near(o.at, me.at))) return null
  const taken = others.filter((o) => o.id !== me.id).map((o) => o.at)
  const spot = freeSpotIn(room, taken)
  return taken.some((t) => near(t, spot)) ? null : spot
}
