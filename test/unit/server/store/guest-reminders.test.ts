/**
 * Event guests' reminder claims in both stores (a real SQLite file, a real PostgreSQL database):
 * due only within the lead before the start, only for event passes with an email; each claimed
 * once, by one of two stores racing on the same database, and never again after reopening it.
 */
import { describe, expect, it } from 'vitest'
import type { GuestPass, NewEvent } from '../../../../server/store/community-store.ts'
import type { Store } from '../../../../server/store/store.ts'
import { storeKinds } from '../../../support/stores.ts'
import { newMember, seedWorkspace } from './fixtures.ts'

const kinds = storeKinds()
const MIN = 60_000
const LEAD = 5 * MIN

const eventRecord = (id: string, startsAt: number): NewEvent => ({
  id, title: 'Talk', description: '', hostId: null, roomId: 'room_lounge', startsAt, endsAt: startsAt + 60 * MIN, capacity: 100, groupId: null, createdAt: 1,
})

async function addGuest(store: Store, ws: string, eventId: string, startsAt: number, email: string | null, source: GuestPass['source'] = 'event') {
  const guest = newMember('guest')
  const pass: GuestPass = { workspaceId: ws, memberId: guest.memberId, roomId: 'room_lounge', startsAt, endsAt: startsAt + 60 * MIN, source, sourceId: eventId, email }
  expect(await store.addGuest(guest, pass, 0)).toBe('ok')
  return guest.memberId
}

describe.each(kinds)('$name store', (kind) => {
  it('claims a reminder within the lead before its event starts, once; never a link’s pass, one without email, or a started event’s', async () => {
    const place = await kind.place()
    const store = await kind.open(place)
    const { workspaceId: ws } = await seedWorkspace(store)
    await store.createEvent(ws, eventRecord('ev_soon', 60 * MIN))
    await store.createEvent(ws, eventRecord('ev_later', 120 * MIN))
    const olga = await addGuest(store, ws, 'ev_soon', 60 * MIN, 'olga@out.example')
    const lena = await addGuest(store, ws, 'ev_later', 120 * MIN, 'lena@out.example')
    await addGuest(store, ws, 'ev_soon', 60 * MIN, null)
    await addGuest(store, ws, 'gl_1', 60 * MIN, 'link@out.example', 'link')

    expect(await store.nextGuestReminder(0, LEAD)).toBe(55 * MIN)
    expect(await store.claimGuestReminders(55 * MIN - 1, LEAD)).toEqual([])
    const claimed = await store.claimGuestReminders(55 * MIN, LEAD)
    expect(claimed).toEqual([expect.objectContaining({ memberId: olga, email: 'olga@out.example', source: 'event', sourceId: 'ev_soon', startsAt: 60 * MIN })])
    expect(await store.claimGuestReminders(56 * MIN, LEAD)).toEqual([])
    expect(await store.nextGuestReminder(56 * MIN, LEAD)).toBe(115 * MIN)
    // Reopened (a restart): still claimed.
    const again = await kind.open(place)
    expect(await again.claimGuestReminders(59 * MIN, LEAD)).toEqual([])
    // An event that has started is past its reminder: a server that was down then does not send it late.
    expect(await again.claimGuestReminders(120 * MIN, LEAD)).toEqual([])
    expect(await again.nextGuestReminder(120 * MIN, LEAD)).toBeNull()
    expect(await kind.count(place, 'guest_passes', `member_id = '${lena}' and reminded_at is null`)).toBe(1)
  })

  it('gives each reminder to exactly one of two stores claiming at once on the same database', async () => {
    const place = await kind.place()
    const [one, two] = [await kind.open(place), await kind.open(place)]
    const { workspaceId: ws } = await seedWorkspace(one)
    await one.createEvent(ws, eventRecord('ev_busy', 60 * MIN))
    const guests: string[] = []
    for (let i = 0; i < 30; i++) guests.push(await addGuest(one, ws, 'ev_busy', 60 * MIN, `g${i}@out.example`))
    const rounds = await Promise.all([one, two, one, two].map((s) => s.claimGuestReminders(57 * MIN, LEAD)))
    const ids = rounds.flat().map((p) => p.memberId)
    expect(ids.sort()).toEqual([...guests].sort())
    expect(await two.claimGuestReminders(58 * MIN, LEAD)).toEqual([])
    expect(await kind.count(place, 'guest_passes', 'reminded_at is not null')).toBe(30)
  })
})
