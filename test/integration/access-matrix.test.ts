/**
 * The access matrix, generated from one table: every documented route (rows) × who calls it
 * (owner, host, member, guest, anonymous) × whose workspace it names (their own, another), and for
 * room tokens × the room's rule. Every cell is its own test and asserts the status, the error body
 * and, where a LiveKit token is issued, its decoded grants. The rows of the routes hosts use to make
 * the office theirs are in access-matrix-hosts.test.ts; here, every other route's. A route added to
 * the OpenAPI document without a row in one of the two fails a coverage test (support/access-matrix.ts).
 */
import { TokenVerifier } from 'livekit-server-sdk'
import { describe, expect, it } from 'vitest'
import type { Floor } from '../../protocol/floor/records.ts'
import { lobbyRoomName, mediaRoomName } from '../../protocol/presence.ts'
import { checkCoverage, cellsOf, everyone, grid, hostsOnly, matrix, me, runCell, useMatrix, type Cell, type Row } from '../support/access-matrix.ts'
import { MEMBER_PASSWORD, OWNER_PASSWORD, addMember, createWorkspace, editFloor, newPerson, roomRecord, signIn } from '../support/factories.ts'

type Grid = Row['own']

const verifier = () => new TokenVerifier(matrix.stack.livekit.apiKey, matrix.stack.livekit.apiSecret)

const ROOM_SOURCES = ['camera', 'microphone', 'screen_share', 'screen_share_audio']
const roomToken = (room: string, capacity: number, variant: string, own: Grid): Row => ({
  route: 'POST /api/workspaces/{ws}/rooms/{room}/token',
  variant,
  own,
  request: () => ({ params: { room } }),
  async check(res, c) {
    const claims = await verifier().verify(String(res.body.token))
    expect(res.body.url).toBe(matrix.stack.livekit.url)
    // Exactly these grants: nothing wider than one room's media (no admin, no list, no record).
    expect(claims.video).toEqual({
      roomJoin: true, room: mediaRoomName(c.home.ws, room), canPublish: true, canPublishSources: ROOM_SOURCES, canSubscribe: true, canPublishData: true, canUpdateOwnMetadata: false,
    })
    expect(claims.sub).toBe(me(c).member.id)
    expect(claims.exp! - claims.nbf!).toBe(10 * 60)
    expect(claims.roomConfig).toMatchObject({ name: mediaRoomName(c.home.ws, room), maxParticipants: capacity })
  },
})

/** Looking in at the door: the same door as the token's (a place to spare besides), for a hidden participant that receives and sends nothing. */
const roomPreview = (room: string, capacity: number, variant: string, own: Grid): Row => ({
  route: 'POST /api/workspaces/{ws}/rooms/{room}/preview',
  variant,
  own,
  request: () => ({ params: { room } }),
  async check(res, c) {
    const claims = await verifier().verify(String(res.body.token))
    expect(claims.video).toEqual({
      roomJoin: true, room: mediaRoomName(c.home.ws, room), hidden: true, canPublish: false, canPublishSources: [], canSubscribe: true, canPublishData: false, canUpdateOwnMetadata: false,
    })
    expect(claims.sub).toBe(me(c).member.id)
    expect(claims.exp! - claims.nbf!).toBe(60)
    expect(claims.roomConfig).toMatchObject({ name: mediaRoomName(c.home.ws, room), maxParticipants: capacity })
  },
})
/** Walking in through a door looked in at: nobody here has a preview, so whoever the door lets in is told to fetch a token. */
const roomEnter = (room: string, variant: string, own: Grid): Row => ({ route: 'POST /api/workspaces/{ws}/rooms/{room}/enter', variant, own, request: () => ({ params: { room } }) })

