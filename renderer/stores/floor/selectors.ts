import type { Floor } from '../../../protocol/floor/records.ts'
import type { FloorState } from './store.ts'

/** The name of a room on a floor, or null when either is gone. */
export const roomName = (s: FloorState, floorId: string, roomId: string): string | null =>
  s.floors.find((f) => f.id === floorId)?.rooms.find((r) => r.id === roomId)?.name ?? null

export const currentFloor = (s: FloorState): Floor | null => s.floors.find((f) => f.id === s.floorId) ?? s.floors[0] ?? null

export const deskOfMember = (s: FloorState, memberId: string) => {
  for (const floor of s.floors) {
    const desk = floor.desks.find((d) => d.assigneeId === memberId)
    if (desk) return { floor, desk }
  }
  return null
}
