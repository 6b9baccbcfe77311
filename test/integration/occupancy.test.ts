/**
 * Occupancy comes from LiveKit: a member joining a media room reaches the server as a signed
 * webhook, and the server tells every lobby client who is in which room.
 */
import type { Room} from '@livekit/rtc-node';
import { RoomEvent, type RemoteParticipant } from '@livekit/rtc-node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LobbyToken, Occupancy, RoomToken, SignedIn } from '../../protocol/api.ts'
import { topics, type OccupancyNotice } from '../../protocol/presence.ts'
import { addMember, connectParticipant, createWorkspace } from '../support/factories.ts'
import { httpClient, type HttpClient } from '../support/http.ts'
import { startStack, type Stack } from '../support/stack.ts'

describe('room occupancy from LiveKit webhooks', () => {
  let stack: Stack
  let http: HttpClient
  let owner: SignedIn
  let member: SignedIn
  const rooms: Room[] = []

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

  const connect = async (url: string, token: string) => {
    const room = await connectParticipant(url, token)
    rooms.push(room)
    return room
  }

  /** Resolves with the first occupancy notice from the server that satisfies `test`. */
  const nextOccupancy = (lobby: Room, test: (n: OccupancyNotice) => boolean) =>
    new Promise<OccupancyNotice>((resolve) =>
      lobby.on(RoomEvent.DataReceived, (payload: Uint8Array, participant?: RemoteParticipant, _kind?: unknown, topic?: string) => {
        if (participant || topic !== topics.occupancy) return
        const notice = JSON.parse(new TextDecoder().decode(payload)) as OccupancyNotice
        if (test(notice)) resolve(notice)
      }),
    )

  it('reports a member joining and leaving a media room to lobby clients', async () => {
    const lobbyToken = await http.post<LobbyToken>(`/api/workspaces/${owner.workspace.id}/lobby/token`, undefined, owner.session.token)
    const lobby = await connect(lobbyToken.body.url, lobbyToken.body.token)

    const joined = nextOccupancy(lobby, (n) => n.rooms.room_meeting?.includes(member.member.id) === true)
    const token = await http.post<RoomToken>(`/api/workspaces/${owner.workspace.id}/rooms/room_meeting/token`, undefined, member.session.token)
    const media = await connect(token.body.url, token.body.token)
    expect((await joined).rooms).toEqual({ room_meeting: [member.member.id] })

    const snapshot = await http.get<Occupancy>(`/api/workspaces/${owner.workspace.id}/occupancy`, owner.session.token)
    expect(snapshot.body.rooms).toEqual({ room_meeting: [member.member.id] })

    const left = nextOccupancy(lobby, (n) => !n.rooms.room_meeting)
    await media.disconnect()
    expect((await left).rooms).toEqual({})
  })

  it('refuses a webhook whose signature does not verify', async () => {
    const res = await fetch(`${stack.server.url}/api/livekit/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/webhook+json', authorization: 'Bearer not-a-livekit-jwt' },
      body: JSON.stringify({ event: 'participant_joined', room: { name: `${owner.workspace.id}.room_meeting` } }),
    })
    expect(res.status).toBe(401)
    const after = await http.get<Occupancy>(`/api/workspaces/${owner.workspace.id}/occupancy`, owner.session.token)
    expect(after.body.rooms).toEqual({})
  })
})