/** Rooms the moderation rows work in, added once per test file: a stage, and one room per caller that the caller owns. */
const added = new Map<string, Promise<string>>()
const roomFor = (c: Cell, owned: boolean): Promise<string> => {
  const id = owned ? `room_mod_${c.caller}` : 'room_mod_stage'
  if (!added.has(id)) {
    const x = 540 + 50 * ['owner', 'host', 'member', 'guest', 'anonymous', 'stage'].indexOf(owned ? c.caller : 'stage')
    const room = roomRecord(id, { x, kind: 'stage', ownerId: owned ? me(c).member.id : null })
    added.set(id, editFloor(matrix.http, c.home.owner, [{ op: 'room.add', room }]).then(() => id))
  }
  return added.get(id)!
}
const moderation = (route: string, body: (c: Cell) => Record<string, unknown> | undefined, ok: number): Row[] => [
  {
    route,
    variant: 'hosts moderate any room',
    own: hostsOnly(ok),
    request: async (c) => ({ params: { room: await roomFor(c, false), member: c.home.bystander.member.id }, body: body(c) }),
  },
  {
    route,
    variant: 'a member moderates a room they own',
    own: grid(ok, ok, ok, 403),
    other: null,
    request: async (c) => ({ params: { room: await roomFor(c, true), member: c.home.bystander.member.id }, body: body(c) }),
  },
]

