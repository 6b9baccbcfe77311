/** One occurrence of an event, opened from the week or the agenda: when, where, who; answer yes, maybe or no; Go to room. */
import type { Answer } from '../../protocol/calendar.ts'
import { useFloor, useOffice, useSession } from '../app/context.tsx'
import { eventsStore } from '../events/events-store.ts'
import { describeError } from '../ui/errors.ts'
import type { CalendarApi } from './calendar-api.ts'
import { clock, dayName } from './format.ts'
import type { Item } from './items.ts'

const answers: { answer: Answer; label: string }[] = [
  { answer: 'yes', label: 'Yes' },
  { answer: 'maybe', label: 'Maybe' },
  { answer: 'no', label: 'No' },
]

export function EventDetails({ item, api, onClose, onError }: { item: Item; api: CalendarApi; onClose(): void; onError(text: string | null): void }) {
  const office = useOffice()
  const me = useSession((s) => s.me)
  const members = useFloor((s) => s.members)
  const floors = useFloor((s) => s.floors)
  // The live record (an answer or a notice may have changed it since the item was made).
  const e = eventsStore.getState().events[item.event.id] ?? item.event
  if (!me) return null
  const room = floors.flatMap((f) => f.rooms).find((r) => r.id === e.roomId)
  const mine: Answer | null = e.attendees.includes(me.id) ? 'yes' : e.maybe?.includes(me.id) ? 'maybe' : e.declined?.includes(me.id) ? 'no' : null
  const answer = (a: Answer) => {
    onError(null)
    api.answer(e.id, a).then((changed) => eventsStore.getState().putEvent(changed), (err: unknown) => onError(describeError(err)))
  }
  const names = (ids: readonly string[] = []) => ids.map((id) => members[id]?.name ?? 'someone').join(', ')
  return (
    <section className="calendar-details" aria-label={`About ${e.title}`} onKeyDown={(ev) => ev.key === 'Escape' && onClose()}>
      <h3>{e.title}</h3>
      <p>
        {dayName(item.startsAt)}, {clock(item.startsAt)}–{clock(item.endsAt)} · {room?.name ?? 'a room'}
        {e.repeat && ' · every week'}
        {e.hostId && members[e.hostId] && ` · by ${members[e.hostId]!.name}`}
      </p>
      {e.description && <p>{e.description}</p>}
      {e.attendees.length > 0 && <p>Going: {names(e.attendees)}</p>}
      {(e.invited?.length ?? 0) > 0 && <p>Invited: {names(e.invited)}</p>}
      {me.role !== 'guest' && (
        <div role="group" aria-label={`Your answer to ${e.title}`} className="calendar-answers">
          {answers.map(({ answer: a, label }) => (
            <button key={a} type="button" aria-pressed={mine === a} onClick={() => answer(a)}>
              {label}
            </button>
          ))}
        </div>
      )}
      <div className="calendar-answers">
        <button type="button" onClick={() => office.walking.goToRoom(e.roomId)}>
          Go to room
        </button>
        <button type="button" aria-label={`Close ${e.title}`} onClick={onClose}>
          Close
        </button>
      </div>
    </section>
  )
}
