/** A place's name as its shelf says it (the server's word, server/shelf/access.ts): a room's name, or "Desk <label>". */
import type { Floor } from '../../protocol/floor/records.ts'

export function shelfPlaceName(floors: readonly Floor[], placeId: string): string {
  for (const f of floors) {
    const room = f.rooms.find((r) => r.id === placeId)
    if (room) return room.name
    const desk = f.desks.find((d) => d.id === placeId)
    if (desk) return `Desk ${desk.label}`
  }
  return 'a place'
}
