/**
 * Says who enters or leaves the room you are in, raises a hand or reacts, for screen-reader users
 * (and as a quiet log). Who is inside is the server's occupancy and names are the directory's: a
 * peer claiming the room is announced by nobody, and a peer's hands and reactions only while the
 * server has them in this room (reactions come already throttled by the lobby service).
 */
import { useEffect, useRef, useState } from 'react'
import { useFloor, usePresence, useSession, useSocial } from '../app/context.tsx'
import { displayName, othersIn } from '../stores/presence/selectors.ts'
import type { SocialState } from '../stores/social/store.ts'

/** Lines kept in the log: each new one is announced once, older ones only make room. */
const KEEP = 4

interface Seen {
  room: string | null
  people: Map<string, string>
  hands: SocialState['hands']
  reactions: SocialState['reactions']
}

export function RoomAnnouncer() {
  const occupancy = usePresence((s) => s.occupancy)
  const room = usePresence((s) => s.self.room)
  const hands = useSocial((s) => s.hands)
  const reactions = useSocial((s) => s.reactions)
  const members = useFloor((s) => s.members)
  const me = useSession((s) => s.me?.id ?? null)
  const [lines, setLines] = useState<{ id: number; text: string }[]>([])
  const seen = useRef<Seen | null>(null)
  const next = useRef(0)

  useEffect(() => {
    const ids = room ? othersIn({ occupancy, self: { room } }, room, me) : []
    const people = new Map(ids.map((id) => [id, displayName(members, id)]))
    const before = seen.current
    seen.current = { room, people, hands, reactions }
    // Entering a room yourself announces nothing: the call panel says who is there.
    if (!room || before?.room !== room) return
    const came = [...people].filter(([id]) => !before.people.has(id)).map(([, name]) => `${name} entered the room`)
    const went = [...before.people].filter(([id]) => !people.has(id)).map(([, name]) => `${name} left the room`)
    const raised = [...people].filter(([id]) => hands[id]?.room === room && before.hands[id]?.room !== room).map(([, name]) => `${name} raised their hand`)
    const reacted = [...people].flatMap(([id, name]) => {
      const r = reactions[id]
      return r && r !== before.reactions[id] ? [`${name} reacted ${r.emoji}`] : []
    })
    const said = [...came, ...went, ...raised, ...reacted]
    if (said.length) setLines((l) => [...l, { id: next.current++, text: said.join('. ') }].slice(-KEEP))
  }, [occupancy, members, room, me, hands, reactions])

  return (
    <div className="visually-hidden" role="log" aria-live="polite" aria-label="Room arrivals and departures">
      {lines.map((l) => (
        <p key={l.id}>{l.text}</p>
      ))}
    </div>
  )
}
