/**
 * Nobody is left stranded by a floor change, with the real livekit-server: people in a removed room,
 * or beyond a shrunk room's capacity (the latest arrivals), are sent out of its media room and the
 * lobby is told the new occupancy, and nobody leaves a room the change left as it was; a removed
 * floor empties its rooms and seats its people elsewhere in one batch per floor; a member whose
 * desk is removed gets a free one, or none when there is none.
 */
import { DisconnectReason, RoomEvent, type RemoteParticipant, type Room } from '@livekit/rtc-node'
import { describe, expect, it } from 'vitest'
import type { LobbyToken, Member, SignedIn } from '../../protocol/api.ts'
import type { Floor } from '../../protocol/floor/records.ts'
import { topics, type OccupancyNotice } from '../../protocol/presence.ts'
import { addMember, connectParticipant, createWorkspace, editFloor, occupantsOf, roomRecord, until } from '../support/factories.ts'
import { dropped, roomSuite } from '../support/room-suite.ts'
import { startStack } from '../support/stack.ts'

describe('nobody is left stranded', () => {
  const suite = roomSuite(startStack, (stack) => stack.server.url)
  const { http, enter } = suite

  /** A lobby client of `who`, and the first occupancy notice from the server that satisfies `test`. */
  const lobbyOf = async (who: SignedIn) => {
    const token = await http.post<LobbyToken>(`/api/workspaces/${who.workspace.id}/lobby/token`, undefined, who.session.token)
    const lobby = await connectParticipant(token.body.url, token.body.token)
    suite.keep(lobby)
    return (test: (n: OccupancyNotice) => boolean) =>
      new Promise<OccupancyNotice>((resolve) =>
        lobby.on(RoomEvent.DataReceived, (payload: Uint8Array, participant?: RemoteParticipant, _kind?: unknown, topic?: string) => {
          if (participant || topic !== topics.occupancy) return
          const notice = JSON.parse(new TextDecoder().decode(payload)) as OccupancyNotice
          if (test(notice)) resolve(notice)
        }),
      )
  }
  const deskOf = async (who: SignedIn, id: string) =>
    (await http.get<{ members: Member[] }>(`/api/workspaces/${who.workspace.id}/members`, who.session.token)).body.members.find((m) => m.id === id)?.deskId

  it('removing an occupied room sends its people out of the LiveKit room and tells the lobby', async () => {
    const owner = await createWorkspace(http)
    const member = await addMember(http, owner)
    await editFloor(http, owner, [{ op: 'room.add', room: roomRecord('room_huddle') }])
    const notice = await lobbyOf(owner)
    const media = await enter(member, 'room_huddle')
    const out = dropped(media)
    const emptied = notice((n) => !n.rooms.room_huddle)

    await editFloor(http, owner, [{ op: 'room.remove', id: 'room_huddle' }])
    expect(await out).toBe(DisconnectReason.PARTICIPANT_REMOVED)
    expect((await emptied).rooms.room_huddle).toBeUndefined()
    expect(await occupantsOf(http, owner, 'room_huddle')).toEqual([])
  })

  it('a room token issued before the room was removed no longer lets anyone stay in it', async () => {
    const owner = await createWorkspace(http)
    const member = await addMember(http, owner)
    await editFloor(http, owner, [{ op: 'room.add', room: roomRecord('room_gone') }])
    const token = await http.post<{ url: string; token: string }>(`/api/workspaces/${owner.workspace.id}/rooms/room_gone/token`, undefined, member.session.token)
    expect(token.status).toBe(200)
    await editFloor(http, owner, [{ op: 'room.remove', id: 'room_gone' }])

    // The token is still valid for LiveKit; the server's webhook shows its holder out at once.
    const late = await connectParticipant(token.body.url, token.body.token)
    suite.keep(late)
    expect(await dropped(late)).toBe(DisconnectReason.PARTICIPANT_REMOVED)
  })

  it('shrinking a room below its occupants sends out the latest arrivals, and only them', async () => {
    const owner = await createWorkspace(http)
    const people = [await addMember(http, owner), await addMember(http, owner), await addMember(http, owner)]
    const media: Room[] = []
    for (const who of people) media.push(await enter(who, 'room_meeting'))
    const [first, second, last] = media as [Room, Room, Room]
    const out = dropped(last)

    await editFloor(http, owner, [{ op: 'room.update', id: 'room_meeting', changes: { capacity: 2 } }])
    expect(await out).toBe(DisconnectReason.PARTICIPANT_REMOVED)
    expect(await occupantsOf(http, owner, 'room_meeting')).toEqual([people[0]!.member.id, people[1]!.member.id])
    expect([first.isConnected, second.isConnected]).toEqual([true, true])
  })

  it('removing a floor empties its rooms in LiveKit', async () => {
    const owner = await createWorkspace(http)
    const member = await addMember(http, owner)
    const annex = (await http.post<Floor>(`/api/workspaces/${owner.workspace.id}/floors`, { name: 'Annex', template: 'starter' }, owner.session.token)).body
    const roomId = annex.rooms.find((r) => r.kind === 'lounge')!.id
    const media = await enter(member, roomId)
    const out = dropped(media)

    expect((await http.call('DELETE', `/api/workspaces/${owner.workspace.id}/floors/${annex.id}`, { token: owner.session.token })).status).toBe(204)
    expect(await out).toBe(DisconnectReason.PARTICIPANT_REMOVED)
    expect(await occupantsOf(http, owner, roomId)).toEqual([])
  })

  it('an edit that leaves a room as it was sends nobody out of it, even a room over its capacity', async () => {
    const owner = await createWorkspace(http)
    const people = [await addMember(http, owner), await addMember(http, owner), await addMember(http, owner)]
    // Tokens issued while the room held 8 still let all three in after it shrinks to 2 while empty.
    const tokens = await Promise.all(people.map((who) => http.post<{ url: string; token: string }>(`/api/workspaces/${owner.workspace.id}/rooms/room_meeting/token`, undefined, who.session.token)))
    await editFloor(http, owner, [{ op: 'room.update', id: 'room_meeting', changes: { capacity: 2 } }])
    for (const token of tokens) suite.keep(await connectParticipant(token.body.url, token.body.token))
    await until(async () => (await occupantsOf(http, owner, 'room_meeting')).length === 3, 'three people in the meeting room')

    await editFloor(http, owner, [{ op: 'desk.update', id: 'desk_12', changes: { label: 'Window' } }])
    expect(await occupantsOf(http, owner, 'room_meeting')).toHaveLength(3)
  })

  it('removing a floor of 30 seated people seats them all with one batch per floor that has free desks', async () => {
    const owner = await createWorkspace(http)
    const ws = `/api/workspaces/${owner.workspace.id}`
    const floorOf = async (id: string) => (await http.get<Floor>(`${ws}/floors/${id}`, owner.session.token)).body
    const annex = (await http.post<Floor>(`${ws}/floors`, { name: 'Annex', template: 'team-30' }, owner.session.token)).body
    // The annex first, so that everyone who joins now gets a desk there.
    expect((await http.call('PUT', `${ws}/floors/order`, { token: owner.session.token, body: { floorIds: [annex.id, 'floor_main'] } })).status).toBe(200)
    const people: string[] = []
    for (let i = 0; i < 30; i++) people.push((await addMember(http, owner)).member.id)
    expect((await floorOf(annex.id)).desks.filter((d) => d.assigneeId !== null)).toHaveLength(30)
    const spare = (await http.post<Floor>(`${ws}/floors`, { name: 'Spare', template: 'team-30' }, owner.session.token)).body
    const main = await floorOf('floor_main')

    expect((await http.call('DELETE', `${ws}/floors/${annex.id}`, { token: owner.session.token })).status).toBe(204)
    // The main floor's 11 free desks first, then the spare floor's: one batch each.
    const [mainNow, spareNow] = [await floorOf('floor_main'), await floorOf(spare.id)]
    expect([mainNow.version, spareNow.version]).toEqual([main.version + 1, 1])
    const since = await http.get<{ batches: { ops: unknown[] }[] }>(`${ws}/floors/floor_main/ops?since=${main.version}`, owner.session.token)
    expect(since.body.batches.map((b) => b.ops.length)).toEqual([11])
    const seated = new Map([...mainNow.desks, ...spareNow.desks].flatMap((d) => (d.assigneeId ? [[d.assigneeId, d.id] as const] : [])))
    expect(people.filter((id) => !seated.has(id))).toEqual([])
    for (const id of people.slice(0, 3)) expect(await deskOf(owner, id)).toBe(seated.get(id))
  })

  it("removing someone's desk gives them a free one; with none free they are left without", async () => {
    const owner = await createWorkspace(http)
    const member = await addMember(http, owner)
    const desk = await deskOf(owner, member.member.id)
    expect(desk).toMatch(/^desk_/)

    await editFloor(http, owner, [{ op: 'desk.remove', id: desk }])
    const next = await deskOf(owner, member.member.id)
    expect(next).toMatch(/^desk_/)
    expect(next).not.toBe(desk)

    // Fill every other desk's seat by removing the free desks, then remove theirs: none is left.
    const floor = (await http.get<Floor>(`/api/workspaces/${owner.workspace.id}/floors/floor_main`, owner.session.token)).body
    const free = floor.desks.filter((d) => d.assigneeId === null).map((d) => ({ op: 'desk.remove', id: d.id }))
    await editFloor(http, owner, [...free, { op: 'desk.remove', id: next }])
    expect(await deskOf(owner, member.member.id)).toBeNull()
    expect(await deskOf(owner, owner.member.id)).toBe('desk_1')
  })
})
