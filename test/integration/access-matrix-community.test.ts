/**
 * The access matrix for the community (issue 13): every groups, events, open events and guest-link
 * route × caller × workspace, as in access-matrix.test.ts (support/access-matrix.ts holds the
 * frame). The rules: guests see nothing of groups and guest links, and only the events they attend;
 * hosts make events (a group's members make the group's), publish them and make guest links; the
 * public pages and joins need no session. What another workspace holds is 404, never 403.
 */
import { describe, expect, it } from 'vitest'
import type { SignedIn } from '../../protocol/api.ts'
import type { CommunityEvent, Group } from '../../protocol/community.ts'
import { checkCoverage, cellsOf, everyone, grid, hostsOnly, matrix, me, runCell, useMatrix, type Cell, type Row } from '../support/access-matrix.ts'

const WS = '/api/workspaces/{ws}'
let n = 0
async function ok<T>(res: Promise<{ status: number; body: unknown }>, what: string): Promise<T> {
  const { status, body } = await res
  if (status >= 300) throw new Error(`${what}: ${status} ${JSON.stringify(body)}`)
  return body as T
}
const call = <T>(who: SignedIn, method: string, path: string, body?: unknown) =>
  ok<T>(matrix.http.call(method, `/api/workspaces/${who.workspace.id}${path}`, { token: who.session.token, ...(body !== undefined ? { body } : {}) }), `${method} ${path}`)
const soon = () => Date.now() + 60 * 60_000
const event = (who: SignedIn, changes: Record<string, unknown> = {}) =>
  call<CommunityEvent>(who, 'POST', '/events', { title: `Event ${++n}`, roomId: 'room_lounge', startsAt: Date.now(), endsAt: soon(), capacity: 50, ...changes })
const guestLink = (who: SignedIn) => call<{ link: { id: string }; code: string }>(who, 'POST', '/guest-links', { roomId: 'room_meeting', startsAt: Date.now(), endsAt: soon() })
const group = (who: SignedIn) => call<Group>(who, 'POST', '/groups', { name: `Group ${++n}` })
const openCode = async (who: SignedIn) => {
  const published = await call<CommunityEvent>(who, 'POST', `/events/${(await event(who)).id}/publish`)
  return /#\/event\/(.+)$/.exec(published.publicUrl!)![1]!
}
const asSelf = (c: Cell) => c.scope === 'own' && c.who !== null

