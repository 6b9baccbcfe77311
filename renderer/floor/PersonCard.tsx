/** The actions on one person: go to them, wave, and "tell me when they are available". */
import { useEffect, useRef } from 'react'
import { useFloor, useOffice, usePresence, useSocial } from '../app/context.tsx'
import { currentFloor } from '../stores/floor/selectors.ts'
import { personName } from './labels.ts'

export function PersonCard({ id, onClose }: { id: string; onClose(): void }) {
  const office = useOffice()
  const peer = usePresence((s) => s.peers[id])
  const member = useFloor((s) => s.members[id])
  const roomName = useFloor((s) => (peer?.room ? currentFloor(s)?.rooms.find((r) => r.id === peer.room)?.name : undefined))
  const starred = useSocial((s) => s.stars.includes(id))
  const first = useRef<HTMLButtonElement>(null)
  useEffect(() => first.current?.focus(), [id])

  const name = peer?.name ?? member?.name ?? 'Someone'
  const label = peer ? personName(peer, roomName ?? null) : `${name}, offline`
  return (
    <section className="person-card" aria-label={`Actions for ${name}`} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <p>{label}</p>
      <div className="controls">
        <button ref={first} type="button" disabled={!peer} onClick={() => (office.walking.goToPerson(id), onClose())}>
          Go to {name}
        </button>
        <button type="button" disabled={!peer} onClick={() => void office.social.wave(id).finally(onClose)}>
          Wave
        </button>
        <button type="button" aria-pressed={starred} onClick={() => void office.social.toggleStar(id)}>
          {starred ? 'Stop notifying me' : 'Notify me when available'}
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </section>
  )
}