const table: Row[] = [
  { route: 'POST /api/workspaces', own: grid(201, 201, 201, 201, 201), other: null, request: () => ({ body: { name: 'Elsewhere', owner: newPerson('founder') } }) },
  {
    route: 'POST /api/sessions',
    variant: 'the caller signs in with their own password (anonymous: a wrong one)',
    own: grid(201, 201, 201, 201, 401),
    other: everyone(401),
    request: (c) => ({ body: { email: me(c).member.email, password: c.who ? (c.caller === 'owner' ? OWNER_PASSWORD : MEMBER_PASSWORD) : 'wrong-password', workspaceId: c.target.ws } }),
  },
  {
    route: 'DELETE /api/sessions/current',
    own: everyone(204),
    other: null,
    request: async (c) => (c.who ? { token: (await signIn(matrix.http, c.who)).session.token } : {}),
    async check(_res, c, req) {
      expect((await matrix.http.get('/api/me', req.token)).status).toBe(401)
      expect((await matrix.http.get('/api/me', c.who!.session.token)).status).toBe(200)
    },
  },
  {
    route: 'DELETE /api/sessions',
    variant: 'someone of the caller\'s role signs out everywhere (the matrix keeps its own sessions)',
    own: everyone(200),
    other: null,
    async request(c) {
      if (!c.who) return {}
      const subject = c.caller === 'owner' ? await createWorkspace(matrix.http) : await addMember(matrix.http, c.home.owner, c.caller as 'host' | 'member' | 'guest', ['room_meeting'])
      return { token: subject.session.token, subject }
    },
    async check(res, c, req) {
      expect(res.body).toEqual({ sessionsEnded: 1 })
      expect((await matrix.http.get('/api/me', req.token)).status).toBe(401)
      expect((await matrix.http.get('/api/me', c.who!.session.token)).status).toBe(200)
    },
  },
  { route: 'GET /api/me', own: everyone(200), other: null, request: () => ({}), check: (res, c) => expect((res.body.member as { id: string }).id).toBe(c.who!.member.id) },
  { route: 'PATCH /api/me', own: everyone(200), other: null, request: (c) => ({ body: { name: me(c).member.name } }) },
  {
    route: 'GET /api/workspaces/{ws}/members',
    own: grid(200, 200, 200, 200),
    request: () => ({}),
    check(res, c) {
      const listed = res.body.members as { id: string; name: string; email?: string; deskId: string | null; lastSeenAt: number | null }[]
      expect(listed.map((m) => m.id)).toEqual(expect.arrayContaining([c.home.owner.member.id, c.home.guest.member.id]))
      // Emails are for hosts (and each member's own record).
      const others = listed.filter((m) => m.id !== c.who!.member.id)
      expect(others.every((m) => (m.email !== undefined) === (c.caller === 'owner' || c.caller === 'host'))).toBe(true)
      // Guests learn names (which peers may not claim for themselves), not desks or last seen.
      if (c.caller === 'guest') expect(others.every((m) => m.name.length > 0 && m.deskId === null && m.lastSeenAt === null)).toBe(true)
    },
  },
  { route: 'GET /api/workspaces/{ws}/floors', own: everyone(200), request: () => ({}) },
  { route: 'GET /api/workspaces/{ws}/floors/{floor}', own: everyone(200), request: () => ({ params: { floor: 'floor_main' } }) },
  { route: 'GET /api/workspaces/{ws}/floors/{floor}', variant: 'a floor that does not exist', own: everyone(404), other: null, request: () => ({ params: { floor: 'floor_nowhere' } }) },
  { route: 'GET /api/workspaces/{ws}/floors/{floor}/ops', own: everyone(200), request: () => ({ params: { floor: 'floor_main' }, query: '?since=0' }) },
  {
    route: 'POST /api/workspaces/{ws}/floors/{floor}/edits',
    own: hostsOnly(200),
    request: async (c) => {
      const floor = await matrix.http.get<Floor>(`/api/workspaces/${c.home.ws}/floors/floor_main`, c.home.owner.session.token)
      return { params: { floor: 'floor_main' }, body: { baseVersion: floor.body.version, ops: [{ op: 'floor.update', changes: { name: 'Main floor' } }] } }
    },
  },
  {
    route: 'POST /api/workspaces/{ws}/lobby/token',
    own: everyone(200),
    request: () => ({}),
    async check(res, c) {
      const claims = await verifier().verify(String(res.body.token))
      expect(res.body.identity).toBe(c.who!.member.id)
      expect(claims.sub).toBe(c.who!.member.id)
      // Presence only: data and own attributes, no media either way, nothing else.
      expect(claims.video).toEqual({
        roomJoin: true, room: lobbyRoomName(c.home.ws), canPublish: false, canPublishSources: [], canSubscribe: false, canPublishData: true, canUpdateOwnMetadata: true,
      })
      expect(claims.exp! - claims.nbf!).toBe(15 * 60)
    },
  },
  roomToken('room_meeting', 8, 'open meeting room, named in the guest invite', everyone(200)),
  roomToken('room_lounge', 20, 'open lounge, not named in the guest invite', grid(200, 200, 200, '403 private')),
  roomToken('room_locked', 8, 'locked room', grid(200, 200, '403 locked', '403 locked')),
  roomToken('room_office', 8, "someone else's private office", everyone('403 private')),
  roomToken('room_allowed', 8, 'private office that allows the caller', everyone(200)),
  roomToken('room_private', 4, "the workspace owner's private office", grid(200, '403 private', '403 private', '403 private')),
  roomToken('room_full', 1, 'full room (capacity 1, one participant connected)', everyone('409 full')),
  roomToken('room_nowhere', 8, 'room not on the floor plan', everyone(404)),
  roomPreview('room_meeting', 8, 'open meeting room, named in the guest invite', everyone(200)),
  roomPreview('room_locked', 8, 'locked room', grid(200, 200, '403 locked', '403 locked')),
  roomPreview('room_office', 8, "someone else's private office", everyone('403 private')),
  roomPreview('room_full', 1, 'full room (capacity 1, one participant connected)', everyone('409 full')),
  roomPreview('room_nowhere', 8, 'room not on the floor plan', everyone(404)),
  roomEnter('room_meeting', 'open meeting room, with no preview in it', everyone('409 not-previewing')),
  roomEnter('room_locked', 'locked room, with no preview in it', grid('409 not-previewing', '409 not-previewing', '403 locked', '403 locked')),
  roomEnter('room_office', "someone else's private office", everyone('403 private')),
  roomEnter('room_nowhere', 'room not on the floor plan', everyone(404)),
  { route: 'GET /api/workspaces/{ws}/occupancy', own: everyone(200), request: () => ({}), check: (res, c) => expect(res.body.rooms).toMatchObject({ room_full: [c.home.bystander.member.id] }) },
  {
    route: 'PUT /api/workspaces/{ws}/rooms/{room}/allowed',
    variant: "someone else's private office",
    own: grid(200, 403, 403, 403),
    request: () => ({ params: { room: 'room_office' }, body: { allowed: [] } }),
  },
  {
    route: 'PUT /api/workspaces/{ws}/rooms/{room}/allowed',
    variant: 'an office the caller owns',
    own: grid(200, 200, 200, 403),
    other: null,
    async request(c) {
      const room = `room_own_${c.caller}`
      const x = 280 + 50 * ['owner', 'host', 'member', 'guest', 'anonymous'].indexOf(c.caller)
      await editFloor(matrix.http, c.home.owner, [{ op: 'room.add', room: roomRecord(room, { x, kind: 'private', ownerId: me(c).member.id }) }])
      return { params: { room }, body: { allowed: [c.home.bystander.member.id] } }
    },
    async check(_res, c) {
      const floor = await matrix.http.get<Floor>(`/api/workspaces/${c.home.ws}/floors/floor_main`, c.home.owner.session.token)
      expect(floor.body.rooms.find((r) => r.id === `room_own_${c.caller}`)?.allowed).toEqual([c.home.bystander.member.id])
    },
  },
  {
    route: 'PUT /api/workspaces/{ws}/rooms/{room}/allowed',
    variant: 'a room that is not a private office',
    own: grid(400, 400, 400, 403),
    other: null,
    request: () => ({ params: { room: 'room_lounge' }, body: { allowed: [] } }),
  },
  {
    route: 'POST /api/workspaces/{ws}/rooms/{room}/admissions',
    variant: 'someone at the door of an open room',
    own: hostsOnly(204),
    request: (c) => ({ params: { room: 'room_lounge' }, body: { memberId: c.home.bystander.member.id } }),
  },
  {
    route: 'POST /api/workspaces/{ws}/rooms/{room}/admissions',
    variant: "into someone else's private office",
    own: everyone(403),
    other: null,
    request: (c) => ({ params: { room: 'room_office' }, body: { memberId: c.home.member.member.id } }),
  },
  {
    route: 'POST /api/workspaces/{ws}/rooms/{room}/admissions',
    variant: 'the caller lets themselves in',
    own: everyone(403),
    other: null,
    request: (c) => ({ params: { room: 'room_locked' }, body: { memberId: me(c).member.id } }),
  },
  {
    route: 'POST /api/workspaces/{ws}/rooms/{room}/admissions',
    variant: 'a member of another workspace',
    own: grid(404, 404, 404, 403),
    other: null,
    request: () => ({ params: { room: 'room_lounge' }, body: { memberId: matrix.away.member.member.id } }),
  },
  ...moderation('POST /api/workspaces/{ws}/rooms/{room}/speakers/{member}', () => undefined, 204),
  ...moderation('DELETE /api/workspaces/{ws}/rooms/{room}/speakers/{member}', () => undefined, 204),
  ...moderation('PUT /api/workspaces/{ws}/rooms/{room}/locked', () => ({ locked: true }), 200),
  ...moderation('POST /api/workspaces/{ws}/rooms/{room}/removals', (c) => ({ memberId: c.home.bystander.member.id }), 200),
  {
    route: 'POST /api/workspaces/{ws}/rooms/{room}/mute',
    variant: 'someone who is not in the room',
    own: grid(409, 409, 403, 403),
    request: (c) => ({ params: { room: 'room_lounge' }, body: { memberId: c.home.bystander.member.id } }),
  },
  {
    route: 'POST /api/workspaces/{ws}/rooms/{room}/mute',
    variant: 'a member of another workspace',
    own: grid(404, 404, 403, 403),
    other: null,
    request: () => ({ params: { room: 'room_lounge' }, body: { memberId: matrix.away.member.member.id } }),
  },
]

describe('access matrix: route × caller × workspace × room rule', () => {
  useMatrix()

  it('has a row for every documented route but the hosts\' ones (those are in access-matrix-hosts.test.ts), and documents every row', () => checkCoverage(table, 'others'))

  it('leaves out only public routes: health, readiness, ping and the client config answer anyone, the webhook only a LiveKit signature', async () => {
    const { http, home } = matrix
    expect((await http.get('/api/health')).status).toBe(200)
    expect((await http.get('/api/ready')).status).toBe(200)
    expect((await http.get('/api/ping')).status).toBe(200)
    expect((await http.get('/api/client-config')).status).toBe(200)
    expect((await http.get('/api/openapi.json')).status).toBe(200)
    const unsigned = await http.post('/api/livekit/webhook', { event: 'participant_joined', room: { name: `${home.ws}.room_meeting` } })
    expect(unsigned.status).toBe(401)
  })

  it.each(cellsOf(table))('$name', runCell)
})
