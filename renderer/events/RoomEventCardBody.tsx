/** The card of an event running in a room (see RoomEventCard.tsx), from the events store. */
import { useStore } from 'zustand'
import type { Room } from '../../protocol/floor/records.ts'
import { eventsStore, runningIn } from './events-store.ts'

export function RoomEventCardBody({ room }: { room: Room }) {
  const event = useStore(eventsStore, (s) => runningIn(s, room.id))
  if (!event) return null
  const ends = new Date(event.endsAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
  return (
    <span className="room-event-card" role="note" aria-label={`Now in ${room.name}: ${event.title}, until ${ends}`} style={{ left: room.x + 10, top: room.y + 34, maxWidth: Math.max(60, room.width - 20) }}>
      <span className="room-event-live">Live</span> {event.title}
    </span>
  )
}
