/**
 * The access matrix's frame, shared by its three files: access-matrix-hosts.test.ts has the rows of
 * the routes hosts use to make the office theirs (`hostRoutes`: people, invites, floors, drafts),
 * access-matrix-chat.test.ts those of messaging (every route under `chatPrefix`), and
 * access-matrix.test.ts every other route's. A row is one route (a variant of it) × who calls it
 * (owner, host, member, guest, anonymous) × whose workspace it names (their own, another). Every
 * documented route is either public (`unmatrixed`) or in exactly one part (`partOf`), so each file
 * checking that its part has a row per route checks, between them, every route the OpenAPI document lists.
 */
import type { Room } from '@livekit/rtc-node'
import { afterAll, beforeAll, expect } from 'vitest'
import type { SignedIn } from '../../protocol/api.ts'
import { addMember, createWorkspace, editFloor, occupy, roomRecord } from './factories.ts'
import { httpClient, type HttpClient, type HttpResult } from './http.ts'
import { startStack, type Stack } from './stack.ts'

export type Caller = 'owner' | 'host' | 'member' | 'guest' | 'anonymous'
type Scope = 'own' | 'other'
/** A status, or a refusal's status with the `reason` its body must carry. */
type Expect = number | '403 locked' | '403 private' | '409 full' | '403 archived' | '403 not-joined' | '409 not-previewing'
type Grid = Record<Caller, Expect>

