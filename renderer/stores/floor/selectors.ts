import type { Floor } from '../../../protocol/floor/records.ts'
import type { FloorState } from './store.ts'

export const currentFloor = (s: FloorState): Floor | null => s.floors.find((f) => f.id === s.floorId) ?? s.floors[0] ?? null

export const deskOfMember = (s: FloorState, memberId: string) => {
  for (const floor of s.floors) {
    const desk = floor.desks.find((d) => d.assigneeId === memberId)
    if (desk) return { floor, desk }
  }
  return null
}
