/**
 * Keeps this member's avatar off anyone else's spot in the room they rest in. Two members who
 * click a room at the same moment both see it empty and both walk to its centre; once the server
 * lists them both and each has declared where they rest, spots.ts stepAside() sends the later
 * arrival to the next free spot. Checked when this member comes to rest and whenever a peer's
 * resting point or the occupancy changes while they rest; never while walking, never per frame.
 */
import { stepAside, type Occupant } from '../floor/spots.ts'
import { currentFloor } from '../stores/floor/selectors.ts'
import { othersIn } from '../stores/presence/selectors.ts'
import type { Stores } from './stores.ts'

export interface StandingApart {
  /** This member's avatar came to rest at (x, y). */
  rested(x: number, y: number): void
  /** It walks: nothing to keep apart until it rests again. */
  moved(): void
}

export function createStandingApart(deps: { stores: Stores; walkTo(x: number, y: number): void }): StandingApart {
  const { presence, floor, session } = deps.stores
  let rest: { x: number; y: number } | null = null

  const check = () => {
    const s = presence.getState()
    const me = session.getState().me?.id
    const roomId = s.self.room
    if (!rest || !me || !roomId) return
    const room = currentFloor(floor.getState())?.rooms.find((r) => r.id === roomId)
    if (!room) return
    // Where the others said they rest (their attributes): the same facts every client sees.
    const others: Occupant[] = othersIn(s, roomId, me).flatMap((id) => {
      const p = s.peers[id]
      return p && p.floor === s.self.floor ? [{ id, at: { x: p.x, y: p.y } }] : []
    })
    const spot = stepAside(room, { id: me, at: rest }, others, s.occupancy[roomId] ?? [])
    if (!spot) return
    rest = null
    deps.walkTo(spot.x, spot.y)
  }

  presence.subscribe((s, prev) => {
    if (rest && s.self.room && (s.peers !== prev.peers || s.occupancy !== prev.occupancy)) check()
  })

  return {
    rested(x, y) {
      rest = { x, y }
      check()
    },
    moved() {
      rest = null
    },
  }
}
