/**
 * The access matrix, generated from one table: every documented route (rows) × who calls it
 * (owner, host, member, guest, anonymous) × whose workspace it names (their own, another), and for
 * room tokens × the room's rule. Every cell is its own test and asserts the status, the error body
 * and, where a LiveKit token is issued, its decoded grants. A route added to the OpenAPI document
 * without a row here fails the coverage test.
 */
import type { Room } from '@livekit/rtc-node'
import { TokenVerifier } from 'livekit-server-sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SignedIn } from '../../protocol/api.ts'
import type { Floor } from '../../protocol/floor/records.ts'
import { lobbyRoomName, mediaRoomName } from '../../protocol/presence.ts'
import { MEMBER_PASSWORD, OWNER_PASSWORD, addMember, createWorkspace, editFloor, inviteCode, newPerson, occupy, roomRecord, signIn } from '../support/factories.ts'
import { httpClient, type HttpClient, type HttpResult } from '../support/http.ts'
import { startStack, type Stack } from '../support/stack.ts'

type Caller = 'owner' | 'host' | 'member' | 'guest' | 'anonymous'
type Scope = 'own' | 'other'
/** A status, or a refusal's status with the `reason` its body must carry. */
type Expect = number | '403 locked' | '403 private' | '409 full'
type Grid = Record<Caller, Expect>

interface Office {
  ws: string
  owner: SignedIn
  host: SignedIn
  member: SignedIn
  guest: SignedIn
  /** Owns the private offices the callers do not own, and sits in the full room. */
  bystander: SignedIn
}
interface Cell {
  caller: Caller
  scope: Scope
  who: SignedIn | null
  /** The callers' workspace. */
  home: Office
  /** The workspace the request names: home, or another one. */
  target: Office
}
interface Req {
  params?: Record<string, string>
  body?: unknown
  query?: string
  /** Replaces the caller's usual session, for rows that spend it. */
  token?: string
  /** A member the row created for this cell, for its check. */
  subject?: SignedIn
  /** The code of an invite the row created for this cell, for its check. */
  code?: string
}
interface Row {
  /** Method and path exactly as the OpenAPI document lists them. */
  route: string
  variant?: string
  own: Grid
  /** Expected answers when the request names another workspace; null when the route names none. */
  other?: Grid | null
  request(c: Cell): Req | Promise<Req>
  check?(res: HttpResult<Record<string, unknown>>, c: Cell, req: Req): void | Promise<void>
}

const everyone = (ok: Expect): Grid => ({ owner: ok, host: ok, member: ok, guest: ok, anonymous: 401 })
const hostsOnly = (ok: Expect): Grid => ({ owner: ok, host: ok, member: 403, guest: 403, anonymous: 401 })
const grid = (owner: Expect, host: Expect, member: Expect, guest: Expect, anonymous: Expect = 401): Grid => ({ owner, host, member, guest, anonymous })
/** Another workspace's resources do not exist for outsiders: 404, with no hint. */
const hidden: Grid = everyone(404)

let stack: Stack
let http: HttpClient
let home: Office
let away: Office
const rooms: Room[] = []
const verifier = () => new TokenVerifier(stack.livekit.apiKey, stack.livekit.apiSecret)
const me = (c: Cell) => c.who ?? c.home.member
const freshMember = (o: Office) => addMember(http, o.owner)
const isHost = (c: Cell) => c.caller === 'owner' || c.caller === 'host'
const currentVersion = async (c: Cell) => (await http.get<Floor>(`/api/workspaces/${c.home.ws}/floors/floor_main`, c.home.owner.session.token)).body.version
/** Saves a draft of the home floor for a host caller, so their draft routes have one to act on. */
async function draftFor(c: Cell, ops: unknown[] = [{ op: 'floor.update', changes: { name: 'Main floor' } }]): Promise<void> {
  if (!c.who || !isHost(c)) return
  const res = await http.call('PUT', `/api/workspaces/${c.home.ws}/floors/floor_main/draft`, { token: c.who.session.token, body: { baseVersion: await currentVersion(c), ops } })
  if (res.status !== 200) throw new Error(`draft: ${res.status} ${JSON.stringify(res.body)}`)
}
/** A new invite of `o` by its owner: its id, and its code to try. */
async function freshInvite(o: Office): Promise<{ id: string; code: string }> {
  return (await http.post<{ id: string; code: string }>(`/api/workspaces/${o.ws}/invites`, { role: 'member' }, o.owner.session.token)).body
}

