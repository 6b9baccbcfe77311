/** Reminders fall due 5 minutes before an event the member RSVPed to, once, and stop when it ends; the clock ticks at each change. */
import { describe, expect, it } from 'vitest'
import type { CommunityEvent } from '../../../../protocol/community.ts'
import { runningIn } from '../../../../renderer/events/events-store.ts'
import { dueReminders, nextChange } from '../../../../renderer/events/reminders.ts'

const MIN = 60_000
const event = (id: string, startsAt: number, attendees: string[] = ['mem_ana'], roomId = 'room_meeting'): CommunityEvent => ({
  id, title: id, description: '', hostId: null, roomId, startsAt, endsAt: startsAt + 60 * MIN, capacity: 10, groupId: null, publicUrl: null, open: false, attendees,
})

describe('dueReminders', () => {
  const talk = event('ev_talk', 100 * MIN)
  it.each([
    ['6 minutes before', 94 * MIN, []],
    ['5 minutes before', 95 * MIN, ['ev_talk']],
    ['while it runs', 130 * MIN, ['ev_talk']],
    ['once it has ended', 160 * MIN, []],
  ])('%s', (_, now, due) => {
    expect(dueReminders([talk], 'mem_ana', now, new Set()).map((e) => e.id)).toEqual(due)
  })
  it('only for events the member RSVPed to, and once', () => {
    expect(dueReminders([talk], 'mem_bo', 96 * MIN, new Set())).toEqual([])
    expect(dueReminders([talk], 'mem_ana', 96 * MIN, new Set(['ev_talk']))).toEqual([])
  })
})

describe('nextChange', () => {
  it('is the next reminder, start or end after now', () => {
    const talk = event('ev_talk', 100 * MIN)
    expect(nextChange([talk], 0)).toBe(95 * MIN)
    expect(nextChange([talk], 95 * MIN)).toBe(100 * MIN)
    expect(nextChange([talk], 100 * MIN)).toBe(160 * MIN)
    expect(nextChange([talk], 160 * MIN)).toBeNull()
  })
})

describe('runningIn', () => {
  it('is the event running in the room now, if any', () => {
    const events = { a: event('a', 10 * MIN), b: event('b', 0, [], 'room_lounge') }
    expect(runningIn({ events, now: 5 * MIN }, 'room_meeting')).toBeNull()
    expect(runningIn({ events, now: 10 * MIN }, 'room_meeting')?.id).toBe('a')
    expect(runningIn({ events, now: 70 * MIN }, 'room_meeting')).toBeNull()
    expect(runningIn({ events, now: 5 * MIN }, 'room_lounge')?.id).toBe('b')
  })
})

describe('weekly events (issue 14)', () => {
  const WEEK = 7 * 24 * 60 * MIN
  const weekly = { ...event('ev_standup', 100 * MIN), repeat: { weekly: true as const, until: 100 * MIN + 2 * WEEK } }
  it('remind before each occurrence, once each, with that occurrence’s times', () => {
    const due = dueReminders([weekly], 'mem_ana', 95 * MIN + WEEK, new Set())
    expect(due.map((e) => [e.id, e.startsAt, e.endsAt])).toEqual([['ev_standup', 100 * MIN + WEEK, 160 * MIN + WEEK]])
    expect(dueReminders([weekly], 'mem_ana', 95 * MIN + WEEK, new Set([`ev_standup@${100 * MIN + WEEK}`]))).toEqual([])
    expect(dueReminders([weekly], 'mem_ana', 95 * MIN + 3 * WEEK, new Set())).toEqual([])
  })
  it('run in their room in each occurrence, and tick at the next one', () => {
    expect(runningIn({ events: { s: weekly }, now: 130 * MIN + 2 * WEEK }, 'room_meeting')?.id).toBe('ev_standup')
    expect(runningIn({ events: { s: weekly }, now: 130 * MIN + 3 * WEEK }, 'room_meeting')).toBeNull()
    expect(nextChange([weekly], 200 * MIN)).toBe(95 * MIN + WEEK)
  })
})
