/**
 * Issue 14: on a place's card, what the people there are working on. A room's people are those
 * the server's occupancy puts in it (this member where the walker put them), never a peer's
 * claim; a desk's is whoever it is assigned to. Guests see no board, so none here either.
 */
import { useShallow } from 'zustand/react/shallow'
import { useFloor, usePresence, useSession } from '../app/context.tsx'
import type { Place } from '../places/place.ts'
import { displayName, occupantsOf } from '../stores/presence/selectors.ts'
import { useBoard } from './board-store.ts'
import { EntryView } from './EntryView.tsx'
import './board.css'

export function PlaceBoard({ place }: { place: Place }) {
  const me = useSession((s) => s.me)
  const meId = me?.id ?? null
  const inRoom = usePresence(useShallow((s) => (place.kind === 'room' ? occupantsOf(s, place.id, meId) : [])))
  const members = useFloor((s) => s.members)
  const entries = useBoard((s) => s.entries)
  if (!me || me.role === 'guest') return null
  const people = (place.kind === 'room' ? inRoom : place.ownerId ? [place.ownerId] : []).filter((id) => members[id]?.role !== 'guest')
  const empty = place.kind === 'room' ? 'Nobody is in this room.' : 'This desk is nobody’s.'
  return (
    <section className="place-board" aria-label="Working on here">
      <h3>Working on</h3>
      {people.length === 0 ? (
        <p className="board-quiet">{empty}</p>
      ) : (
        <ul className="board-people">
          {people.map((id) => {
            const name = displayName(members, id)
            return (
              <li key={id} className="board-person" aria-label={name}>
                <strong>
                  <bdi>{name}</bdi>
                </strong>
                <EntryView entry={entries[id]} name={name} />
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
