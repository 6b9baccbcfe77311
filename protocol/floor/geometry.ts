/**
 * Floor geometry without schemas: what the renderer needs at start-up to draw and walk, kept free
 * of TypeBox so that the first paint does not wait for it.
 */
interface RoomRect {
  x: number
  y: number
  width: number
  height: number
}

/** Desks are drawn as squares of this side, centred on their position. */
export const DESK_SIZE = 48

export function roomAt<R extends RoomRect>(floor: { rooms: readonly R[] }, x: number, y: number): R | undefined {
  return floor.rooms.find((r) => x >= r.x && x <= r.x + r.width && y >= r.y && y <= r.y + r.height)
}
