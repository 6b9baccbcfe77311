/**
 * Whose hand is up, derived once. A hand is a peer's claim (a lobby attribute naming a room); it
 * counts only while the server's occupancy has them in that room, so it disappears the moment they
 * leave and can never be raised in a room they are not in. This member's own hand counts while
 * the walker has them in its room.
 */
import { occupantsOf, roomOf, type Whereabouts } from '../presence/selectors.ts'
import type { Hand } from './signals.ts'

type Hands = Readonly<Record<string, Hand>>

/** Whether `id`'s hand is up in the room they are in now. */
export function handRaised(hands: Hands, w: Whereabouts, id: string, meId: string | null): boolean {
  const hand = hands[id]
  return !!hand && hand.room === roomOf(w, id, meId)
}

/** Who has a hand up in `roomId`, first raised first (the order a host calls on people). */
export function raisedHandsIn(hands: Hands, w: Whereabouts, roomId: string, meId: string | null): string[] {
  return occupantsOf(w, roomId, meId)
    .filter((id) => hands[id]?.room === roomId)
    .sort((a, b) => hands[a]!.at - hands[b]!.at || (a < b ? -1 : 1))
}
