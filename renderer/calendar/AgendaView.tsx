/**
 * The agenda: the coming days' deadlines and event occurrences, one list in time order under each
 * day's heading. Keyboard alone: one entry is in the tab order, Up and Down (Home, End) move
 * between entries, Enter opens an event (useRovingFocus.ts, one column).
 */
import { useId } from 'react'
import type { Deadline } from '../../protocol/calendar.ts'
import { clock, dayName, dayOf } from './format.ts'
import type { Item } from './items.ts'
import { useRovingFocus } from './useRovingFocus.ts'

type Entry = { kind: 'event'; at: number; item: Item } | { kind: 'deadline'; at: number; deadline: Deadline }

export function AgendaView({ items, deadlines, roomName, onOpen }: { items: readonly Item[]; deadlines: readonly Deadline[]; roomName(id: string): string; onOpen(item: Item): void }) {
  const hint = useId()
  const entries: Entry[] = [
    ...deadlines.map((d): Entry => ({ kind: 'deadline', at: dayOf(d.day), deadline: d })),
    ...items.map((item): Entry => ({ kind: 'event', at: item.startsAt, item })),
  ].sort((a, b) => a.at - b.at)
  const roving = useRovingFocus([Math.max(1, entries.length)])
  if (entries.length === 0) return <p className="calendar-empty">Nothing in the coming weeks.</p>
  let lastDay = ''
  return (
    <div className="calendar-agenda" role="group" aria-label="Agenda" aria-describedby={hint} onKeyDown={roving.onKeyDown}>
      <p id={hint} className="calendar-hint">
        Up and Down move between entries, Enter opens an event.
      </p>
      <ul>
        {entries.map((e, i) => {
          const day = dayName(e.at)
          const heading = day !== lastDay ? day : null
          lastDay = day
          return (
            <li key={e.kind === 'event' ? e.item.key : e.deadline.id}>
              {heading && <h3>{heading}</h3>}
              {e.kind === 'deadline' ? (
                <button type="button" className="calendar-deadline" {...roving.cell(0, i)}>
                  Deadline: {e.deadline.title}
                </button>
              ) : (
                <button
                  type="button"
                  className="calendar-event"
                  aria-label={`${e.item.event.title}, ${day}, ${clock(e.item.startsAt)}–${clock(e.item.endsAt)}, ${roomName(e.item.event.roomId)}`}
                  onClick={() => onOpen(e.item)}
                  {...roving.cell(0, i)}
                >
                  <span className="calendar-time">
                    {clock(e.item.startsAt)}–{clock(e.item.endsAt)}
                  </span>{' '}
                  {e.item.event.title} · {roomName(e.item.event.roomId)}
                </button>
              )}
            </li>
          )
        })}
      </ul>
    </div>
  )
}
