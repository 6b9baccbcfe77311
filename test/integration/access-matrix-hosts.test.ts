/**
 * The access matrix for the routes hosts use to make the office theirs: invites, roles and removals,
 * floors added, ordered and removed, and drafts. Each route × caller × workspace is its own test, as
 * in access-matrix.test.ts (every other route); support/access-matrix.ts holds the frame both share
 * and which routes are whose, so that between them every documented route has a row.
 */
import { describe, expect, it } from 'vitest'
import type { Floor } from '../../protocol/floor/records.ts'
import { checkCoverage, cellsOf, freshMember, grid, hostsOnly, matrix, me, runCell, useMatrix, type Cell, type Office, type Row } from '../support/access-matrix.ts'
import { addMember, inviteCode, newPerson } from '../support/factories.ts'

const isHost = (c: Cell) => c.caller === 'owner' || c.caller === 'host'
const currentVersion = async (c: Cell) => (await matrix.http.get<Floor>(`/api/workspaces/${c.home.ws}/floors/floor_main`, c.home.owner.session.token)).body.version
/** Saves a draft of the home floor for a host caller, so their draft routes have one to act on. */
async function draftFor(c: Cell, ops: unknown[] = [{ op: 'floor.update', changes: { name: 'Main floor' } }]): Promise<void> {
  if (!c.who || !isHost(c)) return
  const res = await matrix.http.call('PUT', `/api/workspaces/${c.home.ws}/floors/floor_main/draft`, { token: c.who.session.token, body: { baseVersion: await currentVersion(c), ops } })
  if (res.status !== 200) throw new Error(`draft: ${res.status} ${JSON.stringify(res.body)}`)
}
/** A new invite of `o` by its owner: its id, and its code to try. */
async function freshInvite(o: Office): Promise<{ id: string; code: string }> {
  return (await matrix.http.post<{ id: string; code: string }>(`/api/workspaces/${o.ws}/invites`, { role: 'member' }, o.owner.session.token)).body
}

const table: Row[] = [
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
      const accepted = await matrix.http.post(`/api/invites/${req.code}/accept`, newPerson())
      expect(accepted).toMatchObject({ status: 410, body: { message: expect.stringMatching(/revoked/) } })
    },
  },
  {
    route: 'DELETE /api/workspaces/{ws}/invites/{id}',
    variant: 'an invite of another workspace',
    own: grid(404, 404, 403, 403),
    other: null,
    request: async () => ({ params: { id: (await freshInvite(matrix.away)).id } }),
  },
  { route: 'POST /api/invites/{code}/accept', own: grid(201, 201, 201, 201, 201), other: null, request: async (c) => ({ params: { code: await inviteCode(matrix.http, c.home.owner) }, body: newPerson() }) },
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
    request: async (c) => ({ params: { id: (await addMember(matrix.http, c.home.owner, 'host')).member.id }, body: { role: 'member' } }),
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
    request: () => ({ params: { id: matrix.away.member.member.id }, body: { role: 'host' } }),
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
      const members = await matrix.http.get<{ members: { id: string }[] }>(`/api/workspaces/${matrix.home.ws}/members`, matrix.home.owner.session.token)
      expect(members.body.members.map((m) => m.id)).not.toContain(req.subject!.member.id)
      expect((await matrix.http.get('/api/me', req.subject!.session.token)).status).toBe(401)
    },
  },
  { route: 'DELETE /api/workspaces/{ws}/members/{id}', variant: 'a member of another workspace', own: grid(404, 404, 403, 403), other: null, request: () => ({ params: { id: matrix.away.member.member.id } }) },
  { route: 'DELETE /api/workspaces/{ws}/members/{id}', variant: 'the owner', own: grid(403, 403, 403, 403), other: null, request: (c) => ({ params: { id: c.home.owner.member.id } }) },
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
      const floors = await matrix.http.get<{ floors: { id: string }[] }>(`/api/workspaces/${c.target.ws}/floors`, c.target.owner.session.token)
      return { body: { floorIds: floors.body.floors.map((f) => f.id) } }
    },
    check: (res, _c, req) => expect((res.body.floors as { id: string }[]).map((f) => f.id)).toEqual((req.body as { floorIds: string[] }).floorIds),
  },
  {
    route: 'DELETE /api/workspaces/{ws}/floors/{floor}',
    own: hostsOnly(204),
    request: async (c) => {
      if (c.scope === 'other') return { params: { floor: 'floor_main' } }
      const added = await matrix.http.post<Floor>(`/api/workspaces/${c.home.ws}/floors`, { name: 'Spare', width: 100, height: 100 }, c.home.owner.session.token)
      return { params: { floor: added.body.id } }
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
      expect((await matrix.http.get(`/api/workspaces/${c.home.ws}/floors/floor_main/draft`, c.who!.session.token)).status).toBe(404)
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
      const floor = await matrix.http.get<Floor>(`/api/workspaces/${c.home.ws}/floors/floor_main`, c.home.owner.session.token)
      expect(floor.body.version).toBe(res.body.version)
      expect(floor.body.desks.find((d) => d.id === 'desk_12')?.label).toBe(`by ${c.caller}`)
    },
  },
]

describe('access matrix for hosts\' routes: route × caller × workspace', () => {
  useMatrix()

  it('has a row for every documented route of hosts (support/access-matrix.ts hostRoutes), and documents every row', () => checkCoverage(table, 'hosts'))

  it.each(cellsOf(table))('$name', runCell)
})
