/** One event in the Events region: when, where, seats, RSVP; for hosts, publish and cancel. */
import { useStore } from 'zustand'
import type { CommunityEvent } from '../../protocol/community.ts'
import { atLeast } from '../../protocol/rules.ts'
import { useFloor, useSession } from '../app/context.tsx'
import { useEventsApi } from './context.tsx'
import { eventsStore } from './events-store.ts'
import { nextOccurrence } from './occurrence.ts'
import { timeOf } from './useCommunityApi.ts'

export function EventItem({ event: e, onError }: { event: CommunityEvent; onError(err: unknown): void }) {
  const api = useEventsApi()
  const me = useSession((s) => s.me)
  const floors = useFloor((s) => s.floors)
  const members = useFloor((s) => s.members)
  const group = useStore(eventsStore, (s) => (e.groupId ? s.groups[e.groupId] : undefined))
  const now = useStore(eventsStore, (s) => s.now)
  if (!me) return null
  const room = floors.flatMap((f) => f.rooms).find((r) => r.id === e.roomId)
  const going = e.attendees.includes(me.id)
  const full = e.attendees.length >= e.capacity
  const host = atLeast(me.role, 'host')
  // A weekly event shows its next occurrence (issue 14).
  const next = nextOccurrence(e, now) ?? { startsAt: e.startsAt, endsAt: e.endsAt }
  const running = next.startsAt <= now && now < next.endsAt
  const act = (work: Promise<CommunityEvent | void>) => {
    onError(null)
    work.then((changed) => changed && eventsStore.getState().putEvent(changed), onError)
  }
  return (
    <li className="event-item" aria-label={e.title}>
      <h3>
        {e.title} {running && <span className="room-event-live">Live</span>}
      </h3>
      <p className="event-when">
        {timeOf(next.startsAt)} – {timeOf(next.endsAt)}
        {e.repeat && ' · every week'} · {room?.name ?? 'a room'}
        {group && ` · ${group.name}`}
        {e.hostId && members[e.hostId] && ` · hosted by ${members[e.hostId]!.name}`}
      </p>
      {e.description && <p className="event-description">{e.description}</p>}
      <p className="event-seats">
        {e.attendees.length}/{e.capacity} going{going && ' · you are going'}
      </p>
      {me.role !== 'guest' && (
        <button type="button" aria-label={going ? `Cancel RSVP to ${e.title}` : `RSVP to ${e.title}`} disabled={!going && full} onClick={() => act(api.rsvp(e.id, !going))}>
          {going ? 'Cancel RSVP' : full ? 'Full' : 'RSVP'}
        </button>
      )}
      {host && !e.open && (
        <button type="button" aria-label={`Publish ${e.title} with a public link`} onClick={() => act(api.publish(e.id))}>
          Publish
        </button>
      )}
      {e.publicUrl && (
        <p className="event-link">
          Public link: <input readOnly aria-label={`Public link of ${e.title}`} value={e.publicUrl} onFocus={(ev) => ev.currentTarget.select()} />
        </p>
      )}
      {(host || e.hostId === me.id) && (
        <button
          type="button"
          aria-label={`Cancel ${e.title}`}
          onClick={() => act(api.cancelEvent(e.id).then(() => eventsStore.getState().dropEvent(e.id)))}
        >
          Cancel event
        </button>
      )}
    </li>
  )
}
