/** Only server notices that match the schema and the size bound reach the events store. */
import { describe, expect, it } from 'vitest'
import { MAX_COMMUNITY_NOTICE_BYTES } from '../../../../protocol/community.ts'
import { eventsStore } from '../../../../renderer/events/events-store.ts'
import { readCommunityNotice, receiveCommunityNotice } from '../../../../renderer/events/notices.ts'

const bytes = (value: unknown) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value))
const event = {
  id: 'ev_talk', title: 'Talk', description: '', hostId: 'mem_ana', roomId: 'room_meeting', startsAt: 1, endsAt: 2, capacity: 5, groupId: null, publicUrl: null, open: false, attendees: [],
}

describe('community notices', () => {
  it('put an event in the store, and take it out when it goes', () => {
    eventsStore.getState().clear()
    expect(receiveCommunityNotice(bytes({ type: 'event', event }))).toBe(true)
    expect(eventsStore.getState().events.ev_talk).toEqual(event)
    expect(receiveCommunityNotice(bytes({ type: 'event-gone', eventId: 'ev_talk' }))).toBe(true)
    expect(eventsStore.getState().events).toEqual({})
  })

  it.each([
    ['not JSON', 'not json'],
    ['an unknown type', { type: 'party', event }],
    ['a bad field', { type: 'event', event: { ...event, capacity: -1 } }],
    ['an extra-long title', { type: 'event', event: { ...event, title: 'x'.repeat(500) } }],
    ['a room that is not a room id', { type: 'event', event: { ...event, roomId: '../etc' } }],
  ])('drop %s', (_, value) => {
    expect(readCommunityNotice(bytes(value))).toBeNull()
  })

  it('drop anything over the size bound', () => {
    const big = bytes({ type: 'event', event: { ...event, description: 'x'.repeat(MAX_COMMUNITY_NOTICE_BYTES) } })
    expect(readCommunityNotice(big)).toBeNull()
  })
})
