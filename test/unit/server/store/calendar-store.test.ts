/**
 * The calendar in both stores (a real SQLite file, a real PostgreSQL database): weekly series that
 * stay listed until their last occurrence, invites and answers (a yes is an RSVP, maybe and no give
 * the seat up), bookings refused when an occurrence overlaps another booking of the room, all-day
 * deadlines, and feeds found by the hash of their token until revoked or replaced.
 */
import { describe, expect, it } from 'vitest'
import { WEEK_MS } from '../../../../protocol/calendar.ts'
import type { NewEvent } from '../../../../server/store/community-store.ts'
import { storeKinds } from '../../../support/stores.ts'
import { inviteRecord, newMember, seedWorkspace } from './fixtures.ts'

const kinds = storeKinds()
const MIN = 60_000
const HOUR = 60 * MIN

const eventRecord = (changes: Partial<NewEvent> = {}): NewEvent => ({
  id: 'ev_standup', title: 'Standup', description: '', hostId: null, roomId: 'room_meeting', startsAt: 10 * HOUR, endsAt: 11 * HOUR,
  capacity: 5, groupId: null, createdAt: 1, ...changes,
})

describe.each(kinds)('$name store', (kind) => {
  const withMembers = async () => {
    const store = await kind.open()
    const { workspaceId: ws, ownerId } = await seedWorkspace(store)
    const bo = newMember()
    await store.createInvite('c_bo', inviteRecord(ws))
    await store.acceptInvite('c_bo', bo, 2)
    return { store, ws, ownerId, bo: bo.memberId }
  }

  it('keeps a weekly series listed until its last occurrence ends, with its invites', async () => {
    const { store, ws, ownerId, bo } = await withMembers()
    await store.createEvent(ws, eventRecord({ hostId: ownerId, repeat: { until: 10 * HOUR + 2 * WEEK_MS }, invited: [bo] }))
    expect(await store.getEvent(ws, 'ev_standup')).toMatchObject({ repeat: { until: 10 * HOUR + 2 * WEEK_MS }, invited: [bo], attendees: [], maybe: [], declined: [] })
    expect((await store.listEvents(ws, 12 * HOUR + WEEK_MS)).map((e) => e.id)).toEqual(['ev_standup'])
    expect(await store.listEvents(ws, 11 * HOUR + 2 * WEEK_MS)).toEqual([])
    // RSVPs follow the series' end, not the first occurrence's.
    expect(await store.rsvp(ws, 'ev_standup', bo, 12 * HOUR + WEEK_MS)).toBe('ok')
    await store.removeMember(ws, bo, 5)
    expect(await store.getEvent(ws, 'ev_standup')).toMatchObject({ invited: [], attendees: [] })
  })

  it('answers yes, maybe and no: a yes takes a seat, maybe and no give it up', async () => {
    const { store, ws, ownerId, bo } = await withMembers()
    await store.createEvent(ws, eventRecord({ capacity: 1 }))
    expect(await store.answerEvent(ws, 'ev_standup', bo, 'maybe', 1)).toBe('ok')
    expect(await store.getEvent(ws, 'ev_standup')).toMatchObject({ attendees: [], maybe: [bo], declined: [] })
    expect(await store.answerEvent(ws, 'ev_standup', bo, 'yes', 2)).toBe('ok')
    expect(await store.getEvent(ws, 'ev_standup')).toMatchObject({ attendees: [bo], maybe: [], declined: [] })
    expect(await store.answerEvent(ws, 'ev_standup', ownerId, 'yes', 3)).toBe('full')
    expect(await store.answerEvent(ws, 'ev_standup', bo, 'no', 4)).toBe('ok')
    expect(await store.getEvent(ws, 'ev_standup')).toMatchObject({ attendees: [], maybe: [], declined: [bo] })
    expect(await store.answerEvent(ws, 'ev_standup', bo, 'no', 12 * HOUR)).toBe('ended')
    expect(await store.answerEvent(ws, 'ev_none', bo, 'maybe', 4)).toBe('not-found')
  })

  it('refuses a booking that overlaps another of the room, weekly occurrences included', async () => {
    const { store, ws } = await withMembers()
    expect(await store.createBooking(ws, eventRecord({ repeat: { until: null } }), 0)).toBeNull()
    // Three weeks later, 10:30–11:30 overlaps the series' occurrence.
    const later = eventRecord({ id: 'ev_review', title: 'Review', startsAt: 10.5 * HOUR + 3 * WEEK_MS, endsAt: 11.5 * HOUR + 3 * WEEK_MS })
    expect(await store.createBooking(ws, later, 0)).toMatchObject({ id: 'ev_standup', title: 'Standup' })
    // Right after it, or in another room, is free.
    expect(await store.createBooking(ws, { ...later, startsAt: 11 * HOUR + 3 * WEEK_MS, endsAt: 12 * HOUR + 3 * WEEK_MS }, 0)).toBeNull()
    expect(await store.createBooking(ws, eventRecord({ id: 'ev_other', roomId: 'room_lounge' }), 0)).toBeNull()
    expect((await store.listEvents(ws, 0)).map((e) => e.id).sort()).toEqual(['ev_other', 'ev_review', 'ev_standup'])
  })

  it('makes exactly one of several bookings racing for one slot', async () => {
    const { store, ws } = await withMembers()
    const racing = ['ev_a', 'ev_b', 'ev_c', 'ev_d'].map((id, i) => store.createBooking(ws, eventRecord({ id, startsAt: 10 * HOUR + i * MIN, endsAt: 11 * HOUR }), 0))
    const outcomes = await Promise.all(racing)
    expect(outcomes.filter((o) => o === null)).toHaveLength(1)
    expect(await store.listEvents(ws, 0)).toHaveLength(1)
  })

  it('keeps deadlines by day, for a company or the whole space', async () => {
    const { store, ws, ownerId } = await withMembers()
    await store.createDeadline(ws, { id: 'dl_b', title: 'Taxes', day: '2027-04-30', companyId: null, createdBy: ownerId, createdAt: 1 })
    await store.createDeadline(ws, { id: 'dl_a', title: 'Launch', day: '2027-03-01', companyId: 'co_acme', createdBy: null, createdAt: 2 })
    expect((await store.listDeadlines(ws)).map((d) => [d.id, d.companyId])).toEqual([['dl_a', 'co_acme'], ['dl_b', null]])
    expect(await store.getDeadline(ws, 'dl_b')).toMatchObject({ title: 'Taxes', day: '2027-04-30', createdBy: ownerId })
    expect(await store.deleteDeadline(ws, 'dl_b')).toBe(true)
    expect(await store.deleteDeadline(ws, 'dl_b')).toBe(false)
  })

  it('finds a feed by its token hash until it is replaced or revoked', async () => {
    const { store, ws, bo } = await withMembers()
    await store.setFeed(ws, bo, 'hash_one', 5)
    expect(await store.feedByToken('hash_one')).toEqual({ workspaceId: ws, memberId: bo, createdAt: 5 })
    await store.setFeed(ws, bo, 'hash_two', 6)
    expect(await store.feedByToken('hash_one')).toBeNull()
    expect(await store.getFeed(ws, bo)).toEqual({ workspaceId: ws, memberId: bo, createdAt: 6 })
    expect(await store.revokeFeed(ws, bo)).toBe(true)
    expect(await store.feedByToken('hash_two')).toBeNull()
    expect(await store.getFeed(ws, bo)).toBeNull()
  })
})