const ROOM_SOURCES = ['camera', 'microphone', 'screen_share', 'screen_share_audio']
const roomToken = (room: string, capacity: number, variant: string, own: Grid): Row => ({
  route: 'POST /api/workspaces/{ws}/rooms/{room}/token',
  variant,
  own,
  request: () => ({ params: { room } }),
  async check(res, c) {
    const claims = await verifier().verify(String(res.body.token))
    expect(res.body.url).toBe(stack.livekit.url)
    // Exactly these grants: nothing wider than one room's media (no admin, no list, no record).
    expect(claims.video).toEqual({
      roomJoin: true, room: mediaRoomName(c.home.ws, room), canPublish: true, canPublishSources: ROOM_SOURCES, canSubscribe: true, canPublishData: true, canUpdateOwnMetadata: false,
    })
    expect(claims.sub).toBe(me(c).member.id)
    expect(claims.exp! - claims.nbf!).toBe(10 * 60)
    expect(claims.roomConfig).toMatchObject({ name: mediaRoomName(c.home.ws, room), maxParticipants: capacity })
  },
})

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
    request: async (c) => (c.who ? { token: (await signIn(http, c.who)).session.token } : {}),
    async check(_res, c, req) {
      expect((await http.get('/api/me', req.token)).status).toBe(401)
      expect((await http.get('/api/me', c.who!.session.token)).status).toBe(200)
    },
  },
  { route: 'GET /api/me', own: everyone(200), other: null, request: () => ({}), check: (res, c) => expect((res.body.member as { id: string }).id).toBe(c.who!.member.id) },
  { route: 'PATCH /api/me', own: everyone(200), other: null, request: (c) => ({ body: { name: me(c).member.name } }) },
  { route: 'POST /api/workspaces/{ws}/invites', variant: 'a member', own: hostsOnly(201), request: () => ({ body: { role: 'member' } }) },
  { route: 'POST /api/workspaces/{ws}/invites', variant: 'a host', own: grid(201, 403, 403, 403), request: () => ({ body: { role: 'host' } }) },
  { route: 'POST /api/workspaces/{ws}/invites', variant: 'an owner', own: grid(403, 403, 403, 403), request: () => ({ body: { role: 'owner' } }) },
  { route: 'POST /api/workspaces/{ws}/invites', variant: 'a guest for one room', own: hostsOnly(201), request: () => ({ body: { role: 'guest', rooms: ['room_meeting'] } }) },
  {
    route: 'GET /api/workspaces/{ws}/invites',
    own: hostsOnly(200),
    request: () => ({}),
    check(res) {
      const invites = res.body.invites as Record<string, unknown>[]
      expect(invites.length).toBeGreaterThan(0)
      // Never the code, nor anything that leads to it.
      for (const invite of invites) expect(Object.keys(invite).sort()).toEqual(['createdAt', 'createdBy', 'email', 'expiresAt', 'id', 'role', 'rooms'])
    },
  },
  {
    route: 'DELETE /api/workspaces/{ws}/invites/{id}',
    own: hostsOnly(204),
    request: async (c) => {
      const invite = await freshInvite(c.target)
      return { params: { id: invite.id }, code: invite.code }
    },
    async check(_res, _c, req) {
      const accepted = await http.post(`/api/invites/${req.code}/accept`, newPerson())
      expect(accepted).toMatchObject({ status: 410, body: { message: expect.stringMatching(/revoked/) } })
    },
  },
  {
    route: 'DELETE /api/workspaces/{ws}/invites/{id}',
    variant: 'an invite of another workspace',
    own: grid(404, 404, 403, 403),
    other: null,
    request: async () => ({ params: { id: (await freshInvite(away)).id } }),
  },
  { route: 'POST /api/invites/{code}/accept', own: grid(201, 201, 201, 201, 201), other: null, request: async (c) => ({ params: { code: await inviteCode(http, c.home.owner) }, body: newPerson() }) },
  {
    route: 'GET /api/workspaces/{ws}/members',
    own: grid(200, 200, 200, 403),
    request: () => ({}),
    check(res, c) {
      const listed = res.body.members as { id: string; email?: string }[]
      expect(listed.map((m) => m.id)).toEqual(expect.arrayContaining([c.home.owner.member.id, c.home.guest.member.id]))
      // Emails are for hosts (and each member's own record).
      const others = listed.filter((m) => m.id !== c.who!.member.id)
      expect(others.every((m) => (m.email !== undefined) === (c.caller !== 'member'))).toBe(true)
    },
  },
  {
    route: 'PATCH /api/workspaces/{ws}/members/{id}',
    own: grid(200, 403, 403, 403),
    request: async (c) => ({ params: { id: c.scope === 'own' ? (await freshMember(c.home)).member.id : c.target.member.member.id }, body: { role: 'host' } }),
    check: (res) => expect(res.body.role).toBe('host'),
  },
  {
    route: 'PATCH /api/workspaces/{ws}/members/{id}',
    variant: 'a member made a guest',
    own: hostsOnly(200),
    request: async (c) => ({ params: { id: c.scope === 'own' ? (await freshMember(c.home)).member.id : c.target.member.member.id }, body: { role: 'guest' } }),
    check: (res) => expect(res.body.role).toBe('guest'),
  },
  {
    route: 'PATCH /api/workspaces/{ws}/members/{id}',
    variant: 'a host made a member',
    own: grid(200, 403, 403, 403),
    other: null,
    request: async (c) => ({ params: { id: (await addMember(http, c.home.owner, 'host')).member.id }, body: { role: 'member' } }),
    check: (res) => expect(res.body.role).toBe('member'),
  },
  {
    route: 'PATCH /api/workspaces/{ws}/members/{id}',
    variant: 'the caller changes their own role',
    own: grid(403, 403, 403, 403),
    other: null,
    request: (c) => ({ params: { id: me(c).member.id }, body: { role: c.caller === 'owner' ? 'host' : 'owner' } }),
  },
  {
    route: 'PATCH /api/workspaces/{ws}/members/{id}',
    variant: 'a member of another workspace',
    own: grid(404, 404, 403, 403),
    other: null,
    request: () => ({ params: { id: away.member.member.id }, body: { role: 'host' } }),
  },
  {
    route: 'DELETE /api/workspaces/{ws}/members/{id}',
    own: hostsOnly(204),
    request: async (c) => {
      if (c.scope === 'other') return { params: { id: c.target.member.member.id } }
      const subject = await freshMember(c.home)
      return { params: { id: subject.member.id }, subject }
    },
    async check(_res, _c, req) {
      // Gone from the directory, and their session ended with them.
      const members = await http.get<{ members: { id: string }[] }>(`/api/workspaces/${home.ws}/members`, home.owner.session.token)
      expect(members.body.members.map((m) => m.id)).not.toContain(req.subject!.member.id)
      expect((await http.get('/api/me', req.subject!.session.token)).status).toBe(401)
    },
  },
  { route: 'DELETE /api/workspaces/{ws}/members/{id}', variant: 'a member of another workspace', own: grid(404, 404, 403, 403), other: null, request: () => ({ params: { id: away.member.member.id } }) },
  { route: 'DELETE /api/workspaces/{ws}/members/{id}', variant: 'the owner', own: grid(403, 403, 403, 403), other: null, request: (c) => ({ params: { id: c.home.owner.member.id } }) },
  { route: 'GET /api/workspaces/{ws}/floors', own: everyone(200), request: () => ({}) },
  { route: 'POST /api/workspaces/{ws}/floors', own: hostsOnly(201), request: () => ({ body: { name: 'Annex', width: 400, height: 300 } }) },
  {
    route: 'POST /api/workspaces/{ws}/floors',
    variant: 'from a template',
    own: hostsOnly(201),
    other: null,
    request: () => ({ body: { name: 'Events', template: 'event-space' } }),
    check: (res) => expect((res.body.rooms as { kind: string }[]).map((r) => r.kind)).toContain('stage'),
  },
  {
    route: 'PUT /api/workspaces/{ws}/floors/order',
    own: hostsOnly(200),
    request: async (c) => {
      const floors = await http.get<{ floors: { id: string }[] }>(`/api/workspaces/${c.target.ws}/floors`, c.target.owner.session.token)
      return { body: { floorIds: floors.body.floors.map((f) => f.id) } }
    },
    check: (res, _c, req) => expect((res.body.floors as { id: string }[]).map((f) => f.id)).toEqual((req.body as { floorIds: string[] }).floorIds),
  },
  {
    route: 'DELETE /api/workspaces/{ws}/floors/{floor}',
    own: hostsOnly(204),
    request: async (c) => {
      if (c.scope === 'other') return { params: { floor: 'floor_main' } }
      const added = await http.post<Floor>(`/api/workspaces/${c.home.ws}/floors`, { name: 'Spare', width: 100, height: 100 }, c.home.owner.session.token)
      return { params: { floor: added.body.id } }
    },
  },
  { route: 'GET /api/workspaces/{ws}/floors/{floor}', own: everyone(200), request: () => ({ params: { floor: 'floor_main' } }) },
  { route: 'GET /api/workspaces/{ws}/floors/{floor}', variant: 'a floor that does not exist', own: everyone(404), other: null, request: () => ({ params: { floor: 'floor_nowhere' } }) },
  { route: 'GET /api/workspaces/{ws}/floors/{floor}/ops', own: everyone(200), request: () => ({ params: { floor: 'floor_main' }, query: '?since=0' }) },
  {
    route: 'POST /api/workspaces/{ws}/floors/{floor}/edits',
    own: hostsOnly(200),
    request: async (c) => {
      const floor = await http.get<Floor>(`/api/workspaces/${c.home.ws}/floors/floor_main`, c.home.owner.session.token)
      return { params: { floor: 'floor_main' }, body: { baseVersion: floor.body.version, ops: [{ op: 'floor.update', changes: { name: 'Main floor' } }] } }
    },
  },
  {
    route: 'GET /api/workspaces/{ws}/floors/{floor}/draft',
    own: hostsOnly(200),
    request: async (c) => {
      await draftFor(c)
      return { params: { floor: 'floor_main' } }
    },
    check: (res) => expect(res.body).toMatchObject({ floorId: 'floor_main', ops: [{ op: 'floor.update' }] }),
  },
  {
    route: 'PUT /api/workspaces/{ws}/floors/{floor}/draft',
    own: hostsOnly(200),
    request: async (c) => ({ params: { floor: 'floor_main' }, body: { baseVersion: await currentVersion(c), ops: [{ op: 'floor.update', changes: { name: 'Main floor' } }] } }),
  },
  {
    route: 'DELETE /api/workspaces/{ws}/floors/{floor}/draft',
    own: hostsOnly(204),
    request: async (c) => {
      await draftFor(c)
      return { params: { floor: 'floor_main' } }
    },
    async check(_res, c) {
      expect((await http.get(`/api/workspaces/${c.home.ws}/floors/floor_main/draft`, c.who!.session.token)).status).toBe(404)
    },
  },
  {
    route: 'POST /api/workspaces/{ws}/floors/{floor}/draft/publish',
    own: hostsOnly(200),
    request: async (c) => {
      await draftFor(c, [{ op: 'desk.update', id: 'desk_12', changes: { label: `by ${c.caller}` } }])
      return { params: { floor: 'floor_main' } }
    },
    async check(res, c) {
      const floor = await http.get<Floor>(`/api/workspaces/${c.home.ws}/floors/floor_main`, c.home.owner.session.token)
      expect(floor.body.version).toBe(res.body.version)
      expect(floor.body.desks.find((d) => d.id === 'desk_12')?.label).toBe(`by ${c.caller}`)
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
  { route: 'GET /api/workspaces/{ws}/occupancy', own: everyone(200), request: () => ({}), check: (res, c) => expect(res.body.rooms).toMatchObject({ room_full: [c.home.bystander.member.id] }) },
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
    request: () => ({ params: { room: 'room_lounge' }, body: { memberId: away.member.member.id } }),
  },
]

