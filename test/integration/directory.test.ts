/**
 * The directory on the real server: members write their profiles over HTTP, then others find them
 * by company and by interest (and by words, skill and time zone); a company's page lists its
 * people and its area of the floor; bad fields are 400s naming the field; a guest sees no
 * directory. Companies are made through the companies part's store (its routes are its own tests').
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SignedIn } from '../../protocol/api.ts'
import type { CompanyPage, Directory, Profile } from '../../protocol/profiles.ts'
import { addMember, createWorkspace, editFloor, roomRecord } from '../support/factories.ts'
import { httpClient, type HttpClient } from '../support/http.ts'
import { startLivekit, type TestLivekit } from '../support/livekit.ts'
import { startServer, type TestServer } from '../support/server.ts'

describe('directory and profiles', () => {
  let livekit: TestLivekit
  let server: TestServer
  let http: HttpClient
  let owner: SignedIn, ada: SignedIn, bo: SignedIn, cy: SignedIn, guest: SignedIn

  const ws = () => owner.workspace.id
  const edit = (who: SignedIn, body: unknown) => http.call<Profile>('PATCH', `/api/workspaces/${ws()}/profile`, { token: who.session.token, body })
  const find = (who: SignedIn, query: Record<string, string>) => http.get<Directory>(`/api/workspaces/${ws()}/profiles?${new URLSearchParams(query)}`, who.session.token)
  const names = async (query: Record<string, string>) => {
    const res = await find(cy, query)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    return res.body.people.map((p) => p.memberId)
  }

  beforeAll(async () => {
    livekit = await startLivekit()
    server = await startServer({ livekit })
    http = httpClient(server.url)
    owner = await createWorkspace(http, 'Coworking')
    ;[ada, bo, cy] = [await addMember(http, owner), await addMember(http, owner), await addMember(http, owner)]
    guest = await addMember(http, owner, 'guest', ['room_meeting'])
    const store = server.app.store
    await store.createCompany(ws(), { id: 'co_lamp', name: 'Lamplight Labs', createdAt: 1 })
    await store.createCompany(ws(), { id: 'co_oak', name: 'Oak & Co', createdAt: 1 })
    expect(await store.setCompanyMember(ws(), 'co_lamp', ada.member.id, true)).toBe('ok')
    expect(await store.setCompanyMember(ws(), 'co_lamp', bo.member.id, false)).toBe('ok')
    expect(await store.setCompanyMember(ws(), 'co_oak', cy.member.id, false)).toBe('ok')
    await editFloor(http, owner, [{ op: 'room.add', room: roomRecord('room_lamp', { x: 300, name: 'Lamp room', companyId: 'co_lamp' }) }])
  })
  afterAll(async () => {
    await server?.stop()
    await livekit?.stop()
  })

  it('saves your own profile, with your company read-only beside it', async () => {
    const res = await edit(ada, { title: 'Engineer', timeZone: 'Europe/Paris', about: 'Builds lamps.', interests: [' Rock   climbing ', 'Chess', 'chess'], skills: ['Rust'], links: ['https://ada.example.com/'] })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body).toMatchObject({
      memberId: ada.member.id, name: ada.member.name, title: 'Engineer', company: { id: 'co_lamp', name: 'Lamplight Labs' }, companyAdmin: true,
      timeZone: 'Europe/Paris', interests: ['Rock climbing', 'Chess'], skills: ['Rust'], links: ['https://ada.example.com/'], photoUrl: null,
    })
    // A time zone is kept as Intl spells it, so that the filter finds it however it was typed.
    expect((await edit(bo, { title: 'Designer', interests: ['chess'], timeZone: 'america/new_york' })).body).toMatchObject({ timeZone: 'America/New_York' })
    expect((await edit(cy, { title: 'Accountant', interests: ['gardening'], skills: ['rust'] })).status).toBe(200)
    // A change sends only what changes.
    expect((await edit(ada, { about: 'Builds lamps, and tests them.' })).body).toMatchObject({ title: 'Engineer', about: 'Builds lamps, and tests them.' })
    expect((await http.get<Profile>(`/api/workspaces/${ws()}/profiles/${ada.member.id}`, bo.session.token)).body).toMatchObject({ title: 'Engineer', company: { name: 'Lamplight Labs' } })
  })

  it('finds people by company and by interest, and by words, skill and time zone', async () => {
    expect(await names({ company: 'co_lamp' })).toEqual([ada.member.id, bo.member.id].sort(byName))
    expect(await names({ interest: 'CHESS' })).toEqual([ada.member.id, bo.member.id].sort(byName))
    expect(await names({ company: 'co_lamp', interest: 'rock climbing' })).toEqual([ada.member.id])
    expect(await names({ company: 'co_oak', interest: 'chess' })).toEqual([])
    expect(await names({ company: 'co_nobody' })).toEqual([])
    expect(await names({ q: 'lamps engineer' })).toEqual([ada.member.id])
    expect(await names({ q: bo.member.name })).toEqual([bo.member.id])
    expect(await names({ skill: 'Rust' })).toEqual([ada.member.id, cy.member.id].sort(byName))
    expect(await names({ timeZone: 'America/New_York' })).toEqual([bo.member.id])
    // No filter: everyone but the guest.
    expect((await names({})).sort()).toEqual([owner, ada, bo, cy].map((s) => s.member.id).sort())
    const all = await find(cy, { q: 'lamp' })
    expect(all.body.companies).toEqual([{ id: 'co_lamp', name: 'Lamplight Labs', members: 2 }])
    expect(all.body.facets.interests.map((t) => t.toLowerCase())).toEqual(['chess', 'gardening', 'rock climbing'])
  })

  it('shows a company’s page: its people, its area and its admins', async () => {
    const res = await http.get<CompanyPage>(`/api/workspaces/${ws()}/profiles/companies/co_lamp`, cy.session.token)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ id: 'co_lamp', name: 'Lamplight Labs', admins: [ada.member.id], area: [{ floorId: 'floor_main', rooms: [{ id: 'room_lamp', name: 'Lamp room' }], desks: [] }] })
    expect(res.body.people.map((p) => p.memberId).sort()).toEqual([ada.member.id, bo.member.id].sort())
    expect((await http.get(`/api/workspaces/${ws()}/profiles/companies/co_nobody`, cy.session.token)).status).toBe(404)
  })

  it('refuses bad fields with a 400 naming the field, and changes nothing', async () => {
    const bad: [unknown, string][] = [
      [{ timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
      [{ timeZone: 'not a zone' }, 'timeZone'],
      [{ links: ['javascript:alert(1)'] }, 'links.0'],
      [{ links: ['ftp://example.com/file'] }, 'links.0'],
      [{ links: [`https://example.com/${'é'.repeat(280)}`] }, 'links'],
      [{ interests: ['a, b'] }, 'interests'],
      [{ interests: Array.from({ length: 13 }, (_, i) => `tag${i}`) }, 'interests'],
      [{ skills: ['x'.repeat(33)] }, 'skills.0'],
      [{ title: 'x'.repeat(81) }, 'title'],
      [{ about: 'x'.repeat(1_001) }, 'about'],
      [{ company: 'co_oak' }, 'company'],
      [{ name: 'Someone else' }, 'name'],
    ]
    for (const [body, field] of bad) {
      const res = await edit(ada, body)
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect((res.body as unknown as { field: string }).field, JSON.stringify(res.body)).toBe(field)
    }
    expect((await http.get<Profile>(`/api/workspaces/${ws()}/profiles/${ada.member.id}`, ada.session.token)).body).toMatchObject({ title: 'Engineer', timeZone: 'Europe/Paris', company: { id: 'co_lamp' } })
  })

  it('shows a guest no directory, no profile and no company page', async () => {
    expect((await http.get(`/api/workspaces/${ws()}/profiles`, guest.session.token)).status).toBe(403)
    expect((await http.get(`/api/workspaces/${ws()}/profiles/${ada.member.id}`, guest.session.token)).status).toBe(403)
    expect((await http.get(`/api/workspaces/${ws()}/profiles/companies/co_lamp`, guest.session.token)).status).toBe(403)
    expect((await edit(guest, { title: 'Visitor' })).status).toBe(403)
    // Nor is a guest listed to anyone else.
    expect((await http.get(`/api/workspaces/${ws()}/profiles/${guest.member.id}`, ada.session.token)).status).toBe(404)
  })

  function byName(a: string, b: string) {
    const name = (id: string) => [owner, ada, bo, cy].find((s) => s.member.id === id)!.member.name.toLowerCase()
    return name(a).localeCompare(name(b)) || a.localeCompare(b)
  }
})
