/**
 * The room rules hold in LiveKit itself, not only in the server's answers: a token joins exactly
 * the room it names and cannot be bent to another, stale or forged tokens are refused, a room's
 * capacity travels in the token, and a knock answered from inside opens a locked door.
 */
import { createHmac } from 'node:crypto'
import type { Room } from '@livekit/rtc-node'
import { RoomServiceClient } from 'livekit-server-sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LobbyToken, RoomToken, SignedIn } from '../../protocol/api.ts'
import { lobbyRoomName, mediaRoomName } from '../../protocol/presence.ts'
import { addMember, connectParticipant, createWorkspace, editFloor, occupantsOf, occupy, roomRecord, until } from '../support/factories.ts'
import { httpClient, type HttpClient } from '../support/http.ts'
import { startStack, type Stack } from '../support/stack.ts'

describe('LiveKit enforces what the tokens say', () => {
  let stack: Stack
  let http: HttpClient
  let owner: SignedIn
  let member: SignedIn
  const rooms: Room[] = []
  const ws = () => owner.workspace.id

  beforeAll(async () => {
    stack = await startStack()
    http = httpClient(stack.server.url)
    owner = await createWorkspace(http)
    member = await addMember(http, owner)
  })
  afterAll(async () => {
    await Promise.all(rooms.map((r) => r.disconnect()))
    await stack?.stop()
  })

  const join = async (token: string) => {
    const room = await connectParticipant(stack.livekit.url, token)
    rooms.push(room)
    return room
  }
  const roomToken = async (who: SignedIn, roomId: string) => {
    const res = await http.post<RoomToken>(`/api/workspaces/${ws()}/rooms/${roomId}/token`, undefined, who.session.token)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    return res.body.token
  }
  const lobbyToken = async (who: SignedIn) => (await http.post<LobbyToken>(`/api/workspaces/${ws()}/lobby/token`, undefined, who.session.token)).body.token
  const identitiesIn = async (name: string) => {
    const service = new RoomServiceClient(stack.livekit.httpUrl, stack.livekit.apiKey, stack.livekit.apiSecret)
    try {
      return (await service.listParticipants(name)).map((p) => p.identity)
    } catch (err) {
      // A room nobody is in may already be closed; it holds nobody.
      if (/not.?found|does not exist/i.test(String(err))) return []
      throw err
    }
  }

  /** The token with its claims changed; `secret` re-signs it (as only the server could), otherwise the old signature stays. */
  function rewrite(token: string, change: (claims: Record<string, unknown> & { video: Record<string, unknown> }) => void, secret?: string): string {
    const [header, payload, signature] = token.split('.') as [string, string, string]
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown> & { video: Record<string, unknown> }
    change(claims)
    const body = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`
    return `${body}.${secret ? createHmac('sha256', secret).update(body).digest('base64url') : signature}`
  }
  const refused = (token: string) => expect(join(token)).rejects.toThrow(/401|unauthori[sz]ed|invalid|expired/i)

  it('a room token joins exactly its room; pointed at another room, LiveKit refuses it', async () => {
    const token = await roomToken(member, 'room_meeting')
    await refused(rewrite(token, (c) => (c.video.room = mediaRoomName(ws(), 'room_lounge'))))
    await refused(rewrite(token, (c) => (c.video.room = lobbyRoomName(ws()))))
    const room = await join(token)
    expect(room.name).toBe(mediaRoomName(ws(), 'room_meeting'))
    expect(await identitiesIn(mediaRoomName(ws(), 'room_meeting'))).toContain(member.member.id)
    expect(await identitiesIn(mediaRoomName(ws(), 'room_lounge'))).not.toContain(member.member.id)
  })

  it('a lobby token joins only the lobby; pointed at a media room or widened to publish, LiveKit refuses it', async () => {
    const token = await lobbyToken(member)
    await refused(rewrite(token, (c) => (c.video.room = mediaRoomName(ws(), 'room_meeting'))))
    await refused(rewrite(token, (c) => Object.assign(c.video, { canPublish: true, canSubscribe: true })))
    const room = await join(token)
    expect(room.name).toBe(lobbyRoomName(ws()))
  })

  it('refuses an expired token, a token signed with another secret, and garbage', async () => {
    const token = await roomToken(member, 'room_lounge')
    // What the server issued eleven minutes ago: a valid signature, a ten-minute lifetime, over.
    const expired = rewrite(token, (c) => {
      c.nbf = Number(c.nbf) - 11 * 60
      c.exp = Number(c.exp) - 11 * 60
    }, stack.livekit.apiSecret)
    await refused(expired)
    await refused(rewrite(token, () => {}, 'a-secret-livekit-does-not-know-at-all'))
    await refused('not.a.token')
    // The same claims, re-signed with the real secret and still in date, are accepted: the refusals above are about time and signature.
    await join(rewrite(token, () => {}, stack.livekit.apiSecret))
  })

  it("holds a room to its capacity in LiveKit itself (the token's room configuration), and the server then answers 409 full", async () => {
    await editFloor(http, owner, [{ op: 'room.add', room: roomRecord('room_booth', { capacity: 1 }) }])
    const [other, third] = [await addMember(http, owner), await addMember(http, owner)]
    // Both asked while the booth was empty, so both got a token; LiveKit admits only one.
    const first = await roomToken(member, 'room_booth')
    const second = await roomToken(other, 'room_booth')
    const inside = await join(first)
    const service = new RoomServiceClient(stack.livekit.httpUrl, stack.livekit.apiKey, stack.livekit.apiSecret)
    expect((await service.listRooms([mediaRoomName(ws(), 'room_booth')]))[0]?.maxParticipants).toBe(1)
    await expect(join(second)).rejects.toThrow()
    expect(await identitiesIn(mediaRoomName(ws(), 'room_booth'))).toEqual([member.member.id])

    await until(async () => (await occupantsOf(http, owner, 'room_booth')).includes(member.member.id), 'the booth to be occupied')
    const res = await http.post<{ reason: string }>(`/api/workspaces/${ws()}/rooms/room_booth/token`, undefined, third.session.token)
    expect([res.status, res.body.reason]).toEqual([409, 'full'])
    // The one inside may ask again (a reconnect) without counting against themselves.
    await roomToken(member, 'room_booth')

    // It was the capacity: once the booth is free, the refused token gets in.
    await inside.disconnect()
    await until(async () => (await identitiesIn(mediaRoomName(ws(), 'room_booth'))).length === 0, 'LiveKit to let the first one go')
    await join(second)
  })

  it('a knock answered by someone inside a locked room lets the knocker in, and no one else', async () => {
    const [insider, knocker, outsider] = [await addMember(http, owner), await addMember(http, owner), await addMember(http, owner)]
    // The insider is on the room's list, so locking it (which shows out whoever may no longer be there) keeps them inside.
    await editFloor(http, owner, [{ op: 'room.add', room: roomRecord('room_standup', { x: 100, allowed: [insider.member.id] }) }])
    rooms.push(await occupy(http, insider, 'room_standup'))
    await editFloor(http, owner, [{ op: 'room.update', id: 'room_standup', changes: { locked: true } }])

    const ask = (who: SignedIn) => http.post<{ reason?: string }>(`/api/workspaces/${ws()}/rooms/room_standup/token`, undefined, who.session.token)
    const admit = (by: SignedIn, memberId: string) => http.post(`/api/workspaces/${ws()}/rooms/room_standup/admissions`, { memberId }, by.session.token)
    expect((await ask(knocker)).body.reason).toBe('locked')
    expect((await admit(outsider, knocker.member.id)).status).toBe(403)
    expect((await admit(insider, knocker.member.id)).status).toBe(204)

    const room = await join(await roomToken(knocker, 'room_standup'))
    expect(room.name).toBe(mediaRoomName(ws(), 'room_standup'))
    await until(async () => (await occupantsOf(http, owner, 'room_standup')).length === 2, 'the knocker inside')
    const still = await ask(outsider)
    expect([still.status, still.body.reason]).toEqual([403, 'locked'])
  })
})