/** Routes outside the matrix on purpose: public by design, each checked below. */
const unmatrixed = ['GET /api/health', 'GET /api/ping', 'GET /api/openapi.json', 'POST /api/livekit/webhook']
const callers: Caller[] = ['owner', 'host', 'member', 'guest', 'anonymous']
const cells = table.flatMap((row) =>
  (['own', 'other'] as const).flatMap((scope) => {
    const answers = scope === 'own' ? row.own : row.other === undefined ? hidden : row.other
    if (!answers) return []
    return callers.map((caller) => ({
      name: `${row.route}${row.variant ? ` (${row.variant})` : ''} · ${caller} · ${scope} workspace → ${answers[caller]}`,
      row, caller, scope, expected: answers[caller],
    }))
  }),
)

/** A workspace id nobody has: another workspace must answer exactly as this one does. */
const NO_SUCH_WORKSPACE = 'ws_nosuchworkspace'

function send(row: Row, c: Cell, req: Req, ws: string) {
  const [method, template] = row.route.split(' ') as [string, string]
  const params: Record<string, string> = { ws, ...req.params }
  const path = template.replace(/\{(\w+)\}/g, (_, key: string) => encodeURIComponent(params[key]!))
  const token = req.token ?? c.who?.session.token
  return http.call<Record<string, unknown>>(method, path + (req.query ?? ''), { ...(token ? { token } : {}), ...(req.body !== undefined ? { body: req.body } : {}) })
}

