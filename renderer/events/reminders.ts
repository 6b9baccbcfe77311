/**
 * Which reminders are due: events this member RSVPed to, from REMINDER_LEAD_MS before they start
 * until they end; for a weekly event, before each occurrence (issue 14).
 */
import { REMINDER_LEAD_MS, type CommunityEvent } from '../../protocol/community.ts'
import { at, nextOccurrence, reminderKey } from './occurrence.ts'

/** Occurrences to remind `memberId` of at `now` (with their times), but those reminded of already (by reminderKey), earliest first. */
export function dueReminders(events: readonly CommunityEvent[], memberId: string, now: number, shown: ReadonlySet<string>): CommunityEvent[] {
  return events
    .flatMap((e) => {
      const o = e.attendees.includes(memberId) ? nextOccurrence(e, now) : null
      return o && !shown.has(reminderKey(e, o)) && o.startsAt - REMINDER_LEAD_MS <= now ? [at(e, o)] : []
    })
    .sort((a, b) => a.startsAt - b.startsAt)
}

/** When the next reminder (or card change: a start or an end) falls due after `now`, or null. */
export function nextChange(events: readonly CommunityEvent[], now: number): number | null {
  const times = events.flatMap((e) => {
    const o = nextOccurrence(e, now)
    return o ? [o.startsAt - REMINDER_LEAD_MS, o.startsAt, o.endsAt] : []
  }).filter((t) => t > now)
  return times.length ? Math.min(...times) : null
}
