/** What the week and agenda views show: each occurrence of an event in a span, and deadlines, by day. */
import { occurrences } from '../../protocol/occurrences.ts'
import type { Deadline } from '../../protocol/calendar.ts'
import type { CommunityEvent } from '../../protocol/community.ts'
import { seriesOf } from '../events/occurrence.ts'
import { dayOf } from './format.ts'

export interface Item {
  /** The event and, for a weekly one, which occurrence. */
  key: string
  event: CommunityEvent
  startsAt: number
  endsAt: number
}

/** The occurrences of `events` that overlap [from, to), by start. */
export function itemsIn(events: readonly CommunityEvent[], from: number, to: number): Item[] {
  return events
    .flatMap((event) => occurrences(seriesOf(event), from, to).map((o) => ({ key: `${event.id}@${o.startsAt}`, event, ...o })))
    .sort((a, b) => a.startsAt - b.startsAt || a.event.title.localeCompare(b.event.title))
}

/** The items and deadlines of each day starting at `days` (local midnights; the last day ends at `end`). */
export function byDay<T extends { startsAt: number; endsAt: number }>(days: readonly number[], end: number, items: readonly T[]): T[][] {
  return days.map((d, i) => {
    const next = days[i + 1] ?? end
    return items.filter((it) => it.startsAt < next && it.endsAt > d)
  })
}

export const deadlinesOn = (deadlines: readonly Deadline[], day: number) => deadlines.filter((d) => dayOf(d.day) === day)
