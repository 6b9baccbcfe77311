/**
 * Removal and demotion take effect inside, with the real livekit-server: locking a room or
 * narrowing its allowed list shows out who the entry rule no longer lets in (those let in by a
 * knock stay); a host made a member leaves a locked room, a member made a guest every room their
 * invite does not name; a removed member is shown out of the lobby and every media room. A token
 * taken before such a change (LiveKit also refreshes a connected one) lets nobody back in: the join
 * webhook applies the rule again.
 */
import { DisconnectReason, Room } from '@livekit/rtc-node'
import { describe, expect, it } from 'vitest'
import type { LobbyToken, Member, RoomToken, SignedIn } from '../../protocol/api.ts'
import { addMember, connectParticipant, createWorkspace, editFloor, occupantsOf, until } from '../support/factories.ts'
import { dropped, roomSuite } from '../support/room-suite.ts'
import { startStack } from '../support/stack.ts'

describe('removal and demotion take effect inside', () => {
  const suite = roomSuite(startStack, (stack) => stack.server.url)
  const { http, enter } = suite

  const setRole = (by: SignedIn, who: SignedIn, role: string) =>
    http.call('PATCH', `/api/workspaces/${by.workspace.id}/members/${who.member.id}`, { token: by.session.token, body: { role } })
  const meeting = (changes: Record<string, unknown>) => ({ op: 'room.update', id: 'room_meeting', changes })

  it('locking an occupied room shows out members not on its list; allowed members and hosts stay', async () => {
    const owner = await createWorkspace(http)
    const [ana, bo, host] = [await addMember(http, owner), await addMember(http, owner), await addMember(http, owner, 'host')]
    await editFloor(http, owner, [meeting({ allowed: [ana.member.id] })])
    const [anaIn, boIn, hostIn] = [await enter(ana, 'room_meeting'), await enter(bo, 'room_meeting'), await enter(host, 'room_meeting')]
    const out = dropped(boIn)

    await editFloor(http, owner, [meeting({ locked: true })])
    expect(await out).toBe(DisconnectReason.PARTICIPANT_REMOVED)
    expect(await occupantsOf(http, owner, 'room_meeting')).toEqual([ana.member.id, host.member.id])
    expect([anaIn.isConnected, hostIn.isConnected]).toEqual([true, true])
    // Bo's door is shut now, too.
    expect((await http.post(`/api/workspaces/${owner.workspace.id}/rooms/room_meeting/token`, undefined, bo.session.token)).status).toBe(403)
  })

  it('narrowing the allowed list of a locked room shows out whoever it dropped, but not someone a knock let in', async () => {
    const owner = await createWorkspace(http)
    const [ana, bo, cy] = [await addMember(http, owner), await addMember(http, owner), await addMember(http, owner)]
    await editFloor(http, owner, [meeting({ locked: true, allowed: [ana.member.id, bo.member.id] })])
    const [anaIn, boIn] = [await enter(ana, 'room_meeting'), await enter(bo, 'room_meeting')]
    // Cy knocks and Ana, inside, lets them in.
    const admit = await http.post(`/api/workspaces/${owner.workspace.id}/rooms/room_meeting/admissions`, { memberId: cy.member.id }, ana.session.token)
    expect(admit.status).toBe(204)
    const cyIn = await enter(cy, 'room_meeting')
    const out = dropped(boIn)

    await editFloor(http, owner, [meeting({ allowed: [ana.member.id] })])
    expect(await out).toBe(DisconnectReason.PARTICIPANT_REMOVED)
    expect(await occupantsOf(http, owner, 'room_meeting')).toEqual([ana.member.id, cy.member.id])
    expect([anaIn.isConnected, cyIn.isConnected]).toEqual([true, true])
  })

  it('a host made a member leaves a locked room; a member made a guest leaves rooms their invite does not name', async () => {
    const owner = await createWorkspace(http)
    const [host, member, stays] = [await addMember(http, owner, 'host'), await addMember(http, owner), await addMember(http, owner)]
    await editFloor(http, owner, [meeting({ locked: true })])
    const hostIn = await enter(host, 'room_meeting')
    const [memberIn, staysIn] = [await enter(member, 'room_lounge'), await enter(stays, 'room_lounge')]
    const hostOut = dropped(hostIn)
    const memberOut = dropped(memberIn)

    expect((await setRole(owner, host, 'member')).status).toBe(200)
    expect(await hostOut).toBe(DisconnectReason.PARTICIPANT_REMOVED)
    expect((await setRole(owner, member, 'guest')).status).toBe(200)
    expect(await memberOut).toBe(DisconnectReason.PARTICIPANT_REMOVED)
    expect(await occupantsOf(http, owner, 'room_meeting')).toEqual([])
    expect(await occupantsOf(http, owner, 'room_lounge')).toEqual([stays.member.id])
    expect(staysIn.isConnected).toBe(true)
    // A role raised again sends nobody anywhere.
    expect((await setRole(owner, stays, 'host')).status).toBe(200)
    expect(staysIn.isConnected).toBe(true)
  })

  const doorChanges: [string, (owner: SignedIn, bo: SignedIn) => Promise<unknown>][] = [
    ['the room is locked', (owner) => editFloor(http, owner, [meeting({ locked: true })])],
    ['the room is made private to someone else', (owner) => editFloor(http, owner, [meeting({ kind: 'private', ownerId: owner.member.id, allowed: [] })])],
    ["his name is taken off a locked room's list", async (owner, bo) => {
      await editFloor(http, owner, [meeting({ locked: true, allowed: [bo.member.id] })])
      return editFloor(http, owner, [meeting({ allowed: [] })])
    }],
    ['he is made a guest', (owner, bo) => setRole(owner, bo, 'guest')],
  ]
  it.each(doorChanges)('a token taken before %s does not get him back in', async (_change, change) => {
    const owner = await createWorkspace(http)
    const bo = await addMember(http, owner, 'member')
    const earlier = await http.post<RoomToken>(`/api/workspaces/${owner.workspace.id}/rooms/room_meeting/token`, undefined, bo.session.token)
    expect(earlier.status).toBe(200)
    await change(owner, bo)
    expect((await http.post(`/api/workspaces/${owner.workspace.id}/rooms/room_meeting/token`, undefined, bo.session.token)).status).toBe(403)

    const room = suite.keep(new Room())
    const out = dropped(room)
    await room.connect(earlier.body.url, earlier.body.token, { autoSubscribe: false, dynacast: false })
    expect(await out).toBe(DisconnectReason.PARTICIPANT_REMOVED)
    expect(await occupantsOf(http, owner, 'room_meeting')).toEqual([])
  })

  it('a removed member is shown out of the lobby and every media room, then leaves the directory', async () => {
    const owner = await createWorkspace(http)
    const bo = await addMember(http, owner)
    const token = await http.post<LobbyToken>(`/api/workspaces/${owner.workspace.id}/lobby/token`, undefined, bo.session.token)
    const lobby = await connectParticipant(token.body.url, token.body.token)
    suite.keep(lobby)
    const media = await enter(bo, 'room_lounge')
    const [lobbyOut, mediaOut] = [dropped(lobby), dropped(media)]

    expect((await http.call('DELETE', `/api/workspaces/${owner.workspace.id}/members/${bo.member.id}`, { token: owner.session.token })).status).toBe(204)
    expect(await lobbyOut).toBe(DisconnectReason.PARTICIPANT_REMOVED)
    expect(await mediaOut).toBe(DisconnectReason.PARTICIPANT_REMOVED)
    await until(async () => (await occupantsOf(http, owner, 'room_lounge')).length === 0, 'the lounge empty')
    const members = await http.get<{ members: Member[] }>(`/api/workspaces/${owner.workspace.id}/members`, owner.session.token)
    expect(members.body.members.map((m) => m.id)).not.toContain(bo.member.id)
    expect((await http.call('DELETE', `/api/workspaces/${owner.workspace.id}/members/${bo.member.id}`, { token: owner.session.token })).status).toBe(404)
  })
})
