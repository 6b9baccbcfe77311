import { describe, expect, it } from 'vitest'
import { doorSide, doorway, loungeFurniture, wallPath, type Side } from '../../../../renderer/floor/room-shapes.ts'

const room = { x: 100, y: 40, width: 300, height: 200 }

/** The points of an "M x y L x y …" path. */
const points = (d: string) => [...d.matchAll(/[ML](-?[\d.]+) (-?[\d.]+)/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) }))

describe('a room drawing', () => {
  it('puts the door in the wall facing the floor centre, or the bottom wall without one', () => {
    expect(doorSide(room)).toBe('bottom')
    expect(doorSide(room, { x: 250, y: 600 })).toBe('bottom')
    expect(doorSide(room, { x: 250, y: 0 })).toBe('top')
    expect(doorSide(room, { x: 900, y: 150 })).toBe('right')
    expect(doorSide(room, { x: 0, y: 150 })).toBe('left')
    // A centre inside the room: the bottom wall.
    expect(doorSide(room, { x: 250, y: 150 })).toBe('bottom')
  })

  it.each<Side>(['top', 'right', 'bottom', 'left'])('leaves the %s doorway as the only gap in the wall', (side) => {
    const door = doorway(room, side)
    const p = points(wallPath(room, side))
    // From one door post round all four corners to the other.
    expect(p).toHaveLength(6)
    expect([p[0], p[5]]).toEqual([{ x: door.x2, y: door.y2 }, { x: door.x1, y: door.y1 }])
    const corners = p.slice(1, 5).map((c) => `${c.x},${c.y}`).sort()
    expect(corners).toEqual(['100,240', '100,40', '400,240', '400,40'].sort())
    // Every stretch runs along a wall: it is horizontal or vertical.
    for (let i = 1; i < p.length; i++) expect(p[i]!.x === p[i - 1]!.x || p[i]!.y === p[i - 1]!.y).toBe(true)
    expect(Math.hypot(door.x2 - door.x1, door.y2 - door.y1)).toBe(56)
  })

  it('never makes a door wider than half a small wall', () => {
    const d = doorway({ x: 0, y: 0, width: 40, height: 40 }, 'bottom')
    expect(Math.abs(d.x2 - d.x1)).toBe(20)
  })

  it("keeps a lounge's furniture inside the room, and leaves a tiny lounge bare", () => {
    const pieces = loungeFurniture(room)
    expect(pieces.map((p) => p.symbol).sort()).toEqual(['plant', 'plant', 'sofa'])
    for (const p of pieces) {
      expect(p.x >= room.x && p.x + p.width <= room.x + room.width).toBe(true)
      expect(p.y >= room.y && p.y + p.height <= room.y + room.height).toBe(true)
    }
    expect(loungeFurniture({ x: 0, y: 0, width: 60, height: 60 })).toEqual([])
  })
})
