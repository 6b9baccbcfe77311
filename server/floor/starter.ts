/** The floor plan a new workspace starts from: twelve desks, a meeting room, a lounge and a private office. */
import type { Floor, Room } from '../../protocol/floor/records.ts'

export function starterFloor(ownerId: string): Floor {
  const room = (id: string, name: string, kind: Room['kind'], x: number, width: number, capacity: number, extra: Partial<Room> = {}): Room => ({
    id, name, kind, x, y: 40, width, height: 260, capacity, locked: false, ownerId: null, allowed: [], ...extra,
  })
  const desks = Array.from({ length: 12 }, (_, i) => ({
    id: `desk_${i + 1}`,
    label: String(i + 1),
    x: 130 + (i % 6) * 150,
    y: i < 6 ? 420 : 580,
    rotation: i < 6 ? 0 : 180,
    assigneeId: i === 0 ? ownerId : null,
  }))
  return {
    id: 'floor_main',
    name: 'Main floor',
    version: 0,
    width: 1080,
    height: 680,
    rooms: [
      room('room_meeting', 'Meeting room', 'meeting', 40, 380, 8),
      room('room_lounge', 'Lounge', 'lounge', 460, 300, 20),
      room('room_private', 'Private office', 'private', 800, 240, 4, { locked: true, ownerId }),
    ],
    desks,
  }
}
