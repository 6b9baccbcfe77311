/**
 * Floor store: the workspace's floor plans (as the server last told us, or the cache) and its members.
 *
 * @example
 * const floor = createFloorStore()
 * floor.getState().setFloors(snapshot.floors)
 */
import { createStore } from 'zustand/vanilla'
import type { Member } from '../../../protocol/api.ts'
import type { Floor } from '../../../protocol/floor/records.ts'

export interface FloorState {
  floors: Floor[]
  /** The floor on screen. */
  floorId: string | null
  members: Record<string, Member>
  setFloors(floors: Floor[]): void
  putFloor(floor: Floor): void
  setMembers(members: Member[]): void
  selectFloor(id: string): void
  clear(): void
}

export function createFloorStore() {
  return createStore<FloorState>()((set) => ({
    floors: [],
    floorId: null,
    members: {},
    setFloors: (floors) => set((s) => ({ floors, floorId: floors.some((f) => f.id === s.floorId) ? s.floorId : (floors[0]?.id ?? null) })),
    putFloor: (floor) =>
      set((s) => {
        const exists = s.floors.some((f) => f.id === floor.id)
        const floors = exists ? s.floors.map((f) => (f.id === floor.id ? floor : f)) : [...s.floors, floor]
        return { floors, floorId: s.floorId ?? floor.id }
      }),
    setMembers: (members) => set({ members: Object.fromEntries(members.map((m) => [m.id, m])) }),
    selectFloor: (id) => set({ floorId: id }),
    clear: () => set({ floors: [], floorId: null, members: {} }),
  }))
}
export type FloorStore = ReturnType<typeof createFloorStore>