export interface Office {
  ws: string
  owner: SignedIn
  host: SignedIn
  member: SignedIn
  guest: SignedIn
  /** Owns the private offices the callers do not own, and sits in the full room. */
  bystander: SignedIn
}
export interface Cell {
  caller: Caller
  scope: Scope
  who: SignedIn | null
  /** The callers' workspace. */
  home: Office
  /** The workspace the request names: home, or another one. */
  target: Office
}
export interface Req {
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
export interface Row {
  /** Method and path exactly as the OpenAPI document lists them. */
  route: string
  variant?: string
  own: Grid
  /** Expected answers when the request names another workspace; null when the route names none. */
  other?: Grid | null
  request(c: Cell): Req | Promise<Req>
  check?(res: HttpResult<Record<string, unknown>>, c: Cell, req: Req): void | Promise<void>
}

export const everyone = (ok: Expect): Grid => ({ owner: ok, host: ok, member: ok, guest: ok, anonymous: 401 })
export const hostsOnly = (ok: Expect): Grid => ({ owner: ok, host: ok, member: 403, guest: 403, anonymous: 401 })
export const grid = (owner: Expect, host: Expect, member: Expect, guest: Expect, anonymous: Expect = 401): Grid => ({ owner, host, member, guest, anonymous })
/** Another workspace's resources do not exist for outsiders: 404, with no hint. */
const hidden: Grid = everyone(404)

/** Routes outside the matrix on purpose: public by design, checked in access-matrix.test.ts. */
export const unmatrixed = ['GET /api/health', 'GET /api/ready', 'GET /api/ping', 'GET /api/client-config', 'GET /api/openapi.json', 'POST /api/livekit/webhook']

/** The routes whose rows are in access-matrix-hosts.test.ts; every other matrixed route's are in access-matrix.test.ts. */
export const hostRoutes = [
  'POST /api/workspaces/{ws}/invites',
  'GET /api/workspaces/{ws}/invites',
  'DELETE /api/workspaces/{ws}/invites/{id}',
  'POST /api/invites/{code}/accept',
  'PATCH /api/workspaces/{ws}/members/{id}',
  'DELETE /api/workspaces/{ws}/members/{id}',
  'POST /api/workspaces/{ws}/floors',
  'PUT /api/workspaces/{ws}/floors/order',
  'DELETE /api/workspaces/{ws}/floors/{floor}',
  'GET /api/workspaces/{ws}/floors/{floor}/draft',
  'PUT /api/workspaces/{ws}/floors/{floor}/draft',
  'DELETE /api/workspaces/{ws}/floors/{floor}/draft',
  'POST /api/workspaces/{ws}/floors/{floor}/draft/publish',
]

/**
 * Messaging's routes (access-matrix-chat.test.ts): all of them, as they are added, live under this
 * path. Their workspace parameter is `{workspaceId}` where every older route's is `{ws}`: either counts.
 */
export const chatPrefix = /^\/api\/workspaces\/\{(ws|workspaceId)\}\/chat\//

export type Part = 'hosts' | 'chat' | 'companies' | 'profiles' | 'community' | 'analytics' | 'board' | 'calendar' | 'shelf' | 'whiteboard' | 'others'
/** Issue 13's parts, each with its own file (access-matrix-<part>.test.ts), by path. */
const issue13Parts: [Part, RegExp][] = [
  ['companies', /^\/api\/workspaces\/\{ws\}\/companies(\/|$)/],
  ['profiles', /^\/api\/workspaces\/\{ws\}\/(profiles|profile|photos)(\/|$)/],
  ['community', /^\/api\/(workspaces\/\{ws\}\/(groups|events|guest-links)|public\/events|guest-links)(\/|$)/],
  ['analytics', /^\/api\/workspaces\/\{ws\}\/analytics(\/|$)/],
  // Issue 14's parts.
  ['board', /^\/api\/workspaces\/\{ws\}\/board(\/|$)/],
  ['calendar', /^\/api\/(workspaces\/\{ws\}\/calendar|calendar-feeds)(\/|$)/],
  ['shelf', /^\/api\/workspaces\/\{ws\}\/shelves(\/|$)/],
  ['whiteboard', /^\/api\/workspaces\/\{ws\}\/whiteboards(\/|$)/],
]
/** Which file holds a matrixed route's rows. */
export const partOf = (route: string): Part => {
  const path = route.split(' ')[1]!
  if (hostRoutes.includes(route)) return 'hosts'
  if (chatPrefix.test(path)) return 'chat'
  return issue13Parts.find(([, prefix]) => prefix.test(path))?.[0] ?? 'others'
}

/** The running backend and the two workspaces every cell uses; set up by useMatrix(). */
export const matrix = {} as { stack: Stack; http: HttpClient; home: Office; away: Office; rooms: Room[] }

export const me = (c: Cell) => c.who ?? c.home.member
export const freshMember = (o: Office) => addMember(matrix.http, o.owner)

async function buildOffice(): Promise<Office> {
  const { http } = matrix
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
  matrix.rooms.push(await occupy(http, bystander, 'room_full'))
  return { ws: owner.workspace.id, owner, host, member, guest, bystander }
}

/** Starts the real backend for this file and builds its home and away workspaces. */
export function useMatrix(): void {
  beforeAll(async () => {
    matrix.rooms = []
    matrix.stack = await startStack()
    matrix.http = httpClient(matrix.stack.server.url)
    matrix.home = await buildOffice()
    const awayOwner = await createWorkspace(matrix.http, 'Away')
    const awayMember = await addMember(matrix.http, awayOwner)
    matrix.away = { ws: awayOwner.workspace.id, owner: awayOwner, host: awayMember, member: awayMember, guest: awayMember, bystander: awayMember }
  })
  afterAll(async () => {
    await Promise.all((matrix.rooms ?? []).map((r) => r.disconnect()))
    await matrix.stack?.stop()
  })
}

/**
 * Checks that `rows` cover exactly the documented routes of their part: `hostRoutes`, the chat
 * routes, or every other matrixed route. `hostRoutes` must name documented routes only, so that it
 * hides no stale one.
 */
export async function checkCoverage(rows: readonly Row[], part: Part): Promise<void> {
  const doc = await matrix.http.get<{ paths: Record<string, Record<string, unknown>> }>('/api/openapi.json')
  const methods = new Set(['get', 'post', 'put', 'patch', 'delete'])
  const documented = Object.entries(doc.body.paths).flatMap(([path, ops]) => Object.keys(ops).filter((m) => methods.has(m)).map((m) => `${m.toUpperCase()} ${path}`))
  expect(hostRoutes.filter((r) => !documented.includes(r))).toEqual([])
  const inPart = documented.filter((r) => !unmatrixed.includes(r) && partOf(r) === part)
  expect([...new Set(rows.map((r) => r.route))].sort()).toEqual(inPart.sort())
}

const callers: Caller[] = ['owner', 'host', 'member', 'guest', 'anonymous']

/** One test per row × caller × workspace, named by what it expects. */
export const cellsOf = (rows: readonly Row[]) =>
  rows.flatMap((row) =>
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
  const params: Record<string, string> = { ws, workspaceId: ws, ...req.params }
  const path = template.replace(/\{(\w+)\}/g, (_, key: string) => encodeURIComponent(params[key]!))
  const token = req.token ?? c.who?.session.token
  return matrix.http.call<Record<string, unknown>>(method, path + (req.query ?? ''), { ...(token ? { token } : {}), ...(req.body !== undefined ? { body: req.body } : {}) })
}

/** Runs one cell: the status, the error body's shape and reason, or the row's own check. */
export async function runCell({ row, caller, scope, expected }: ReturnType<typeof cellsOf>[number]): Promise<void> {
  const { home, away } = matrix
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
}
