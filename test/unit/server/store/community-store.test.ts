/**
 * Community in both stores (a real SQLite file, a real PostgreSQL database): groups and their
 * members, events whose RSVPs stop at the capacity, open events found by their code, guest links
 * by the hash of their code, and guests' passes, which the sweeper finds once they have ended and
 * which go with the member.
 */
import { describe, expect, it } from 'vitest'
import type { GuestPass, NewEvent } from '../../../../server/store/community-store.ts'
import { storeKinds } from '../../../support/stores.ts'
import { inviteRecord, newMember, seedWorkspace } from './fixtures.ts'

const kinds = storeKinds()
const MIN = 60_000

const eventRecord = (changes: Partial<NewEvent> = {}): NewEvent => ({
  id: 'ev_talk', title: 'Talk', description: '', hostId: 'mem_host', roomId: 'room_lounge', startsAt: 10 * MIN, endsAt: 70 * MIN,
  capacity: 2, groupId: null, createdAt: 1, ...changes,
})

describe.each(kinds)('$name store', (kind) => {
  const withMembers = async () => {
    const store = await kind.open()
    const { workspaceId: ws, ownerId } = await seedWorkspace(store)
    const [bo, cy] = [newMember(), newMember()]
    await store.createInvite('c_bo', inviteRecord(ws))
    await store.acceptInvite('c_bo', bo, 2)
    await store.createInvite('c_cy', inviteRecord(ws))
    await store.acceptInvite('c_cy', cy, 2)
    return { store, ws, ownerId, bo: bo.memberId, cy: cy.memberId }
  }

  it('keeps groups with unique names (any case), their creator in them, members joining and leaving, and going with the member', async () => {
    const { store, ws, ownerId, bo } = await withMembers()
    const made = await store.createGroup(ws, { id: 'grp_run', name: 'Runners', description: 'Laps', channelId: 'ch_runners', createdBy: ownerId, createdAt: 5 })
    expect(made).toMatchObject({ id: 'grp_run', name: 'Runners', members: [ownerId] })
    expect(await store.createGroup(ws, { id: 'grp_run2', name: 'runners', description: '', channelId: 'ch_x', createdBy: bo, createdAt: 6 })).toBe('taken')
    expect((await store.setGroupMember(ws, 'grp_run', bo, true, 7))!.members).toEqual([ownerId, bo])
    expect((await store.setGroupMember(ws, 'grp_run', bo, true, 8))!.members).toEqual([ownerId, bo])
    expect(await store.setGroupMember(ws, 'grp_none', bo, true, 8)).toBeNull()
    expect((await store.setGroupMember(ws, 'grp_run', ownerId, false, 9))!.members).toEqual([bo])
    await store.removeMember(ws, bo, 10)
    expect(await store.listGroups(ws)).toEqual([expect.objectContaining({ id: 'grp_run', members: [] })])
  })

  it('seats RSVPs up to the capacity, once each, never after the end; lists events that have not ended', async () => {
    const { store, ws, ownerId, bo, cy } = await withMembers()
    await store.createEvent(ws, eventRecord())
    await store.createEvent(ws, eventRecord({ id: 'ev_old', startsAt: 0, endsAt: 5 * MIN }))
    expect(await store.rsvp(ws, 'ev_talk', bo, 1)).toBe('ok')
    expect(await store.rsvp(ws, 'ev_talk', bo, 2)).toBe('ok')
    expect(await store.rsvp(ws, 'ev_talk', cy, 3)).toBe('ok')
    expect(await store.rsvp(ws, 'ev_talk', ownerId, 4)).toBe('full')
    expect(await store.rsvp(ws, 'ev_old', ownerId, 5 * MIN)).toBe('ended')
    expect(await store.rsvp(ws, 'ev_none', ownerId, 4)).toBe('not-found')
    expect((await store.getEvent(ws, 'ev_talk'))!.attendees).toEqual([bo, cy])
    expect(await store.cancelRsvp(ws, 'ev_talk', bo)).toBe(true)
    expect(await store.rsvp(ws, 'ev_talk', ownerId, 6)).toBe('ok')
    expect((await store.listEvents(ws, 6 * MIN)).map((e) => e.id)).toEqual(['ev_talk'])
    await store.removeMember(ws, cy, 7)
    expect((await store.getEvent(ws, 'ev_talk'))!.attendees).toEqual([ownerId])
    expect(await store.deleteEvent(ws, 'ev_talk')).toBe(true)
    expect(await store.getEvent(ws, 'ev_talk')).toBeNull()
  })

  it('finds an open event by its public code, and no longer once the code is cleared', async () => {
    const { store, ws } = await withMembers()
    await store.createEvent(ws, eventRecord())
    expect((await store.setEventCode(ws, 'ev_talk', 'pub_code_1234567890'))!.publicCode).toBe('pub_code_1234567890')
    expect(await store.eventByCode('pub_code_1234567890')).toMatchObject({ workspaceId: ws, event: { id: 'ev_talk' } })
    await store.setEventCode(ws, 'ev_talk', null)
    expect(await store.eventByCode('pub_code_1234567890')).toBeNull()
  })

  it('keeps guest links by their code hash, lists the live ones, revokes them', async () => {
    const { store, ws, ownerId } = await withMembers()
    const link = { id: 'gl_1', workspaceId: ws, roomId: 'room_lounge', startsAt: 10, endsAt: 100, createdBy: ownerId, createdAt: 1 }
    await store.createGuestLink('hash_1', link)
    await store.createGuestLink('hash_2', { ...link, id: 'gl_2', endsAt: 50 })
    expect(await store.guestLinkByCode('hash_1')).toEqual({ ...link, revokedAt: null })
    expect((await store.listGuestLinks(ws, 60)).map((l) => l.id)).toEqual(['gl_1'])
    expect(await store.revokeGuestLink(ws, 'gl_1', 70)).toBe(true)
    expect(await store.revokeGuestLink(ws, 'gl_none', 70)).toBe(false)
    expect(await store.listGuestLinks(ws, 60)).toEqual([])
    expect((await store.guestLinkByCode('hash_1'))!.revokedAt).toBe(70)
  })

  it('adds guests with their pass; an event pass takes a seat or adds nobody; ended passes are found until the guest is gone', async () => {
    const { store, ws, bo } = await withMembers()
    await store.createEvent(ws, eventRecord({ capacity: 2 }))
    await store.rsvp(ws, 'ev_talk', bo, 1)
    const pass = (memberId: string, changes: Partial<GuestPass> = {}): GuestPass => ({
      workspaceId: ws, memberId, roomId: 'room_lounge', startsAt: 10 * MIN, endsAt: 70 * MIN, source: 'event', sourceId: 'ev_talk', email: `${memberId}@out.example`, ...changes,
    })
    const g1 = newMember('guest')
    const g2 = newMember('guest')
    const g3 = newMember('guest')
    expect(await store.addGuest(g1, pass(g1.memberId), 2)).toBe('ok')
    expect(await store.addGuest(g2, pass(g2.memberId), 3)).toBe('full')
    expect(await store.getMember(ws, g2.memberId)).toBeNull()
    expect(await store.addGuest(g2, pass(g2.memberId, { sourceId: 'ev_talk' }), 70 * MIN)).toBe('ended')
    expect(await store.addGuest(g3, pass(g3.memberId, { source: 'link', sourceId: 'gl_1', endsAt: 30 * MIN, email: null }), 4)).toBe('ok')
    expect((await store.getEvent(ws, 'ev_talk'))!.attendees).toEqual([bo, g1.memberId])
    expect(await store.getMember(ws, g1.memberId)).toMatchObject({ role: 'guest' })
    expect(await store.guestPass(ws, g1.memberId)).toEqual(pass(g1.memberId))
    expect(await store.nextGuestPassEnd(0)).toBe(30 * MIN)
    expect(await store.nextGuestPassEnd(30 * MIN)).toBe(70 * MIN)
    expect(await store.endedGuestPasses(30 * MIN - 1)).toEqual([])
    expect((await store.endedGuestPasses(70 * MIN)).map((p) => p.memberId)).toEqual([g3.memberId, g1.memberId])
    await store.removeMember(ws, g3.memberId, 5)
    expect((await store.endedGuestPasses(70 * MIN)).map((p) => p.memberId)).toEqual([g1.memberId])
    expect(await store.guestPass(ws, g3.memberId)).toBeNull()
  })

  it('forgets a guest’s account once they are removed, and never anyone else’s', async () => {
    const { store, ws, bo } = await withMembers()
    const guest = newMember('guest')
    const account = { id: `acc_${guest.memberId}`, email: `${guest.memberId}@guests.invalid`, name: 'Gus', passwordHash: '!guest', colour: '#1971c2' }
    await store.addGuest({ ...guest, account }, { workspaceId: ws, memberId: guest.memberId, roomId: 'room_lounge', startsAt: 0, endsAt: 10, source: 'link', sourceId: 'gl_1', email: null }, 1)
    expect(await store.forgetGuestAccount(account.id)).toBe(false)
    await store.removeMember(ws, guest.memberId, 11)
    expect(await store.forgetGuestAccount(account.id)).toBe(true)
    expect(await store.findAccountByEmail(account.email)).toBeNull()
    await store.removeMember(ws, bo, 12)
    expect(await store.forgetGuestAccount(`acc_${bo}`)).toBe(false)
    expect(await store.findAccountByEmail(`${bo}@example.com`)).not.toBeNull()
  })
})
