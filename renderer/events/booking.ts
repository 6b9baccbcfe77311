/**
 * A bookable room's booking to show on it and at its door (issue 14): the occurrence running now,
 * else the next one starting today, with who booked it.
 */
import type { Member } from '../../protocol/api.ts'
import type { CommunityEvent } from '../../protocol/community.ts'
import { occurrences } from '../../protocol/occurrences.ts'
import { seriesOf } from './occurrence.ts'

export interface Booking {
  event: CommunityEvent
  startsAt: number
  endsAt: number
}

/** The bookings of `roomId` overlapping [from, to), by start. */
export function bookingsIn(events: Record<string, CommunityEvent>, roomId: string, from: number, to: number): Booking[] {
  return Object.values(events)
    .filter((e) => e.roomId === roomId)
    .flatMap((event) => occurrences(seriesOf(event), from, to).map((o) => ({ event, ...o })))
    .sort((a, b) => a.startsAt - b.startsAt)
}

/** Now, or next today (local time). */
export function bookingOf(events: Record<string, CommunityEvent>, roomId: string, now: number): Booking | null {
  const midnight = new Date(now)
  midnight.setHours(24, 0, 0, 0)
  return bookingsIn(events, roomId, now, midnight.getTime())[0] ?? null
}

const clockFormat = new Intl.DateTimeFormat([], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
const clock = (ms: number) => clockFormat.format(ms)

/** "Booked 14:00–15:00 by Ada Lovelace". */
export const bookedText = (b: Booking, members: Record<string, Pick<Member, 'name'>>) =>
  `Booked ${clock(b.startsAt)}–${clock(b.endsAt)} by ${(b.event.hostId && members[b.event.hostId]?.name) || 'someone'}`
