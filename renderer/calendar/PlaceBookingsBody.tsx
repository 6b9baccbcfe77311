/** A bookable room's bookings of today and the coming week, on its card ("Booked 14:00–15:00 by …"), with Book this room. */
import { useState } from 'react'
import { useStore } from 'zustand'
import { DAY_MS } from '../../protocol/occurrences.ts'
import { useFloor, useSession } from '../app/context.tsx'
import { bookedText, bookingsIn } from '../events/booking.ts'
import { EventsProvider } from '../events/context.tsx'
import { eventsStore } from '../events/events-store.ts'
import { NewEventDialog } from '../events/NewEventDialog.tsx'
import { useCommunityApi } from '../events/useCommunityApi.ts'
import { shortDay } from './format.ts'

export function PlaceBookingsBody({ roomId, name }: { roomId: string; name: string }) {
  const floors = useFloor((s) => s.floors)
  const members = useFloor((s) => s.members)
  const me = useSession((s) => s.me)
  const events = useStore(eventsStore, (s) => s.events)
  const now = useStore(eventsStore, (s) => s.now)
  const api = useCommunityApi()
  const [booking, setBooking] = useState(false)
  const room = floors.flatMap((f) => f.rooms).find((r) => r.id === roomId)
  if (!room?.bookable) return null
  const list = bookingsIn(events, roomId, now, now + 7 * DAY_MS).slice(0, 8)
  return (
    <section className="place-bookings" aria-label={`Bookings of ${name}`}>
      <h3>Bookings</h3>
      {list.length === 0 ? (
        <p>Free all week.</p>
      ) : (
        <ul>
          {list.map((b) => (
            <li key={`${b.event.id}@${b.startsAt}`}>
              {shortDay(b.startsAt)}: {bookedText(b, members)} ({b.event.title})
            </li>
          ))}
        </ul>
      )}
      {me && me.role !== 'guest' && api && (
        <button type="button" onClick={() => setBooking(true)}>
          Book {name}
        </button>
      )}
      {booking && api && (
        <EventsProvider api={api}>
          <NewEventDialog roomId={roomId} onClose={() => setBooking(false)} />
        </EventsProvider>
      )}
    </section>
  )
}