async function buildOffice(): Promise<Office> {
  const owner = await createWorkspace(http, 'Home')
  const host = await addMember(http, owner, 'host')
  const member = await addMember(http, owner)
  const bystander = await addMember(http, owner)
  await editFloor(http, owner, [
    { op: 'room.add', room: roomRecord('room_locked', { x: 40, locked: true }) },
    { op: 'room.add', room: roomRecord('room_office', { x: 100, kind: 'private', locked: true, ownerId: bystander.member.id }) },
    { op: 'room.add', room: roomRecord('room_allowed', { x: 160, kind: 'private', ownerId: bystander.member.id }) },
    { op: 'room.add', room: roomRecord('room_full', { x: 220, capacity: 1 }) },
  ])
  // Every rule room but the lounge and the owner's office is named in the guest's invite.
  const guest = await addMember(http, owner, 'guest', ['room_meeting', 'room_locked', 'room_office', 'room_allowed', 'room_full'])
  const allowed = [owner, host, member, guest].map((s) => s.member.id)
  await editFloor(http, owner, [{ op: 'room.update', id: 'room_allowed', changes: { allowed } }])
  // Full for real: LiveKit reports the participant, and the server's occupancy shows it.
  rooms.push(await occupy(http, bystander, 'room_full'))
  return { ws: owner.workspace.id, owner, host, member, guest, bystander }
}

