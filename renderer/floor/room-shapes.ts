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
 * The walls facing `centre` (the middle of the floor), the one the centre lies furthest beyond
 * first; with no centre, or a centre inside the room, the bottom wall, where the desks of the
 * starter floor are.
 */
function sidesFacing(room: Rect, centre?: { x: number; y: number }): Side[] {
  if (!centre) return ['bottom']
  const sides: [Side, number][] = [
    ['bottom', centre.y - (room.y + room.height)],
    ['top', room.y - centre.y],
    ['right', centre.x - (room.x + room.width)],
    ['left', room.x - centre.x],
  ]
  const facing = sides.filter(([, beyond]) => beyond > 0).sort((a, b) => b[1] - a[1])
  return facing.length ? facing.map(([side]) => side) : ['bottom']
}

/** The wall the door is in: the one facing `centre` (see sidesFacing). */
export function doorSide(room: Rect, centre?: { x: number; y: number }): Side {
  return sidesFacing(room, centre)[0]!
}

/** How far in front of a door the floor must be clear for it to be used: about a person's width. */
const CLEAR = 48
/** Where an avatar stands in front of a door (a room it may not enter stops it there). */
const STAND = 24
const OUT: Record<Side, [number, number]> = { top: [0, -1], right: [1, 0], bottom: [0, 1], left: [-1, 0] }

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

/** The strip of floor `depth` deep in front of a doorway. */
function front(door: Segment, side: Side, depth: number): Rect {
  const [ox, oy] = OUT[side]
  const xs = [door.x1, door.x2, door.x1 + ox * depth, door.x2 + ox * depth]
  const ys = [door.y1, door.y2, door.y1 + oy * depth, door.y2 + oy * depth]
  const x = Math.min(...xs)
  const y = Math.min(...ys)
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y }
}

export interface Door {
  side: Side
  /** The opening in the wall. */
  gap: Segment
  /** Where an avatar stands just outside it, on the floor. */
  stand: { x: number; y: number }
}

/**
 * A room's door, the one fact both the drawing (RoomArt) and walking (renderer/app/walking.ts)
 * use: in the wall facing the floor's centre, unless another room or the floor's edge stands right
 * in front of that wall; then the next wall facing the centre that opens onto free floor, else any
 * wall that does, else the wall facing the centre after all.
 */
export function roomDoor(room: Rect & { id?: string }, floor: { width: number; height: number; rooms: readonly (Rect & { id?: string })[] }): Door {
  const sides = sidesFacing(room, { x: floor.width / 2, y: floor.height / 2 })
  const open = (side: Side) => {
    const f = front(doorway(room, side), side, CLEAR)
    const onFloor = f.x >= 0 && f.y >= 0 && f.x + f.width <= floor.width && f.y + f.height <= floor.height
    return onFloor && !floor.rooms.some((r) => r !== room && (room.id === undefined || r.id !== room.id) && overlaps(f, r))
  }
  // Any wall opening onto free floor beats a wall facing the centre that opens onto another room.
  const others = (['bottom', 'top', 'right', 'left'] as const).filter((s) => !sides.includes(s))
  const side = sides.find(open) ?? others.find(open) ?? sides[0]!
  const gap = doorway(room, side)
  const [ox, oy] = OUT[side]
  const stand = {
    x: Math.min(floor.width, Math.max(0, (gap.x1 + gap.x2) / 2 + ox * STAND)),
    y: Math.min(floor.height, Math.max(0, (gap.y1 + gap.y2) / 2 + oy * STAND)),
  }
  return { side, gap, stand }
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
