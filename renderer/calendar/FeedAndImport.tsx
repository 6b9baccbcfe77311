/**
 * The private iCalendar feed (make an address, copy it, revoke it: its address is shown once, when
 * made) and .ics import into a room.
 */
import { useEffect, useState, type FormEvent } from 'react'
import type { Feed } from '../../protocol/calendar.ts'
import { useFloor } from '../app/context.tsx'
import { eventsStore } from '../events/events-store.ts'
import { describeError } from '../ui/errors.ts'
import type { CalendarApi } from './calendar-api.ts'

export function FeedAndImport({ api }: { api: CalendarApi }) {
  const floors = useFloor((s) => s.floors)
  const rooms = floors.flatMap((f) => f.rooms)
  const [feed, setFeed] = useState<Feed | null>(null)
  const [status, setStatus] = useState<string | null>(null)
  useEffect(() => {
    api.feed().then(setFeed, () => undefined)
  }, [api])
  const act = (work: Promise<unknown>) => work.catch((err: unknown) => setStatus(describeError(err)))
  const copy = (url: string) => act(navigator.clipboard.writeText(url).then(() => setStatus('Feed address copied.')))
  const importFile = (ev: FormEvent<HTMLFormElement>) => {
    ev.preventDefault()
    const d = new FormData(ev.currentTarget)
    const file = d.get('file')
    if (!(file instanceof File) || file.size === 0) return setStatus('Choose an .ics file first.')
    act(file.text().then((text) => api.importIcs(text, String(d.get('room')))).then(({ events, skipped }) => {
      for (const e of events) eventsStore.getState().putEvent(e)
      setStatus(`Imported ${events.length} event${events.length === 1 ? '' : 's'}${skipped ? `; ${skipped} had ended and were left out` : ''}.`)
    }))
  }
  return (
    <section className="calendar-feed" aria-labelledby="calendar-feed-title">
      <h3 id="calendar-feed-title">Subscribe and import</h3>
      {feed?.url ? (
        <p>
          <input readOnly aria-label="Your private feed address" value={feed.url} onFocus={(e) => e.currentTarget.select()} />
          <button type="button" onClick={() => void copy(feed.url!)}>
            Copy feed address
          </button>
        </p>
      ) : (
        <p>{feed?.active ? 'Your private feed is on; its address was shown when you made it.' : 'No private feed yet.'}</p>
      )}
      <button type="button" onClick={() => void act(api.newFeed().then(setFeed))}>
        {feed?.active ? 'New feed address' : 'Make a feed address'}
      </button>
      {feed?.active && (
        <button type="button" onClick={() => void act(api.revokeFeed().then(() => setFeed({ url: null, active: false, createdAt: null })))}>
          Revoke feed
        </button>
      )}
      <form aria-label="Import an .ics file" onSubmit={importFile}>
        <label className="field">
          .ics file
          <input type="file" name="file" accept=".ics,text/calendar" />
        </label>
        <label className="field">
          Into room
          <select name="room">
            {rooms.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Import</button>
      </form>
      {status && <p role="status">{status}</p>}
    </section>
  )
}
