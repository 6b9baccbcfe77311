/**
 * The tokens the server signs, checked against the real livekit-server with the Node SDK
 * (@livekit/rtc-node): what a lobby token may and may not do, and which rooms get a room token.
 * A lobby token must let a client set its own attributes, and LiveKit ties renaming to the same
 * grant: so the client never shows a LiveKit name, and these tests pin down what else it allows.
 */
import type { Room} from '@livekit/rtc-node';
import { AudioSource, LocalAudioTrack, RoomEvent, TrackPublishOptions, TrackSource, type Participant } from '@livekit/rtc-node'
import { RoomServiceClient, TokenVerifier } from 'livekit-server-sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LobbyToken, RoomToken, SignedIn } from '../../protocol/api.ts'
import { lobbyRoomName, mediaRoomName, topics } from '../../protocol/presence.ts'
import { addMember, connectParticipant, createWorkspace } from '../support/factories.ts'
import { httpClient, type HttpClient } from '../support/http.ts'
import { startLivekit, type TestLivekit } from '../support/livekit.ts'
import { startServer, type TestServer } from '../support/server.ts'

describe('LiveKit tokens on a real livekit-server', () => {
  let livekit: TestLivekit
  let server: TestServer
  let http: HttpClient
  let owner: SignedIn
  let member: SignedIn
  const rooms: Room[] = []

  beforeAll(async () => {
    livekit = await startLivekit()
    server = await startServer({ livekit })
    http = httpClient(server.url)
    owner = await createWorkspace(http)
    member = await addMember(http, owner)
  })
  afterAll(async () => {
    await Promise.all(rooms.map((r) => r.disconnect()))
    await server?.stop()
    await livekit?.stop()
  })

  const connect = async (url: string, token: string) => {
    const room = await connectParticipant(url, token)
    rooms.push(room)
    return room
  }
  const lobbyTokenFor = async (who: SignedIn) => {
    const res = await http.post<LobbyToken>(`/api/workspaces/${who.workspace.id}/lobby/token`, undefined, who.session.token)
    expect(res.status).toBe(200)
    return res.body
  }

  it('a lobby token joins only the lobby, updates its own attributes, and cannot publish media', async () => {
    const token = await lobbyTokenFor(member)
    expect(token.identity).toBe(member.member.id)
    const claims = await new TokenVerifier(livekit.apiKey, livekit.apiSecret).verify(token.token)
    // Exactly these grants: no admin, list, record or hidden participant, nothing added unnoticed.
    expect(claims.video).toEqual({ roomJoin: true, room: lobbyRoomName(owner.workspace.id), canPublish: false, canPublishSources: [], canSubscribe: false, canPublishData: true, canUpdateOwnMetadata: true })
    expect(claims.exp! - claims.nbf!).toBe(15 * 60)

    const observer = await connect(token.url, (await lobbyTokenFor(owner)).token)
    // The change reaches the observer as an attribute event, or inside the join if it is first news.
    const seen = new Promise<Record<string, string>>((resolve) => {
      const check = (p: Participant) => p.identity === member.member.id && p.attributes.status === 'busy' && resolve(p.attributes)
      observer.on(RoomEvent.ParticipantConnected, check)
      observer.on(RoomEvent.ParticipantAttributesChanged, (_changed: Record<string, string>, p: Participant) => check(p))
    })
    const room = await connect(token.url, token.token)
    await room.localParticipant!.setAttributes({ status: 'busy', room: '' })
    expect((await seen).status).toBe('busy')

    const track = LocalAudioTrack.createAudioTrack('mic', new AudioSource(48_000, 1))
    const options = new TrackPublishOptions()
    options.source = TrackSource.SOURCE_MICROPHONE
    await expect(room.localParticipant!.publishTrack(track, options)).rejects.toThrow()
    const service = new RoomServiceClient(livekit.httpUrl, livekit.apiKey, livekit.apiSecret)
    const info = await service.getParticipant(lobbyRoomName(owner.workspace.id), member.member.id)
    expect(info.tracks.filter((t) => t.type !== 2 /* DATA */)).toEqual([])
    expect(info.permission?.canPublish).toBe(false)
  })

  it('a room token is issued for a room on the floor plan and connects to exactly that room', async () => {
    const res = await http.post<RoomToken>(`/api/workspaces/${owner.workspace.id}/rooms/room_meeting/token`, undefined, member.session.token)
    expect(res.status).toBe(200)
    const claims = await new TokenVerifier(livekit.apiKey, livekit.apiSecret).verify(res.body.token)
    expect(claims.video).toMatchObject({ roomJoin: true, room: mediaRoomName(owner.workspace.id, 'room_meeting'), canPublish: true, canSubscribe: true })
    expect(claims.exp! - claims.nbf!).toBe(10 * 60)
    const room = await connect(res.body.url, res.body.token)
    expect(room.name).toBe(mediaRoomName(owner.workspace.id, 'room_meeting'))
  })

  it('refuses rooms that are not on the floor plan, or that belong to another workspace', async () => {
    const missing = await http.post(`/api/workspaces/${owner.workspace.id}/rooms/room_nowhere/token`, undefined, member.session.token)
    expect(missing.status).toBe(404)
    const other = await createWorkspace(http, 'Other')
    const foreign = await http.post(`/api/workspaces/${other.workspace.id}/rooms/room_meeting/token`, undefined, member.session.token)
    expect(foreign.status).toBe(404)
    const anonymous = await http.post(`/api/workspaces/${owner.workspace.id}/rooms/room_meeting/token`)
    expect(anonymous.status).toBe(401)
  })

  it('keeps a private office to its owner', async () => {
    const refused = await http.post<{ reason: string }>(`/api/workspaces/${owner.workspace.id}/rooms/room_private/token`, undefined, member.session.token)
    expect(refused.status).toBe(403)
    expect(refused.body.reason).toBe('private')
    const allowed = await http.post<RoomToken>(`/api/workspaces/${owner.workspace.id}/rooms/room_private/token`, undefined, owner.session.token)
    expect(allowed.status).toBe(200)
    await connect(allowed.body.url, allowed.body.token)
  })

  it('a lobby participant may rename itself (so clients ignore LiveKit names) but administers nothing', async () => {
    const token = await lobbyTokenFor(member)
    const observer = await connect(token.url, (await lobbyTokenFor(owner)).token)
    const room = await connect(token.url, token.token)
    const renamed = new Promise<string>((resolve) =>
      observer.on(RoomEvent.ParticipantNameChanged, (name: string, p: Participant) => p.identity === member.member.id && resolve(name)),
    )
    // LiveKit has one grant for attributes, metadata and name: a peer can take anyone's name.
    await room.localParticipant!.updateName(owner.member.name)
    expect(await renamed).toBe(owner.member.name)

    // The token is no key to the room service: listing rooms, removing or muting someone is refused.
    const twirp = (method: string, body: object) =>
      fetch(`${livekit.httpUrl}/twirp/livekit.RoomService/${method}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    const lobby = lobbyRoomName(owner.workspace.id)
    for (const [method, body] of [
      ['ListRooms', {}],
      ['ListParticipants', { room: lobby }],
      ['RemoveParticipant', { room: lobby, identity: owner.member.id }],
      ['UpdateParticipant', { room: lobby, identity: owner.member.id, name: 'Mallory' }],
      ['SendData', { room: lobby, data: Buffer.from('{}').toString('base64'), kind: 0, topic: topics.occupancy }],
    ] as const) {
      const res = await twirp(method, body)
      expect(res.status, `${method} with a lobby token`).toBeGreaterThanOrEqual(401)
      expect(res.status, `${method} with a lobby token`).toBeLessThan(500)
    }
    expect([...observer.remoteParticipants.keys()]).toContain(member.member.id)
  })

  it("a lobby participant's data always carries its identity, so it cannot pass for the server", async () => {
    const token = await lobbyTokenFor(member)
    const observer = await connect(token.url, (await lobbyTokenFor(owner)).token)
    const room = await connect(token.url, token.token)
    const heard = new Promise<string | undefined>((resolve) =>
      observer.on(RoomEvent.DataReceived, (_payload: Uint8Array, from?: Participant, _kind?: unknown, topic?: string) => topic === topics.occupancy && resolve(from?.identity)),
    )
    await room.localParticipant!.publishData(new TextEncoder().encode(JSON.stringify({ rooms: { room_private: [member.member.id] } })), { reliable: true, topic: topics.occupancy })
    expect(await heard).toBe(member.member.id)
  })
})
