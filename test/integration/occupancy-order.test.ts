/**
 * Occupancy stays right when many people join and leave one room at the same moment: LiveKit sends
 * a burst of webhooks, each makes the server read the room's participant list, and the last list
 * written must be the newest one read. Real livekit-server, real participants, real webhooks; and
 * two webhooks whose reads of LiveKit are made to finish out of order (a slow answer from LiveKit).
 */
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import type { Room } from '@livekit/rtc-node'
import type { FastifyInstance } from 'fastify'
import { AccessToken, RoomServiceClient } from 'livekit-server-sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LobbyToken, RoomToken, SignedIn } from '../../protocol/api.ts'
import { mediaRoomName } from '../../protocol/presence.ts'
import { buildApp } from '../../server/app.ts'
import { createRooms, type Rooms } from '../../server/livekit/rooms.ts'
import { openSqliteStore } from '../../server/store/sqlite/sqlite-store.ts'
import { addMember, connectParticipant, createWorkspace, occupantsOf, until } from '../support/factories.ts'
import { httpClient, type HttpClient } from '../support/http.ts'
import { startLivekit, type TestLivekit } from '../support/livekit.ts'
import { TEST_PASSWORD_COST } from '../support/server.ts'
import { startStack, type Stack } from '../support/stack.ts'
import { tempDir } from '../support/temp.ts'

const PEOPLE = 12
const ROUNDS = 4

describe('occupancy under bursts of joins and leaves', () => {
  let stack: Stack
  let http: HttpClient
  let owner: SignedIn
  let people: SignedIn[]
  const connected = new Map<string, Room>()

  beforeAll(async () => {
    stack = await startStack()
    http = httpClient(stack.server.url)
    owner = await createWorkspace(http)
    people = []
    for (let i = 0; i < PEOPLE; i++) people.push(await addMember(http, owner))
  })
  afterAll(async () => {
    await Promise.all([...connected.values()].map((r) => r.disconnect()))
    await stack?.stop()
  })

  const join = async (who: SignedIn) => {
    const token = await http.post<RoomToken>(`/api/workspaces/${owner.workspace.id}/rooms/room_lounge/token`, undefined, who.session.token)
    expect(token.status).toBe(200)
    connected.set(who.member.id, await connectParticipant(token.body.url, token.body.token))
  }
  const leave = async (who: SignedIn) => {
    const room = connected.get(who.member.id)!
    connected.delete(who.member.id)
    await room.disconnect()
  }

  it(`ends every round with exactly who is in the room (${ROUNDS} rounds of ${PEOPLE} people joining and leaving at once)`, async () => {
    const livekit = new RoomServiceClient(stack.livekit.httpUrl, stack.livekit.apiKey, stack.livekit.apiSecret)
    const inLivekit = async () => (await livekit.listParticipants(mediaRoomName(owner.workspace.id, 'room_lounge')).catch(() => [])).map((p) => p.identity).sort()
    for (let round = 0; round < ROUNDS; round++) {
      // Everyone outside joins and about half of those inside leave, all at once.
      const inside = people.filter((p) => connected.has(p.member.id))
      const leaving = inside.filter((_, i) => (i + round) % 2 === 0)
      const joining = people.filter((p) => !connected.has(p.member.id))
      await Promise.all([...leaving.map(leave), ...joining.map(join)])
      const expected = [...connected.keys()].sort()
      await until(async () => JSON.stringify(await inLivekit()) === JSON.stringify(expected), `LiveKit to list round ${round}'s people`)
      // LiveKit's webhooks for the round arrive after this; the server must end where LiveKit is.
      await until(async () => JSON.stringify([...(await occupantsOf(http, owner, 'room_lounge'))].sort()) === JSON.stringify(expected), `the server's occupancy after round ${round}`)
    }
  })
})

describe('occupancy when an older read of LiveKit answers last', () => {
  let livekit: TestLivekit
  let app: FastifyInstance
  let http: HttpClient
  const dir = tempDir('occupancy-order-')
  /** The next read of a room's participants, once made, waits for `release` before it answers. */
  let held: { reached: (list: string[]) => void; released: Promise<void> } | null = null

  beforeAll(async () => {
    // No webhooks from LiveKit here: the test sends them, signed with LiveKit's key, when it wants.
    livekit = await startLivekit()
    const real = createRooms(livekit)
    const rooms: Rooms = {
      ...real,
      async participants(roomName) {
        const list = await real.participants(roomName)
        const hold = held
        held = null
        if (hold) {
          hold.reached(list)
          await hold.released
        }
        return list
      },
    }
    app = await buildApp({ store: openSqliteStore(join(dir.path, 'office.db')), livekit, rooms, passwordCost: TEST_PASSWORD_COST })
    http = httpClient(await app.listen({ port: 0, host: '127.0.0.1' }))
  })
  afterAll(async () => {
    await app?.close()
    await livekit?.stop()
    dir.remove()
  })

  async function webhook(event: 'participant_joined' | 'participant_left', roomName: string, identity: string) {
    // A join's webhook carries the participant's attributes as LiveKit has them (their token's session among them).
    const attributes = event === 'participant_joined' ? (await new RoomServiceClient(livekit.httpUrl, livekit.apiKey, livekit.apiSecret).getParticipant(roomName, identity)).attributes : {}
    const body = JSON.stringify({ id: `EV_${event}_${identity}`, event, room: { name: roomName }, participant: { identity, attributes }, createdAt: String(Math.floor(Date.now() / 1000)) })
    const token = new AccessToken(livekit.apiKey, livekit.apiSecret)
    token.sha256 = createHash('sha256').update(body).digest('base64')
    const res = await fetch(`${app.listeningOrigin}/api/livekit/webhook`, { method: 'POST', headers: { 'content-type': 'application/webhook+json', authorization: await token.toJwt() }, body })
    expect(res.status).toBe(204)
  }

  it('keeps the newer list: someone who left is not shown in the room again by the read made before they left', async () => {
    const owner = await createWorkspace(http)
    const member = await addMember(http, owner)
    const roomName = mediaRoomName(owner.workspace.id, 'room_meeting')
    const token = await http.post<RoomToken>(`/api/workspaces/${owner.workspace.id}/rooms/room_meeting/token`, undefined, member.session.token)
    const media = await connectParticipant(token.body.url, token.body.token)
    // Someone in the lobby, to be told.
    const lobbyToken = await http.post<LobbyToken>(`/api/workspaces/${owner.workspace.id}/lobby/token`, undefined, owner.session.token)
    const lobby = await connectParticipant(lobbyToken.body.url, lobbyToken.body.token)

    // The join's webhook reads LiveKit (the member is there), and its answer is held up.
    let release = () => {}
    const firstRead = new Promise<string[]>((reached) => (held = { reached, released: new Promise<void>((r) => (release = r)) }))
    const joined = webhook('participant_joined', roomName, member.member.id)
    expect(await firstRead).toEqual([member.member.id])

    // The member leaves; LiveKit says so; its webhook arrives and is answered.
    await media.disconnect()
    const service = new RoomServiceClient(livekit.httpUrl, livekit.apiKey, livekit.apiSecret)
    await until(async () => (await service.listParticipants(roomName).catch(() => [])).length === 0, 'LiveKit to list nobody')
    await webhook('participant_left', roomName, member.member.id)

    // Only now does the older read answer. The room must end empty, as LiveKit has it.
    release()
    await joined
    await until(async () => (await occupantsOf(http, owner, 'room_meeting')).length === 0, 'the server to show the room empty')
    await lobby.disconnect()
  })
})
