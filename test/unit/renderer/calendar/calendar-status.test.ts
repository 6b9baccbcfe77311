/**
 * What the calendar's views and the status read (issue 14): the event a member said yes to that
 * runs now, weekly occurrences included; each occurrence of a week; a room's booking now or next today.
 */
import { describe, expect, it } from 'vitest'
import type { CommunityEvent } from '../../../../protocol/community.ts'
import { WEEK_MS } from '../../../../protocol/occurrences.ts'
import { itemsIn } from '../../../../renderer/calendar/items.ts'
import { acceptedRunning } from '../../../../renderer/calendar/accepted.ts'
import { bookedText, bookingOf } from '../../../../renderer/events/booking.ts'

const MIN = 60_000
const event = (id: string, startsAt: number, changes: Partial<CommunityEvent> = {}): CommunityEvent => ({
  id, title: id, description: '', hostId: 'mem_ada', roomId: 'room_meeting', startsAt, endsAt: startsAt + 60 * MIN, capacity: 10, groupId: null, publicUrl: null, open: false,
  attendees: ['mem_ana'], ...changes,
})

describe('acceptedRunning', () => {
  const standup = event('standup', 100 * MIN, { repeat: { weekly: true, until: null } })
  const other = event('other', 100 * MIN, { attendees: [] })
  it('is the event said yes to that runs now, in any of its weeks', () => {
    expect(acceptedRunning({ standup, other }, 'mem_ana', 130 * MIN + 2 * WEEK_MS)?.id).toBe('standup')
    expect(acceptedRunning({ standup, other }, 'mem_ana', 170 * MIN + 2 * WEEK_MS)).toBeNull()
    expect(acceptedRunning({ standup, other }, 'mem_bo', 130 * MIN)).toBeNull()
  })
})

describe('itemsIn', () => {
  it('has each occurrence of a weekly event in the span, by start', () => {
    const standup = event('standup', 100 * MIN, { repeat: { weekly: true, until: 100 * MIN + WEEK_MS } })
    const once = event('once', 50 * MIN + WEEK_MS)
    expect(itemsIn([standup, once], 0, 3 * WEEK_MS).map((i) => [i.event.id, i.startsAt])).toEqual([
      ['standup', 100 * MIN], ['once', 50 * MIN + WEEK_MS], ['standup', 100 * MIN + WEEK_MS],
    ])
  })
})

describe('bookingOf', () => {
  it('is the booking running now, else the next one today, with who booked it', () => {
    const noon = new Date(2026, 10, 30, 12).getTime()
    const events = { a: event('a', noon + 60 * MIN), b: event('b', noon - 30 * MIN), c: event('c', noon + 13 * 60 * MIN) }
    expect(bookingOf(events, 'room_meeting', noon)?.event.id).toBe('b')
    expect(bookingOf(events, 'room_meeting', noon + 45 * MIN)?.event.id).toBe('a')
    expect(bookingOf(events, 'room_meeting', noon + 3 * 60 * MIN)).toBeNull()
    expect(bookedText(bookingOf(events, 'room_meeting', noon)!, { mem_ada: { name: 'Ada Lovelace' } })).toMatch(/^Booked \d\d:\d\d–\d\d:\d\d by Ada Lovelace$/)
  })
})