const table: Row[] = [
  {
    route: `POST ${WS}/guest-links`, own: grid(201, 201, 403, 403),
    request: () => ({ body: { roomId: 'room_meeting', startsAt: Date.now(), endsAt: soon() } }),
    check: (res) => expect(res.body).toMatchObject({ link: { roomId: 'room_meeting' }, url: expect.stringMatching(/#\/guest\//) }),
  },
  { route: `POST ${WS}/guest-links`, variant: 'a window that ends before it starts', own: grid(400, 400, 403, 403), other: null, request: () => ({ body: { roomId: 'room_meeting', startsAt: soon(), endsAt: Date.now() } }) },
  { route: `GET ${WS}/guest-links`, own: grid(200, 200, 403, 403), request: () => ({}), check: (res) => expect(res.body.links).toEqual(expect.any(Array)) },
  {
    route: `DELETE ${WS}/guest-links/{id}`, variant: 'a new link of the owner', own: grid(204, 204, 403, 403),
    request: async (c) => ({ params: { id: (await guestLink(c.home.owner)).link.id } }),
  },
  {
    route: 'GET /api/guest-links/{code}', own: grid(200, 200, 200, 200, 200), other: null,
    request: async (c) => ({ params: { code: (await guestLink(c.home.owner)).code } }),
    check: (res) => expect(res.body).toMatchObject({ workspaceName: 'Home', roomName: 'Meeting room' }),
  },
  {
    route: 'POST /api/guest-links/{code}/join', own: grid(201, 201, 201, 201, 201), other: null,
    request: async (c) => ({ params: { code: (await guestLink(c.home.owner)).code }, body: { name: `Visitor ${c.caller}` } }),
    check: (res, c) => expect(res.body.member).toMatchObject({ name: `Visitor ${c.caller}`, role: 'guest', workspaceId: c.home.ws }),
  },
  {
    route: `GET ${WS}/events`, variant: 'an event of the owner the guest does not attend', own: everyone(200),
    request: async (c) => ({ query: `?e=${(await event(c.home.owner)).id}` }),
    check: (res, c, req) => {
      const ids = (res.body.events as CommunityEvent[]).map((e) => e.id)
      expect(ids.includes(req.query!.slice(3))).toBe(c.caller !== 'guest')
    },
  },
  {
    route: `POST ${WS}/events`, variant: 'outside any group', own: grid(201, 201, 403, 403),
    request: () => ({ body: { title: 'Talk', roomId: 'room_lounge', startsAt: Date.now(), endsAt: soon(), capacity: 10 } }),
    check: (res, c) => expect(res.body).toMatchObject({ title: 'Talk', hostId: me(c).member.id, attendees: [] }),
  },
  {
    route: `POST ${WS}/events`, variant: 'for a group the member made (the host is not in it)', own: grid(201, 201, 201, 403), other: null,
    request: async (c) => ({ body: { title: 'Meetup', roomId: 'room_lounge', startsAt: Date.now(), endsAt: soon(), capacity: 10, groupId: (await group(c.home.member)).id } }),
  },
  {
    route: `POST ${WS}/events`, variant: 'for a group made by someone else that the caller has not joined', own: grid(201, 201, 403, 403), other: null,
    request: async (c) => ({ body: { title: 'Meetup', roomId: 'room_lounge', startsAt: Date.now(), endsAt: soon(), capacity: 10, groupId: (await group(c.home.bystander)).id } }),
  },
  { route: `DELETE ${WS}/events/{event}`, variant: 'a new event of the owner', own: grid(204, 204, 403, 403), request: async (c) => ({ params: { event: (await event(c.home.owner)).id } }) },
  {
    route: `POST ${WS}/events/{event}/rsvp`, variant: 'seats left', own: grid(200, 200, 200, 403),
    request: async (c) => ({ params: { event: (await event(c.home.owner)).id } }),
    check: (res, c) => expect(res.body.attendees).toEqual([me(c).member.id]),
  },
  {
    route: `POST ${WS}/events/{event}/rsvp`, variant: 'every seat taken', own: grid('409 full', '409 full', '409 full', 403), other: null,
    async request(c) {
      const e = await event(c.home.owner, { capacity: 1 })
      await call(c.home.bystander, 'POST', `/events/${e.id}/rsvp`)
      return { params: { event: e.id } }
    },
  },
  {
    route: `DELETE ${WS}/events/{event}/rsvp`, own: grid(200, 200, 200, 403),
    async request(c) {
      const e = await event(c.home.owner)
      if (asSelf(c) && c.caller !== 'guest') await call(c.who!, 'POST', `/events/${e.id}/rsvp`)
      return { params: { event: e.id } }
    },
    check: (res) => expect(res.body.attendees).toEqual([]),
  },
  {
    route: `POST ${WS}/events/{event}/publish`, own: hostsOnly(200),
    request: async (c) => ({ params: { event: (await event(c.home.owner)).id } }),
    check: (res) => expect(res.body).toMatchObject({ open: true, publicUrl: expect.stringMatching(/#\/event\//) }),
  },
  {
    route: 'GET /api/public/events/{code}', own: grid(200, 200, 200, 200, 200), other: null,
    request: async (c) => ({ params: { code: await openCode(c.home.owner) } }),
    check: (res) => expect(res.body).toMatchObject({ workspaceName: 'Home', roomName: 'Lounge', seatsLeft: 50 }),
  },
  {
    route: 'POST /api/public/events/{code}/join', own: grid(201, 201, 201, 201, 201), other: null,
    request: async (c) => ({ params: { code: await openCode(c.home.owner) }, body: { name: `Outsider ${c.caller}`, email: `${c.caller}@outside.example` } }),
    check: (res, c) => expect(res.body.member).toMatchObject({ name: `Outsider ${c.caller}`, role: 'guest', workspaceId: c.home.ws }),
  },
  { route: `GET ${WS}/groups`, own: grid(200, 200, 200, 403), request: () => ({}), check: (res) => expect(res.body.groups).toEqual(expect.any(Array)) },
  {
    route: `POST ${WS}/groups`, own: grid(201, 201, 201, 403),
    request: (c) => ({ body: { name: `Readers ${c.caller} ${c.scope} ${++n}` } }),
    check: (res, c) => expect(res.body).toMatchObject({ members: [me(c).member.id], channelId: expect.stringMatching(/^ch_/) }),
  },
  {
    route: `POST ${WS}/groups/{group}/join`, variant: 'a group of the bystander', own: grid(200, 200, 200, 403),
    request: async (c) => ({ params: { group: (await group(c.home.bystander)).id } }),
    check: (res, c) => expect(res.body.members).toContain(me(c).member.id),
  },
  {
    route: `POST ${WS}/groups/{group}/leave`, variant: 'a group of the bystander the caller joined', own: grid(200, 200, 200, 403),
    async request(c) {
      const g = await group(c.home.bystander)
      if (asSelf(c) && c.caller !== 'guest') await call(c.who!, 'POST', `/groups/${g.id}/join`)
      return { params: { group: g.id } }
    },
    check: (res, c) => expect(res.body.members).not.toContain(me(c).member.id),
  },
]

describe('access matrix for the community: route × caller × workspace', () => {
  useMatrix()

  it('has a row for every documented community route, and documents every row', () => checkCoverage(table, 'community'))

  for (const cell of cellsOf(table)) it(cell.name, () => runCell(cell))
})
