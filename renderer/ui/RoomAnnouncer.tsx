/** Says who enters or leaves the room you are in, for screen-reader users (and as a quiet log). */
import { useEffect, useRef, useState } from 'react'
import { usePresence, useSession } from '../app/context.tsx'

export function RoomAnnouncer() {
  const peers = usePresence((s) => s.peers)
  const room = usePresence((s) => s.self.room)
  const me = useSession((s) => s.me?.id)
  const [message, setMessage] = useState('')
  const inside = useRef<{ room: string | null; people: Map<string, string> } | null>(null)

  useEffect(() => {
    const people = new Map(Object.values(peers).filter((p) => room && p.room === room && p.id !== me).map((p) => [p.id, p.name]))
    const before = inside.current
    inside.current = { room, people }
    // Entering a room yourself announces nothing: the call panel says who is there.
    if (!room || before?.room !== room) return
    const came = [...people].filter(([id]) => !before.people.has(id)).map(([, name]) => `${name} entered the room`)
    const went = [...before.people].filter(([id]) => !people.has(id)).map(([, name]) => `${name} left the room`)
    if (came.length || went.length) setMessage([...came, ...went].join('. '))
  }, [peers, room, me])

  return (
    <div className="visually-hidden" role="log" aria-live="polite" aria-label="Room arrivals and departures">
      {message}
    </div>
  )
}
