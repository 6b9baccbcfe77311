/** Which reminders are due: events this member RSVPed to, from REMINDER_LEAD_MS before they start until they end. */
import { REMINDER_LEAD_MS, type CommunityEvent } from '../../protocol/community.ts'

/** Events to remind `memberId` of at `now`, but those reminded of already, earliest first. */
export function dueReminders(events: readonly CommunityEvent[], memberId: string, now: number, shown: ReadonlySet<string>): CommunityEvent[] {
  return events
    .filter((e) => e.attendees.includes(memberId) && !shown.has(e.id) && e.startsAt - REMINDER_LEAD_MS <= now && now < e.endsAt)
    .sort((a, b) => a.startsAt - b.startsAt)
}

/** When the next reminder (or card change: a start or an end) falls due after `now`, or null. */
export function nextChange(events: readonly CommunityEvent[], now: number): number | null {
  const times = events.flatMap((e) => [e.startsAt - REMINDER_LEAD_MS, e.startsAt, e.endsAt]).filter((t) => t > now)
  return times.length ? Math.min(...times) : null
}
