import { describe, expect, it } from 'vitest'
import { doorSide, doorway, loungeFurniture, roomDoor, wallPath, type Side } from '../../../../renderer/floor/room-shapes.ts'

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

  // A 2,000 × 1,200 floor, centre (1,000, 600), with one room on each side of the centre.
  const floor = { width: 2_000, height: 1_200 }
  it.each<[string, { x: number; y: number; width: number; height: number }, Side, { x: number; y: number }]>([
    ['above', { x: 850, y: 40, width: 300, height: 200 }, 'bottom', { x: 1_000, y: 264 }],
    ['below', { x: 850, y: 960, width: 300, height: 200 }, 'top', { x: 1_000, y: 936 }],
    ['left of', { x: 40, y: 500, width: 300, height: 200 }, 'right', { x: 364, y: 600 }],
    ['right of', { x: 1_660, y: 500, width: 300, height: 200 }, 'left', { x: 1_636, y: 600 }],
  ])('opens the door of a room %s the centre towards it, and stands a walker just outside it', (_where, r, side, stand) => {
    const door = roomDoor(r, { ...floor, rooms: [r] })
    expect(door.side).toBe(side)
    expect(door.gap).toEqual(doorway(r, side))
    expect(door.stand).toEqual(stand)
  })

  it('turns a door away from a neighbouring room right in front of it, to the next wall facing the centre', () => {
    // The starter floor: three rooms in a row along the top, 40 units apart, desks below.
    const starter = { width: 1_080, height: 680 }
    const meeting = { id: 'm', x: 40, y: 40, width: 380, height: 260 }
    const lounge = { id: 'l', x: 460, y: 40, width: 300, height: 260 }
    const office = { id: 'p', x: 800, y: 40, width: 240, height: 260 }
    const rooms = [meeting, lounge, office]
    // The centre (540, 340) is furthest beyond the meeting room's right wall, but the lounge is 40 units away.
    expect(doorSide(meeting, { x: 540, y: 340 })).toBe('right')
    expect(rooms.map((r) => roomDoor(r, { ...starter, rooms }).side)).toEqual(['bottom', 'bottom', 'bottom'])
    // Alone on the floor, the meeting room opens its right wall.
    expect(roomDoor(meeting, { ...starter, rooms: [meeting] }).side).toBe('right')
  })

  it('opens a door onto free floor, facing the centre or not, before one onto a neighbour', () => {
    // The event-space template: a huddle room right of the stage (which holds the centre), beside another.
    const event = { width: 1_600, height: 1_000 }
    const stage = { id: 's', x: 40, y: 40, width: 1_000, height: 600 }
    const huddle = { id: 'h1', x: 1_080, y: 440, width: 230, height: 200 }
    const huddle2 = { id: 'h2', x: 1_330, y: 440, width: 230, height: 200 }
    const rooms = [stage, huddle, huddle2]
    // Only the left wall faces the centre, 40 units from the stage: the bottom wall opens onto the floor.
    expect(roomDoor(huddle, { ...event, rooms }).side).toBe('bottom')
    expect(roomDoor(huddle2, { ...event, rooms }).side).toBe('bottom')
    // Boxed in on every side (the floor's edge counts): the wall facing the centre after all.
    const boxed = { id: 'b', x: 1_080, y: 40, width: 480, height: 360 }
    expect(roomDoor(boxed, { ...event, rooms: [...rooms, boxed] }).side).toBe('left')
  })

  it("keeps the walker's stand on the floor", () => {
    const r = { x: 0, y: 0, width: 100, height: 100 }
    // Every wall faces away from a centre inside the room: the bottom door, whose stand is clamped to the floor.
    const door = roomDoor(r, { width: 100, height: 110, rooms: [r] })
    expect(door.side).toBe('bottom')
    expect(door.stand).toEqual({ x: 50, y: 110 })
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
