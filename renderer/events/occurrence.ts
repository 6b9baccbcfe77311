/**
 * Occurrences of events as the renderer needs them (issue 14): the one running at a moment, and the
 * next one not yet ended (for reminders and the clock), from protocol/calendar.ts's arithmetic. A
 * weekly event's reminder is per occurrence, so its key carries the start.
 */
import { occurrences, WEEK_MS, type Occurrence, type Series } from '../../protocol/occurrences.ts'
import type { CommunityEvent } from '../../protocol/community.ts'

export const seriesOf = (e: CommunityEvent): Series => ({ startsAt: e.startsAt, endsAt: e.endsAt, repeat: e.repeat ? { until: e.repeat.until } : null })

/** The occurrence of `e` running at `now`, or null. */
export const occurrenceAt = (e: CommunityEvent, now: number): Occurrence | null => occurrences(seriesOf(e), now, now + 1)[0] ?? null

/** The first occurrence of `e` that has not ended at `now`, or null. */
export function nextOccurrence(e: CommunityEvent, now: number): Occurrence | null {
  if (!e.repeat) return e.endsAt > now ? { startsAt: e.startsAt, endsAt: e.endsAt } : null
  return occurrences(seriesOf(e), now, Math.max(now, e.startsAt) + WEEK_MS + (e.endsAt - e.startsAt))[0] ?? null
}

/** `e` with the times of one of its occurrences. */
export const at = (e: CommunityEvent, o: Occurrence): CommunityEvent => (o.startsAt === e.startsAt ? e : { ...e, startsAt: o.startsAt, endsAt: o.endsAt })

/** What a reminder is remembered by: the event, and for a weekly one the occurrence. */
export const reminderKey = (e: CommunityEvent, o: Occurrence) => (e.repeat ? `${e.id}@${o.startsAt}` : e.id)
