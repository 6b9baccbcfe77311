/**
 * The actions on one person: go to them, wave, message them, "tell me when they are available",
 * and their profile in the Directory (issue 13). Guests neither message nor see profiles.
 */
import { Suspense, useEffect, useRef } from 'react'
import { useFloor, useOffice, usePresence, useSession, useSocial } from '../app/context.tsx'
import { showChat } from '../chat/show.ts'
import { showDirectory } from '../directory/show.ts'
import { currentFloor } from '../stores/floor/selectors.ts'
import { displayName, roomOf } from '../stores/presence/selectors.ts'
import { handRaised } from '../stores/social/selectors.ts'
import { PersonText } from './PersonText.tsx'
import { lazyPart } from '../ui/lazy-part.ts'

/** Issue 14: their working-on line, from the board (loaded with the board's code, not the floor's). */
const WorkingOnLine = lazyPart(() => import('../board/WorkingOnLine.tsx').then((m) => ({ default: m.WorkingOnLine })))

export function PersonCard({ id, onClose }: { id: string; onClose(): void }) {
  const office = useOffice()
  const peer = usePresence((s) => s.peers[id])
  const me = useSession((s) => s.me?.id ?? null)
  const iAmGuest = useSession((s) => s.me?.role === 'guest')
  const theyAreGuest = useFloor((s) => s.members[id]?.role === 'guest')
  // The server's word on where they are; their name from the directory.
  const room = usePresence((s) => roomOf(s, id, me))
  const name = useFloor((s) => displayName(s.members, id))
  const roomName = useFloor((s) => (room ? currentFloor(s)?.rooms.find((r) => r.id === room)?.name : undefined))
  const starred = useSocial((s) => s.stars.includes(id))
  const hands = useSocial((s) => s.hands)
  const hand = usePresence((s) => handRaised(hands, s, id, me))
  const first = useRef<HTMLButtonElement>(null)
  useEffect(() => first.current?.focus(), [id])

  const where = room ? (roomName ?? 'a room') : null
  return (
    <section className="person-card" aria-label={`Actions for ${name}`} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <p>{peer ? <PersonText {...peer} name={name} where={where} hand={hand} /> : <><bdi>{name}</bdi>, offline</>}</p>
      <Suspense fallback={null}>
        <WorkingOnLine id={id} />
      </Suspense>
      <div className="controls">
        <button ref={first} type="button" disabled={!peer} onClick={() => (office.walking.goToPerson(id), onClose())}>
          Go to <bdi>{name}</bdi>
        </button>
        <button type="button" disabled={!peer} onClick={() => void office.social.wave(id).finally(onClose)}>
          Wave
        </button>
        {!iAmGuest && !theyAreGuest && (
          <>
            <button type="button" onClick={() => void office.chat.openDm([id]).then((c) => (showChat(), office.chat.open(c))).catch(() => undefined).finally(onClose)}>
              Message
            </button>
            <button type="button" onClick={() => (showDirectory({ kind: 'person', id }), onClose())}>
              Profile
            </button>
          </>
        )}
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
