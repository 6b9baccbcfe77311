/**
 * Issue 14: a place on the floor that holds things (a shelf of notes and files, a board of who works
 * on what, bookings, a whiteboard): a room, or a desk and whoever it is assigned to.
 */
import type { Floor } from '../../protocol/floor/records.ts'

export type Place =
  | { kind: 'room'; id: string; name: string; floorId: string }
  | { kind: 'desk'; id: string; name: string; floorId: string; ownerId: string | null }

/** The room or desk `id` on `floor`, or null when it is neither (a person, furniture, or gone). */
export function placeOn(floor: Floor | null | undefined, id: string): Place | null {
  if (!floor) return null
  const room = floor.rooms.find((r) => r.id === id)
  if (room) return { kind: 'room', id: room.id, name: room.name, floorId: floor.id }
  const desk = floor.desks.find((d) => d.id === id)
  if (desk) return { kind: 'desk', id: desk.id, name: desk.label || 'Desk', floorId: floor.id, ownerId: desk.assigneeId ?? null }
  return null
}
