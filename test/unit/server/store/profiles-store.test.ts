/**
 * Profiles in both stores (a real SQLite file, a real PostgreSQL database): a member without a
 * profile reads as an empty one, changes keep what they do not name, tags are one whatever their
 * case, the directory's search and filters are a query of the store (guests and other workspaces
 * never in it), photos keep their version, and a member's removal takes their profile with them.
 */
import { describe, expect, it } from 'vitest'
import { storeKinds } from '../../../support/stores.ts'
import { inviteRecord, newMember, seedWorkspace } from './fixtures.ts'

const kinds = storeKinds()

describe.each(kinds)('$name store: profiles', (kind) => {
  const office = async () => {
    const place = await kind.place()
    const store = await kind.open(place)
    const { workspaceId: ws, ownerId } = await seedWorkspace(store)
    const join = async (id: string, role: 'member' | 'guest' = 'member', name = id) => {
      const m = newMember(role, id)
      if (!('existingId' in m.account)) m.account.name = name
      await store.createInvite(`c_${id}`, inviteRecord(ws, { role }))
      expect(await store.acceptInvite(`c_${id}`, m, 2)).toBe('ok')
      return id
    }
    return { place, store, ws, ownerId, join }
  }

  it('reads an empty profile for a member who wrote none, and none for someone who is not a member', async () => {
    const { store, ws, ownerId } = await office()
    expect(await store.getProfile(ws, ownerId)).toEqual({ memberId: ownerId, title: '', timeZone: null, about: '', interests: [], skills: [], links: [], photoVersion: null })
    expect(await store.getProfile(ws, 'mem_nobody')).toBeNull()
    expect(await store.getProfile('ws_other', ownerId)).toBeNull()
    expect(await store.saveProfile(ws, 'mem_nobody', { title: 'x' }, 5)).toBeNull()
  })

  it('changes only the fields given, and keeps tags in order, once whatever their case', async () => {
    const { store, ws, ownerId } = await office()
    await store.saveProfile(ws, ownerId, { title: 'Founder', timeZone: 'Europe/Paris', interests: ['Climbing', 'chess', 'climbing'], links: ['https://example.com/'] }, 5)
    const after = await store.saveProfile(ws, ownerId, { about: 'Runs the place', skills: ['TypeScript'] }, 6)
    expect(after).toMatchObject({ title: 'Founder', timeZone: 'Europe/Paris', about: 'Runs the place', interests: ['Climbing', 'chess'], skills: ['TypeScript'], links: ['https://example.com/'] })
    expect((await store.saveProfile(ws, ownerId, { timeZone: null, interests: [] }, 7))).toMatchObject({ timeZone: null, interests: [], skills: ['TypeScript'] })
  })

  it('searches name, title and about, and filters by interest, skill, time zone and a list of members', async () => {
    const { store, ws, ownerId, join } = await office()
    const ada = await join('mem_ada', 'member', 'Ada Lovelace')
    const bob = await join('mem_bob', 'member', 'Bob Builder')
    const guest = await join('mem_guest', 'guest', 'Ada the guest')
    await store.saveProfile(ws, ada, { title: 'Engineer', about: 'Analytical engines, 100% of the time', interests: ['Chess'], skills: ['Maths'], timeZone: 'Europe/London' }, 5)
    await store.saveProfile(ws, bob, { title: 'Carpenter', interests: ['chess', 'Climbing'], timeZone: 'America/New_York' }, 5)
    await store.saveProfile(ws, guest, { title: 'Engineer', interests: ['chess'] }, 5)
    const ids = async (search: Parameters<typeof store.searchProfiles>[1]) => (await store.searchProfiles(ws, search)).map((p) => p.memberId)

    // Everyone but the guest, by name (the owner's name is their id here).
    expect(await ids({ limit: 50 })).toEqual([ada, bob, ownerId])
    expect(await ids({ q: 'ada', limit: 50 })).toEqual([ada])
    expect(await ids({ q: 'engineer', limit: 50 })).toEqual([ada])
    expect(await ids({ q: 'ENGINES analytical', limit: 50 })).toEqual([ada])
    expect(await ids({ q: '100%', limit: 50 })).toEqual([ada])
    // % and _ are themselves, not wildcards.
    expect(await ids({ q: '_', limit: 50 })).toEqual([ownerId])
    expect(await ids({ interest: 'CHESS', limit: 50 })).toEqual([ada, bob])
    expect(await ids({ interest: 'chess', skill: 'maths', limit: 50 })).toEqual([ada])
    expect(await ids({ timeZone: 'America/New_York', limit: 50 })).toEqual([bob])
    expect(await ids({ interest: 'chess', memberIds: [bob, ownerId], limit: 50 })).toEqual([bob])
    expect(await ids({ memberIds: [], limit: 50 })).toEqual([])
    // Beyond ASCII, in any case, on both stores (SQLite's own lower() knows only ASCII).
    const elodie = await join('mem_elodie', 'member', 'Élodie Ångström')
    await store.saveProfile(ws, elodie, { title: 'Ébéniste', about: 'Meubles ÉCOLOGIQUES' }, 5)
    for (const q of ['élodie', 'ÉLODIE', 'ångström', 'ébéniste', 'écologiques']) expect(await ids({ q, limit: 50 }), q).toEqual([elodie])
    expect(await ids({ limit: 1 })).toEqual([ada])
    expect((await store.searchProfiles(ws, { q: 'bob', limit: 5 }))[0]).toMatchObject({ interests: ['chess', 'Climbing'], title: 'Carpenter' })
    expect(await store.searchProfiles('ws_other', { limit: 50 })).toEqual([])
    const facets = await store.profileFacets(ws)
    expect(facets.interests.map((t) => t.toLowerCase())).toEqual(['chess', 'climbing'])
    expect(facets).toMatchObject({ skills: ['Maths'], timeZones: ['America/New_York', 'Europe/London'] })
  })

  it('keeps a photo by key and version, replaces it, removes it, and lists the versions', async () => {
    const { store, ws, ownerId, join } = await office()
    const ada = await join('mem_ada')
    expect(await store.setPhoto(ws, ada, { key: 'photo_a', version: 'v1' }, 5)).toEqual({ replaced: null })
    expect(await store.photoOf(ws, ada)).toEqual({ key: 'photo_a', version: 'v1' })
    expect(await store.setPhoto(ws, ada, { key: 'photo_b', version: 'v2' }, 6)).toEqual({ replaced: 'photo_a' })
    await store.saveProfile(ws, ada, { title: 'Still here' }, 7)
    expect(await store.getProfile(ws, ada)).toMatchObject({ title: 'Still here', photoVersion: 'v2' })
    await store.setPhoto(ws, ownerId, { key: 'photo_o', version: 'vo' }, 8)
    expect(await store.photoVersions(ws)).toEqual(new Map([[ada, 'v2'], [ownerId, 'vo']]))
    expect(await store.setPhoto(ws, ownerId, null, 9)).toEqual({ replaced: 'photo_o' })
    expect(await store.photoOf(ws, ownerId)).toBeNull()
    expect(await store.photoVersions(ws)).toEqual(new Map([[ada, 'v2']]))
    expect(await store.setPhoto(ws, 'mem_nobody', { key: 'photo_x', version: 'x' }, 9)).toBe('no-member')
    expect(await store.photoOf('ws_other', ada)).toBeNull()
  })

  it('leaves nothing behind when a member is removed', async () => {
    const { place, store, ws, join } = await office()
    const ada = await join('mem_ada')
    await store.saveProfile(ws, ada, { title: 'Gone soon', interests: ['chess'], skills: ['maths'] }, 5)
    await store.setPhoto(ws, ada, { key: 'photo_a', version: 'v1' }, 5)
    await store.removeMember(ws, ada, 10)
    expect(await kind.count(place, 'profiles', `member_id = '${ada}'`)).toBe(0)
    expect(await kind.count(place, 'profile_tags', `member_id = '${ada}'`)).toBe(0)
    expect(await store.searchProfiles(ws, { interest: 'chess', limit: 10 })).toEqual([])
  })
})
