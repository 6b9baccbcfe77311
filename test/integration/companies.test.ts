/**
 * Companies in one space (issue 13), on the real server and livekit-server: a company admin invites
 * into their company only; a company-only room lets in its company and makes everyone else knock
 * (hosts too); leaving a company, being taken out of it, or its removal leaves nothing behind: out
 * of its rooms in LiveKit, admissions ended, invites revoked, floor tags cleared.
 */
import { DisconnectReason } from '@livekit/rtc-node'
import { describe, expect, it } from 'vitest'
import type { SignedIn } from '../../protocol/api.ts'
import type { Floor } from '../../protocol/floor/records.ts'
import { companiesApi } from '../support/companies.ts'
import { addMember, createWorkspace, editFloor, newPerson, occupantsOf, until } from '../support/factories.ts'
import { dropped, roomSuite } from '../support/room-suite.ts'
import { startStack } from '../support/stack.ts'

describe('companies in one space', () => {
  const suite = roomSuite(startStack, (stack) => stack.server.url)
  const { http, enter } = suite
  const co = companiesApi(http)

  const tokenFor = (who: SignedIn, roomId: string) =>
    http.post<{ reason?: string }>(`/api/workspaces/${who.workspace.id}/rooms/${roomId}/token`, undefined, who.session.token)
  const accept = (code: string) => http.post<SignedIn>(`/api/invites/${code}/accept`, newPerson('joiner'))
  const floorOf = async (who: SignedIn) => (await http.get<Floor>(`/api/workspaces/${who.workspace.id}/floors/floor_main`, who.session.token)).body
  /** Two companies; Ana is the admin of the first, Bo in it, Cy in the second; the meeting room is the first's alone. */
  const twoCompanies = async () => {
    const owner = await createWorkspace(http)
    const [ana, bo, cy, host] = [await addMember(http, owner), await addMember(http, owner), await addMember(http, owner), await addMember(http, owner, 'host')]
    const [acme, zed] = [await co.create(owner, 'Acme'), await co.create(host, 'Zed')]
    expect((await co.add(owner, acme.id, ana, true)).status).toBe(200)
    expect((await co.add(ana, acme.id, bo)).status).toBe(200)
    expect((await co.add(host, zed.id, cy)).status).toBe(200)
    await editFloor(http, owner, [{ op: 'room.update', id: 'room_meeting', changes: { companyId: acme.id, companyOnly: true } }])
    return { owner, ana, bo, cy, host, acme, zed }
  }

  it('a company admin invites into their company only, as a member, and manages only its membership', async () => {
    const { owner, ana, bo, cy, acme, zed } = await twoCompanies()
    const made = await co.invite(ana, acme.id, { email: null })
    expect(made.status).toBe(201)
    expect(made.body.url).toContain(`#/invite/${made.body.code}`)
    expect((await co.invites(ana, acme.id)).body.invites.map((i) => i.id)).toEqual([made.body.invite.id])
    // Not into another company, not as a host, not through the hosts' own invites.
    expect((await co.invite(ana, zed.id)).status).toBe(403)
    expect((await co.invites(ana, zed.id)).status).toBe(403)
    const asHost = await co.invite(ana, acme.id, { role: 'host' })
    expect(asHost.status).toBe(400)
    expect(JSON.stringify(asHost.body)).toContain('role')
    for (const role of ['host', 'member']) expect((await http.post(`/api/workspaces/${owner.workspace.id}/invites`, { role }, ana.session.token)).status).toBe(403)
    // A plain member of the company cannot invite either.
    expect((await co.invite(bo, acme.id)).status).toBe(403)

    const joined = await accept(made.body.code)
    expect(joined.status).toBe(201)
    expect(joined.body.member.role).toBe('member')
    const acmeNow = (await co.list(owner)).find((c) => c.id === acme.id)!
    expect(acmeNow.members).toContain(joined.body.member.id)
    expect(acmeNow.admins).toEqual([ana.member.id])
    expect((await accept(made.body.code)).status).toBe(410)

    // Ana adds plain members to her company only, never admins, never someone of another company.
    expect((await co.add(ana, acme.id, joined.body, true)).status).toBe(403)
    expect((await co.add(ana, zed.id, joined.body)).status).toBe(403)
    expect((await co.add(owner, acme.id, cy)).status).toBe(409)
    expect((await co.takeOut(ana, zed.id, cy.member.id)).status).toBe(403)
    // Nor unnames another admin by taking them out (to add them back plain): that is for hosts.
    expect((await co.add(owner, acme.id, bo, true)).status).toBe(200)
    const outAdmin = await co.takeOut(ana, acme.id, bo.member.id)
    expect([outAdmin.status, JSON.stringify(outAdmin.body)]).toEqual([403, expect.stringContaining('only hosts')])
    expect((await co.list(owner)).find((c) => c.id === acme.id)?.admins.toSorted()).toEqual([ana.member.id, bo.member.id].toSorted())
    expect((await co.add(owner, acme.id, bo, false)).status).toBe(200)
    // A workspace invite is not the company's to revoke.
    const hostsInvite = await http.post<{ id: string }>(`/api/workspaces/${owner.workspace.id}/invites`, { role: 'member' }, owner.session.token)
    expect((await co.call(ana, 'DELETE', `/${acme.id}/invites/${hostsInvite.body.id}`)).status).toBe(404)
  })

  it('a company-only room lets in its company; others, hosts too, are refused as private and knock', async () => {
    const { owner, ana, bo, cy, host } = await twoCompanies()
    expect((await tokenFor(ana, 'room_meeting')).status).toBe(200)
    for (const outsider of [cy, host]) {
      const refused = await tokenFor(outsider, 'room_meeting')
      expect([refused.status, refused.body.reason]).toEqual([403, 'private'])
    }
    // A host cannot open the door to others from outside; Bo, inside, lets Cy in after a knock.
    expect((await http.post(`/api/workspaces/${owner.workspace.id}/rooms/room_meeting/admissions`, { memberId: cy.member.id }, host.session.token)).status).toBe(403)
    await enter(bo, 'room_meeting')
    expect((await http.post(`/api/workspaces/${owner.workspace.id}/rooms/room_meeting/admissions`, { memberId: cy.member.id }, bo.session.token)).status).toBe(204)
    expect((await tokenFor(cy, 'room_meeting')).status).toBe(200)
    // A floor edit names only companies of the workspace.
    const bad = await http.post<{ field?: string }>(`/api/workspaces/${owner.workspace.id}/floors/floor_main/edits`,
      { baseVersion: (await floorOf(owner)).version, ops: [{ op: 'room.update', id: 'room_lounge', changes: { companyId: 'co_nowhere' } }] }, owner.session.token)
    expect(bad.status).toBe(400)
    expect(bad.body.field).toBe('ops[0].changes.companyId')
  })

  it('making an occupied room company-only shows out whoever is not in the company', async () => {
    const { owner, ana, cy, zed } = await twoCompanies()
    const [anaIn, cyIn] = [await enter(ana, 'room_lounge'), await enter(cy, 'room_lounge')]
    const anaOut = dropped(anaIn)
    await editFloor(http, owner, [{ op: 'room.update', id: 'room_lounge', changes: { companyId: zed.id, companyOnly: true } }])
    expect(await anaOut).toBe(DisconnectReason.PARTICIPANT_REMOVED)
    expect(await occupantsOf(http, owner, 'room_lounge')).toEqual([cy.member.id])
    expect(cyIn.isConnected).toBe(true)
  })

  it('leaving a company, or being taken out of it, leaves nothing behind', async () => {
    const { owner, ana, bo, acme } = await twoCompanies()
    const invite = await co.invite(ana, acme.id)
    const [anaIn, boIn] = [await enter(ana, 'room_meeting'), await enter(bo, 'room_meeting')]
    const anaOut = dropped(anaIn)
    // Ana, the admin, leaves: out of the room in LiveKit, her invite revoked, the door shut.
    expect((await co.takeOut(ana, acme.id, ana.member.id)).status).toBe(204)
    expect(await anaOut).toBe(DisconnectReason.PARTICIPANT_REMOVED)
    expect(await occupantsOf(http, owner, 'room_meeting')).toEqual([bo.member.id])
    expect(boIn.isConnected).toBe(true)
    expect((await tokenFor(ana, 'room_meeting')).body.reason).toBe('private')
    expect((await co.invites(owner, acme.id)).body.invites).toEqual([])
    expect((await accept(invite.body.code)).status).toBe(410)

    // Bo is taken out by a host while inside, after a knock admission of his own: it ends too.
    await http.post(`/api/workspaces/${owner.workspace.id}/rooms/room_meeting/admissions`, { memberId: bo.member.id }, ana.session.token)
    const boOut = dropped(boIn)
    expect((await co.takeOut(owner, acme.id, bo.member.id)).status).toBe(204)
    expect(await boOut).toBe(DisconnectReason.PARTICIPANT_REMOVED)
    await until(async () => (await occupantsOf(http, owner, 'room_meeting')).length === 0, 'the room empty')
    expect((await tokenFor(bo, 'room_meeting')).body.reason).toBe('private')
    expect((await co.list(owner)).find((c) => c.id === acme.id)!.members).toEqual([])
    expect((await co.takeOut(owner, acme.id, bo.member.id)).status).toBe(404)
  })

  it('removing a company detaches its members, clears its floor tags and revokes its invites', async () => {
    const { owner, ana, cy, acme, zed } = await twoCompanies()
    await editFloor(http, owner, [{ op: 'desk.update', id: (await floorOf(owner)).desks[0]!.id, changes: { companyId: acme.id } }])
    const invite = await co.invite(ana, acme.id)
    // What Acme kept in its own room: a note on its shelf, a drawing, a chat message.
    const ws = `/api/workspaces/${owner.workspace.id}`
    expect((await http.post(`${ws}/shelves/room_meeting/notes`, { title: 'Acme roadmap', body: 'secret plans' }, ana.session.token)).status).toBe(201)
    const shape = { id: 'acme_shape', type: 'text', version: 1, versionNonce: 1, isDeleted: false, text: 'Acme secret' }
    expect((await http.call('PUT', `${ws}/whiteboards/room_meeting`, { token: ana.session.token, body: { elements: [shape] } })).status).toBe(200)
    expect((await http.post(`${ws}/chat/conversations/rm_room_meeting/messages`, { clientId: 'acme-secret-0001', body: 'Acme secret message' }, ana.session.token)).status).toBe(201)

    expect((await co.call(owner, 'DELETE', `/${acme.id}`)).status).toBe(204)
    expect((await co.list(owner)).map((c) => c.id)).toEqual([zed.id])
    const floor = await floorOf(owner)
    expect(floor.rooms.filter((r) => r.companyId || r.companyOnly)).toEqual([])
    expect(floor.desks.filter((d) => d.companyId)).toEqual([])
    expect((await accept(invite.body.code)).status).toBe(410)
    // Its room is an ordinary room again, with nothing of Acme's in it; Ana is in no company and may join another.
    expect((await tokenFor(cy, 'room_meeting')).status).toBe(200)
    for (const path of ['/shelves/room_meeting', '/whiteboards/room_meeting', '/whiteboards/room_meeting/versions', '/whiteboards/room_meeting/versions/1', '/chat/conversations/rm_room_meeting/messages']) {
      const res = await http.get(`${ws}${path}`, cy.session.token)
      expect(JSON.stringify(res.body), path).not.toMatch(/Acme roadmap|secret plans|Acme secret/)
      expect(res.status, path).toBe(path.endsWith('/versions/1') ? 404 : 200)
    }
    expect((await co.add(owner, zed.id, ana)).status).toBe(200)
    expect((await co.call(owner, 'DELETE', `/${acme.id}`)).status).toBe(404)
  })
})
