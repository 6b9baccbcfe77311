/** Which event a member is in by the calendar: for their status (useCalendarStatus.ts). */
import type { CommunityEvent } from '../../protocol/community.ts'
import { occurrenceAt } from '../events/occurrence.ts'

/** The event `memberId` said yes to that runs at `now` (the earliest started), as stored. */
export function acceptedRunning(events: Record<string, CommunityEvent>, memberId: string, now: number): CommunityEvent | null {
  let best: { e: CommunityEvent; start: number } | null = null
  for (const e of Object.values(events)) {
    const o = e.attendees.includes(memberId) ? occurrenceAt(e, now) : null
    if (o && (!best || o.startsAt < best.start)) best = { e, start: o.startsAt }
  }
  return best?.e ?? null
}