describe('access matrix: route × caller × workspace × room rule', () => {
  beforeAll(async () => {
    stack = await startStack()
    http = httpClient(stack.server.url)
    home = await buildOffice()
    const awayOwner = await createWorkspace(http, 'Away')
    const awayMember = await addMember(http, awayOwner)
    away = { ws: awayOwner.workspace.id, owner: awayOwner, host: awayMember, member: awayMember, guest: awayMember, bystander: awayMember }
  })
  afterAll(async () => {
    await Promise.all(rooms.map((r) => r.disconnect()))
    await stack?.stop()
  })

  it('has a row for every documented route, and documents every row', async () => {
    const doc = await http.get<{ paths: Record<string, Record<string, unknown>> }>('/api/openapi.json')
    const methods = new Set(['get', 'post', 'put', 'patch', 'delete'])
    const documented = Object.entries(doc.body.paths).flatMap(([path, ops]) => Object.keys(ops).filter((m) => methods.has(m)).map((m) => `${m.toUpperCase()} ${path}`))
    const expected = documented.filter((r) => !unmatrixed.includes(r)).sort()
    expect([...new Set(table.map((r) => r.route))].sort()).toEqual(expected)
  })

  it('leaves out only public routes: health and ping answer anyone, the webhook only a LiveKit signature', async () => {
    expect((await http.get('/api/health')).status).toBe(200)
    expect((await http.get('/api/ping')).status).toBe(204)
    expect((await http.get('/api/openapi.json')).status).toBe(200)
    const unsigned = await http.post('/api/livekit/webhook', { event: 'participant_joined', room: { name: `${home.ws}.room_meeting` } })
    expect(unsigned.status).toBe(401)
  })

  it.each(cells)('$name', async ({ row, caller, scope, expected }) => {
    const c: Cell = { caller, scope, who: caller === 'anonymous' ? null : home[caller], home, target: scope === 'own' ? home : away }
    const req = await row.request(c)
    const res = await send(row, c, req, c.target.ws)
    const [status, reason] = String(expected).split(' ')
    expect(res.status, JSON.stringify(res.body)).toBe(Number(status))
    if (res.status >= 400) {
      expect(Object.keys(res.body).every((k) => ['error', 'message', 'field', 'reason', 'currentVersion'].includes(k)), JSON.stringify(res.body)).toBe(true)
      expect(res.body).toEqual(expect.objectContaining({ error: expect.any(String), message: expect.any(String) }))
      expect(res.body.reason).toBe(reason)
    } else {
      await row.check?.(res, c, req)
    }
    // No hint that another workspace exists: it answers exactly as a workspace that does not.
    if (scope === 'other' && res.status === 404) expect(await send(row, c, req, NO_SUCH_WORKSPACE)).toEqual(res)
  })
})
