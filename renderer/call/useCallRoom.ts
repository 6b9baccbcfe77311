/** The floor's record of the room this member's call is in (their avatar's room), or undefined. */
import { useFloor, usePresence } from '../app/context.tsx'
import { currentFloor } from '../stores/floor/selectors.ts'

export function useCallRoom() {
  const roomId = usePresence((s) => s.self.room)
  return useFloor((s) => currentFloor(s)?.rooms.find((r) => r.id === roomId))
}
