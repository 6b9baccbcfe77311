/**
 * Says who enters or leaves the room you are in, for screen-reader users (and as a quiet log).
 * Who is inside is the server's occupancy and names are the directory's: a peer claiming the room
 * is announced by nobody.
 */
import { useEffect, useRef, useState } from 'react'
import { useFloor, usePresence, useSession } from '../app/context.tsx'
import { displayName, othersIn } from '../stores/presence/selectors.ts'

export function RoomAnnouncer() {
  const occupancy = usePresence((s) => s.occupancy)
  const room = usePresence((s) => s.self.room)
  const members = useFloor((s) => s.members)
  const me = useSession((s) => s.me?.id ?? null)
  const [message, setMessage] = useState('')
  const inside = useRef<{ room: string | null; people: Map<string, string> } | null>(null)

  useEffect(() => {
    const ids = room ? othersIn({ occupancy, self: { room } }, room, me) : []
    const people = new Map(ids.map((id) => [id, displayName(members, id)]))
    const before = inside.current
    inside.current = { room, people }
    // Entering a room yourself announces nothing: the call panel says who is there.
    if (!room || before?.room !== room) return
    const came = [...people].filter(([id]) => !before.people.has(id)).map(([, name]) => `${name} entered the room`)
    const went = [...before.people].filter(([id]) => !people.has(id)).map(([, name]) => `${name} left the room`)
    if (came.length || went.length) setMessage([...came, ...went].join('. '))
  }, [occupancy, members, room, me])

  return (
    <div className="visually-hidden" role="log" aria-live="polite" aria-label="Room arrivals and departures">
      {message}
    </div>
  )
}
