import { useMemo } from 'react'
import { useFloor, usePresence, useSession, useSocial } from '../app/context.tsx'
import { personName, presenceLabel } from '../floor/labels.ts'
import { currentFloor } from '../stores/floor/selectors.ts'
import { displayName, roomsByMember } from '../stores/presence/selectors.ts'
import type { PresenceState } from '../stores/presence/store.ts'
import { useStableSelector } from './useStableValue.ts'

const formatSeen = (at: number) => {
  const minutes = Math.round((Date.now() - at) / 60_000)
  if (minutes < 1) return 'just now'
  if (minutes < 60) return `${minutes} min ago`
  return new Date(at).toLocaleString(undefined, { weekday: 'short', hour: '2-digit', minute: '2-digit' })
}

type Peers = PresenceState['peers']

/** The same people with the same status: what the list shows of a peer (where they stand on the floor it does not). */
const sameListing = (a: Peers, b: Peers) => {
  const ids = Object.keys(a)
  if (ids.length !== Object.keys(b).length) return false
  return ids.every((id) => {
    const [p, q] = [a[id]!, b[id]]
    return !!q && p.status === q.status && p.statusText === q.statusText
  })
}

const byName = new Intl.Collator(undefined).compare

/**
 * Who is here and where: online people first with their status and room, then everyone offline.
 * Names come from the directory and rooms from the server's occupancy; a peer's claims are not shown.
 */
export function People() {
  const peers = usePresence(useStableSelector((s) => s.peers, sameListing))
  const occupancy = usePresence((s) => s.occupancy)
  const self = usePresence((s) => s.self)
  const me = useSession((s) => s.me)
  const members = useFloor((s) => s.members)
  const floor = useFloor(currentFloor)
  const stars = useSocial((s) => s.stars)
  const lastSeen = usePresence((s) => s.lastSeen)
  const roomNameOf = (id: string | null) => (id ? (floor?.rooms.find((r) => r.id === id)?.name ?? 'a room') : null)

  const online = useMemo(() => {
    const rooms = roomsByMember(occupancy)
    return [
      ...(me ? [{ id: me.id, name: me.name, status: self.status, statusText: self.statusText, room: self.room, self: true }] : []),
      ...Object.values(peers)
        .map((p) => ({ id: p.id, name: displayName(members, p.id), status: p.status, statusText: p.statusText, room: rooms.get(p.id) ?? null, self: false }))
        .sort((a, b) => byName(a.name, b.name)),
    ]
  }, [me, self.status, self.statusText, self.room, peers, members, occupancy])
  const offline = Object.values(members).filter((m) => m.id !== me?.id && !peers[m.id])

  return (
    <section className="people" aria-labelledby="people-title">
      <h2 id="people-title">People</h2>
      <h3>Online ({online.length})</h3>
      <ul aria-label="Online">
        {online.map((p) => {
          const where = roomNameOf(p.room)
          const label = personName(p, where, p.self)
          return (
            <li key={p.id} aria-label={label}>
              <span className={`status-dot status-${p.status}`} aria-hidden="true" /> <bdi>{p.name}</bdi>
              {p.self ? ' (you)' : ''}
              {stars.includes(p.id) ? ' ★' : ''}
              <span className="where" aria-hidden="true">
                {' '}
                {where ? (
                  <>
                    in <bdi>{where}</bdi>
                  </>
                ) : (
                  presenceLabel(p.status, false)
                )}
                {p.statusText ? (
                  <>
                    {' · '}
                    <bdi>{p.statusText}</bdi>
                  </>
                ) : null}
              </span>
            </li>
          )
        })}
      </ul>
      {offline.length > 0 && (
        <>
          <h3>Offline ({offline.length})</h3>
          <ul aria-label="Offline">
            {offline.map((m) => {
              const seen = Math.max(m.lastSeenAt ?? 0, lastSeen[m.id] ?? 0)
              return (
                <li key={m.id}>
                  <bdi>{m.name}</bdi>
                  {stars.includes(m.id) ? ' ★' : ''}
                  <span className="where"> {seen ? `last seen ${formatSeen(seen)}` : 'offline'}</span>
                </li>
              )
            })}
          </ul>
        </>
      )}
    </section>
  )
}
