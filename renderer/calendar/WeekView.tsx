/**
 * The week view: seven days side by side, each its day (a button: the day's cell) with its
 * deadlines and its events' occurrences in time order. Keyboard alone: one cell is in the tab order,
 * the arrow keys move between days and events, Page Up and Page Down change the week, Enter opens an
 * event (useRovingFocus.ts). Pure on its props, so the bench renders it with 500 events.
 */
import { useId, type KeyboardEvent } from 'react'
import type { Deadline } from '../../protocol/calendar.ts'
import { clock, dayName, daysOf, shortDay } from './format.ts'
import { byDay, deadlinesOn, type Item } from './items.ts'
import { useRovingFocus } from './useRovingFocus.ts'

export interface WeekProps {
  /** Local midnight of the week's Monday. */
  start: number
  /** Occurrences in the week (items.ts itemsIn). */
  items: readonly Item[]
  deadlines: readonly Deadline[]
  roomName(id: string): string
  onOpen(item: Item): void
  onWeek(delta: number): void
}

export function WeekView({ start, items, deadlines, roomName, onOpen, onWeek }: WeekProps) {
  const hint = useId()
  const days = daysOf(start)
  const end = daysOf(days[6]!)[1]!
  const perDay = byDay(days, end, items)
  const due = days.map((d) => deadlinesOn(deadlines, d))
  // Cells of a day: the day itself, its deadlines, its events.
  const roving = useRovingFocus(days.map((_, i) => 1 + due[i]!.length + perDay[i]!.length), (e: KeyboardEvent) => {
    if (e.key !== 'PageUp' && e.key !== 'PageDown') return false
    onWeek(e.key === 'PageUp' ? -1 : 1)
    return true
  })
  return (
    <div className="calendar-week" role="group" aria-label={`Week of ${dayName(start)}`} aria-describedby={hint} onKeyDown={roving.onKeyDown}>
      <p id={hint} className="calendar-hint">
        Arrow keys move between days and events, Page Up and Page Down change the week, Enter opens an event.
      </p>
      <ol className="calendar-days">
        {days.map((d, col) => (
          <li key={d} className="calendar-day" aria-label={dayName(d)}>
            <button type="button" className="calendar-day-name" aria-label={`${dayName(d)}: ${perDay[col]!.length} event${perDay[col]!.length === 1 ? '' : 's'}`} {...roving.cell(col, 0)}>
              {shortDay(d)}
            </button>
            <ul>
              {due[col]!.map((dl, i) => (
                <li key={dl.id}>
                  <button type="button" className="calendar-deadline" {...roving.cell(col, 1 + i)}>
                    Deadline: {dl.title}
                  </button>
                </li>
              ))}
              {perDay[col]!.map((it, i) => (
                <li key={it.key}>
                  <button
                    type="button"
                    className="calendar-event"
                    aria-label={`${it.event.title}, ${clock(it.startsAt)}–${clock(it.endsAt)}, ${roomName(it.event.roomId)}`}
                    onClick={() => onOpen(it)}
                    {...roving.cell(col, 1 + due[col]!.length + i)}
                  >
                    <span className="calendar-time">{clock(it.startsAt)}</span> {it.event.title}
                  </button>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </div>
  )
}
