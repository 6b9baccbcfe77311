/**
 * The drawing of a room as plain numbers: where its door is, the wall around it with the door left
 * open, and where a lounge's sofa and plants stand. Pure, so that the layers only map it to SVG.
 */

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}
export type Side = 'top' | 'right' | 'bottom' | 'left'
export interface Segment {
  x1: number
  y1: number
  x2: number
  y2: number
}

/** Wide enough to walk through side by side; never more than half the wall it is in. */
const DOOR = 56

/**
 * The wall the door is in: the one facing `centre` (the middle of the floor) when given, else the
 * bottom wall, where the desks of the starter floor are.
 */
export function doorSide(room: Rect, centre?: { x: number; y: number }): Side {
  if (!centre) return 'bottom'
  const sides: [Side, number][] = [
    ['bottom', centre.y - (room.y + room.height)],
    ['top', room.y - centre.y],
    ['right', centre.x - (room.x + room.width)],
    ['left', room.x - centre.x],
  ]
  // The side the centre lies furthest beyond; a centre inside the room keeps the bottom wall.
  const [side, beyond] = sides.reduce((best, s) => (s[1] > best[1] ? s : best))
  return beyond > 0 ? side : 'bottom'
}

/** The door's opening: a segment along `side`, centred on it. */
export function doorway(room: Rect, side: Side): Segment {
  const { x, y, width: w, height: h } = room
  const along = side === 'top' || side === 'bottom' ? w : h
  const half = Math.min(DOOR, along / 2) / 2
  switch (side) {
    case 'top':
      return { x1: x + w / 2 - half, y1: y, x2: x + w / 2 + half, y2: y }
    case 'bottom':
      return { x1: x + w / 2 + half, y1: y + h, x2: x + w / 2 - half, y2: y + h }
    case 'left':
      return { x1: x, y1: y + h / 2 + half, x2: x, y2: y + h / 2 - half }
    case 'right':
      return { x1: x + w, y1: y + h / 2 - half, x2: x + w, y2: y + h / 2 + half }
  }
}

/**
 * The wall as one open SVG path: from one door post clockwise round the room to the other, so the
 * doorway is the only gap.
 */
export function wallPath(room: Rect, side: Side): string {
  const { x, y, width: w, height: h } = room
  const corners: Record<Side, [number, number]> = { top: [x + w, y], right: [x + w, y + h], bottom: [x, y + h], left: [x, y] }
  const order: Side[] = ['top', 'right', 'bottom', 'left']
  const door = doorway(room, side)
  const start = order.indexOf(side)
  const points = [0, 1, 2, 3].map((i) => corners[order[(start + i) % 4]!])
  return `M${door.x2} ${door.y2}${points.map(([px, py]) => `L${px} ${py}`).join('')}L${door.x1} ${door.y1}`
}

export interface Piece {
  symbol: 'sofa' | 'plant'
  x: number
  y: number
  width: number
  height: number
}

/**
 * A lounge's furniture: a sofa against the top-left wall and a plant in each of the top-right and
 * bottom-right corners, kept clear of the sign (top middle), the door and the room's caption
 * (bottom left). A room too small for them gets fewer or none.
 */
export function loungeFurniture(room: Rect): Piece[] {
  const pieces: Piece[] = []
  const inset = 10
  const plant = 26
  if (room.width >= 200 && room.height >= 120) pieces.push({ symbol: 'sofa', x: room.x + inset + 6, y: room.y + inset + 20, width: 84, height: 38 })
  if (room.width >= 90 && room.height >= 90) {
    pieces.push({ symbol: 'plant', x: room.x + room.width - inset - plant, y: room.y + inset, width: plant, height: plant })
    pieces.push({ symbol: 'plant', x: room.x + room.width - inset - plant, y: room.y + room.height - inset - plant, width: plant, height: plant })
  }
  return pieces
}
