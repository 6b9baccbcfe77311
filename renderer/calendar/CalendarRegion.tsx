/**
 * The Calendar region: New event, the week view or the agenda (both by keyboard alone), the
 * occurrence opened from them, deadlines, the private feed and .ics import. Events are the events
 * store's (kept filled by the Events part, live); deadlines are read when the region opens.
 */
import { useEffect, useMemo, useState } from 'react'
import { useStore } from 'zustand'
import { DAY_MS, WEEK_MS } from '../../protocol/occurrences.ts'
import { useFloor, useSession } from '../app/context.tsx'
import { useEventsApi } from '../events/context.tsx'
import { eventsStore } from '../events/events-store.ts'
import { NewEventDialog } from '../events/NewEventDialog.tsx'
import { AgendaView } from './AgendaView.tsx'
import type { CalendarApi } from './calendar-api.ts'
import { Deadlines } from './Deadlines.tsx'
import { EventDetails } from './EventDetails.tsx'
import { FeedAndImport } from './FeedAndImport.tsx'
import { dayName, dayOf, daysOf, dayStart, weekStart } from './format.ts'
import { itemsIn, type Item } from './items.ts'
import { WeekView } from './WeekView.tsx'

const AGENDA_DAYS = 28

export function CalendarRegion({ api, onClose }: { api: CalendarApi; onClose(): void }) {
  const me = useSession((s) => s.me)
  const community = useEventsApi()
  const floors = useFloor((s) => s.floors)
  const events = useStore(eventsStore, (s) => s.events)
  const known = useStore(eventsStore, (s) => s.deadlines)
  const [view, setView] = useState<'week' | 'agenda'>('week')
  const [start, setStart] = useState(() => weekStart(Date.now()))
  const [open, setOpen] = useState<Item | null>(null)
  const [creating, setCreating] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const guest = me?.role === 'guest'
  useEffect(() => {
    // Read anew on opening (notices may have been missed while away); live after that.
    community.events().then((list) => eventsStore.getState().setEvents(list), () => undefined)
    if (!guest) api.deadlines().then((list) => eventsStore.getState().setDeadlines(list), () => undefined)
  }, [api, community, guest])
  const deadlines = useMemo(() => Object.values(known).sort((a, b) => a.day.localeCompare(b.day) || a.id.localeCompare(b.id)), [known])
  const rooms = useMemo(() => new Map(floors.flatMap((f) => f.rooms).map((r) => [r.id, r.name])), [floors])
  const roomName = (id: string) => rooms.get(id) ?? 'a room'
  const list = Object.values(events)
  const weekEnd = daysOf(daysOf(start)[6]!)[1]!
  const agendaFrom = Date.now()
  const agendaTo = agendaFrom + AGENDA_DAYS * DAY_MS
  // Half a day past the other Monday's midnight: a week across a clock change is an hour short or long.
  const week = (delta: number) => setStart((s) => weekStart(s + delta * WEEK_MS + DAY_MS / 2))
  return (
    <section className="calendar" role="region" aria-label="Calendar">
      <header className="calendar-header">
        <h2>Calendar</h2>
        {!guest && (
          <button type="button" onClick={() => setCreating(true)}>
            New event
          </button>
        )}
        <button type="button" aria-label="Hide the calendar" onClick={onClose}>
          ×
        </button>
      </header>
      <div className="calendar-toolbar">
        <button type="button" aria-pressed={view === 'week'} onClick={() => setView('week')}>
          Week
        </button>
        <button type="button" aria-pressed={view === 'agenda'} onClick={() => setView('agenda')}>
          Agenda
        </button>
        {view === 'week' && (
          <>
            <button type="button" aria-label="Previous week" onClick={() => week(-1)}>
              ‹
            </button>
            <span aria-live="polite">Week of {dayName(start)}</span>
            <button type="button" aria-label="Next week" onClick={() => week(1)}>
              ›
            </button>
          </>
        )}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {view === 'week' ? (
        <WeekView start={start} items={itemsIn(list, start, weekEnd)} deadlines={deadlines} roomName={roomName} onOpen={setOpen} onWeek={week} />
      ) : (
        <AgendaView
          items={itemsIn(list, agendaFrom, agendaTo)}
          deadlines={deadlines.filter((d) => dayOf(d.day) >= dayStart(agendaFrom) && dayOf(d.day) < agendaTo)}
          roomName={roomName}
          onOpen={setOpen}
        />
      )}
      {open && <EventDetails item={open} api={api} onClose={() => setOpen(null)} onError={setError} />}
      {!guest && <Deadlines api={api} deadlines={deadlines} />}
      {!guest && <FeedAndImport api={api} />}
      {creating && <NewEventDialog onClose={() => setCreating(false)} />}
    </section>
  )
}
