/**
 * Floors a host can start from. Each is built with fresh ids (room ids name media rooms, so two
 * floors built from one template must not share them), at version 0, with nobody assigned.
 */
import type { FloorTemplate } from '../api.ts'
import type { Desk, Floor, Room } from './records.ts'

export const floorTemplates: Record<FloorTemplate, { label: string; description: string }> = {
  starter: { label: 'Starter', description: '12 desks, a meeting room, a lounge and a private office.' },
  'team-30': { label: 'Team of 30', description: '30 desks in rows, 2 meeting rooms, a lounge and 2 private offices.' },
  'event-space': { label: 'Event space', description: 'A stage for 200, a lounge, 2 small meeting rooms and 8 hot desks.' },
}

interface Options {
  floorId: string
  name: string
  newId(prefix: 'room' | 'desk'): string
}

type RoomSpec = Pick<Room, 'name' | 'kind' | 'x' | 'y' | 'width' | 'height' | 'capacity'> & { locked?: boolean }
type Layout = { width: number; height: number; rooms: RoomSpec[]; desks: Omit<Desk, 'id' | 'assigneeId'>[] }

/**
 * Rows of desks facing each other in pairs, as on the starter floor: the upper row of a pair faces
 * down (0°), the lower one up (180°).
 */
function rows(count: number, perRow: number, x: number, y: number, dx: number, dy: number, label: (i: number) => string, hot = false) {
  return Array.from({ length: count }, (_, i) => {
    const row = Math.floor(i / perRow)
    return { label: label(i), x: x + (i % perRow) * dx, y: y + row * dy, rotation: row % 2 === 0 ? 0 : 180, ...(hot ? { hot } : {}) }
  })
}

const number = (i: number) => String(i + 1)

/** Sizes and places of each template; ids are given when a floor is built. */
const layouts: Record<FloorTemplate, Layout> = {
  // The starter floor of server/floor/starter.ts, without its owner.
  starter: {
    width: 1080,
    height: 680,
    rooms: [
      { name: 'Meeting room', kind: 'meeting', x: 40, y: 40, width: 380, height: 260, capacity: 8 },
      { name: 'Lounge', kind: 'lounge', x: 460, y: 40, width: 300, height: 260, capacity: 20 },
      { name: 'Private office', kind: 'private', x: 800, y: 40, width: 240, height: 260, capacity: 4, locked: true },
    ],
    desks: rows(12, 6, 130, 420, 150, 160, number),
  },
  'team-30': {
    width: 1600,
    height: 720,
    rooms: [
      { name: 'Meeting room A', kind: 'meeting', x: 40, y: 40, width: 340, height: 260, capacity: 8 },
      { name: 'Meeting room B', kind: 'meeting', x: 410, y: 40, width: 300, height: 260, capacity: 6 },
      { name: 'Lounge', kind: 'lounge', x: 740, y: 40, width: 420, height: 260, capacity: 30 },
      { name: 'Private office 1', kind: 'private', x: 1190, y: 40, width: 170, height: 260, capacity: 2, locked: true },
      { name: 'Private office 2', kind: 'private', x: 1390, y: 40, width: 170, height: 260, capacity: 2, locked: true },
    ],
    desks: rows(30, 15, 100, 420, 100, 160, number),
  },
  'event-space': {
    width: 1600,
    height: 1000,
    rooms: [
      { name: 'Stage', kind: 'stage', x: 40, y: 40, width: 1000, height: 600, capacity: 200 },
      { name: 'Lounge', kind: 'lounge', x: 1080, y: 40, width: 480, height: 360, capacity: 40 },
      { name: 'Huddle 1', kind: 'meeting', x: 1080, y: 440, width: 230, height: 200, capacity: 4 },
      { name: 'Huddle 2', kind: 'meeting', x: 1330, y: 440, width: 230, height: 200, capacity: 4 },
    ],
    desks: rows(8, 4, 200, 760, 200, 160, (i) => `Hot ${i + 1}`, true),
  },
}

export function buildFloorFromTemplate(template: FloorTemplate, opts: Options): Floor {
  const layout = layouts[template]
  return {
    id: opts.floorId,
    name: opts.name,
    version: 0,
    width: layout.width,
    height: layout.height,
    rooms: layout.rooms.map(({ locked = false, ...spec }) => ({ id: opts.newId('room'), ...spec, locked, ownerId: null, allowed: [] })),
    desks: layout.desks.map((spec) => ({ id: opts.newId('desk'), ...spec, assigneeId: null })),
  }
}
