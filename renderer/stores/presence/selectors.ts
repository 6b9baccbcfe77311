/**
 * Who is who and who is where, derived once. Names come from the member directory (the server's,
 * keyed by the identity LiveKit vouches for); rooms from the server's occupancy (LiveKit's own
 * participant lists, pushed on topic `occupancy`). A peer's own word is never asked: LiveKit lets a
 * participant rename itself, and any attribute it declares is a claim. This member's own room is
 * the one the walker put them in, which the server learns a moment later.
 */
import type { Member } from '../../../protocol/api.ts'
import type { PresenceState } from './store.ts'

/** What a person is called on screen when the directory does not know them (yet). */
export const UNKNOWN_NAME = 'Someone'

/** A member's name as shown: a guest is marked as one wherever they appear (issue 13). */
export const shownName = (m: Pick<Member, 'name' | 'role'>): string => (m.role === 'guest' ? `${m.name} (guest)` : m.name)

/** A member's display name, from the directory only. */
export const displayName = (members: Readonly<Record<string, Member>>, id: string): string => {
  const m = members[id]
  return m ? shownName(m) : UNKNOWN_NAME
}

type Occupancy = PresenceState['occupancy']
/** What "who is where" is derived from: the server's occupancy and this member's own room. */
export interface Whereabouts {
  occupancy: Occupancy
  self: { room: string | null }
}
const indexes = new WeakMap<Occupancy, ReadonlyMap<string, string>>()

/** The room each member is in, by the server's occupancy; built once per occupancy notice. */
export function roomsByMember(occupancy: Occupancy): ReadonlyMap<string, string> {
  let index = indexes.get(occupancy)
  if (!index) {
    const built = new Map<string, string>()
    for (const [room, ids] of Object.entries(occupancy)) for (const id of ids) built.set(id, room)
    indexes.set(occupancy, built)
    index = built
  }
  return index
}

/** The room `memberId` is in, or null: the walker's word for this member, the server's for anyone else. */
export function roomOf(s: Whereabouts, memberId: string, meId: string | null): string | null {
  if (memberId === meId) return s.self.room
  return roomsByMember(s.occupancy).get(memberId) ?? null
}

/** Who is in `roomId`: the server's list, with this member where they know they are. */
export function occupantsOf(s: Whereabouts, roomId: string, meId: string | null): string[] {
  const ids = (s.occupancy[roomId] ?? []).filter((id) => id !== meId)
  if (meId && s.self.room === roomId) ids.push(meId)
  return ids
}

/** Everyone else in `roomId` (for a knock, a capacity check or a free spot). */
export const othersIn = (s: Whereabouts, roomId: string, meId: string | null): string[] =>
  occupantsOf(s, roomId, meId).filter((id) => id !== meId)

/** How many people are in each occupied room. */
export function occupancyCounts(s: Whereabouts, meId: string | null): Map<string, number> {
  const counts = new Map<string, number>()
  for (const room of new Set([...Object.keys(s.occupancy), ...(s.self.room ? [s.self.room] : [])])) {
    const n = occupantsOf(s, room, meId).length
    if (n > 0) counts.set(room, n)
  }
  return counts
}
