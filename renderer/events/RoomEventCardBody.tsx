/**
 * The card on a room (see RoomEventCard.tsx), from the events store: the event running there
 * ("Live"), and on a room hosts made bookable (issue 14) its booking now or next today, "Booked
 * 14:00–15:00 by Ada Lovelace", in this device's time.
 */
import { useStore } from 'zustand'
import type { Room } from '../../protocol/floor/records.ts'
import { useFloor } from '../app/context.tsx'
import { eventsStore, runningIn } from './events-store.ts'
import { bookingOf, bookedText } from './booking.ts'
import { occurrenceAt } from './occurrence.ts'

export function RoomEventCardBody({ room }: { room: Room }) {
  const event = useStore(eventsStore, (s) => runningIn(s, room.id))
  const events = useStore(eventsStore, (s) => (room.bookable ? s.events : null))
  const now = useStore(eventsStore, (s) => s.now)
  const members = useFloor((s) => s.members)
  const booking = events ? bookingOf(events, room.id, now) : null
  if (!event && !booking) return null
  const o = event ? occurrenceAt(event, now) : null
  const ends = o ? new Date(o.endsAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : ''
  const booked = booking ? bookedText(booking, members) : ''
  const label = [event ? `Now in ${room.name}: ${event.title}, until ${ends}` : '', booked].filter(Boolean).join('. ')
  return (
    <span className="room-event-card" role="note" aria-label={label} style={{ left: room.x + 10, top: room.y + 34, maxWidth: Math.max(60, room.width - 20) }}>
      {event && (
        <>
          <span className="room-event-live">Live</span> {event.title}
        </>
      )}
      {event && booking && ' · '}
      {booked}
    </span>
  )
}
