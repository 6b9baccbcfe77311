/** The Events region: upcoming and running events with RSVP, New event, and the interest groups. */
import { useState } from 'react'
import { useStore } from 'zustand'
import { useSession } from '../app/context.tsx'
import { describeError } from '../ui/errors.ts'
import { EventItem } from './EventItem.tsx'
import { eventsStore } from './events-store.ts'
import { Groups } from './Groups.tsx'
import { NewEventDialog } from './NewEventDialog.tsx'

export function EventsRegion({ onClose }: { onClose(): void }) {
  const me = useSession((s) => s.me)
  const events = useStore(eventsStore, (s) => s.events)
  const [creating, setCreating] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const list = Object.values(events).sort((a, b) => a.startsAt - b.startsAt || a.id.localeCompare(b.id))
  const guest = me?.role === 'guest'
  return (
    <section className="events" role="region" aria-label="Events">
      <header className="events-header">
        <h2>Events</h2>
        {!guest && (
          <button type="button" onClick={() => setCreating(true)}>
            New event
          </button>
        )}
        <button type="button" aria-label="Hide events" onClick={onClose}>
          ×
        </button>
      </header>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {list.length === 0 ? (
        <p className="events-empty">No events coming up.</p>
      ) : (
        <ul className="events-list" aria-label="Upcoming and running events">
          {list.map((e) => (
            <EventItem key={e.id} event={e} onError={(err) => setError(err === null ? null : describeError(err))} />
          ))}
        </ul>
      )}
      {!guest && <Groups />}
      {creating && <NewEventDialog onClose={() => setCreating(false)} />}
    </section>
  )
}
