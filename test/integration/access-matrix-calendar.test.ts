/**
 * The access matrix for the calendar (issue 14): every calendar route × caller × workspace, as in
 * access-matrix.test.ts (support/access-matrix.ts holds the frame). The rules: guests have no
 * calendar (no answers, deadlines, feed or import); members answer events, keep their own feed, and
 * import into rooms hosts made bookable only; hosts set deadlines for the whole space and import
 * anywhere; the feed itself is public, its token the key, and a revoked one is 404 to everyone.
 * What another workspace holds is 404, never 403.
 */
import { describe, expect, it } from 'vitest'
import type { SignedIn } from '../../protocol/api.ts'
import type { Deadline, Feed } from '../../protocol/calendar.ts'
import type { CommunityEvent } from '../../protocol/community.ts'
import { checkCoverage, cellsOf, grid, matrix, me, runCell, useMatrix, type Row } from '../support/access-matrix.ts'

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
const event = (who: SignedIn) => call<CommunityEvent>(who, 'POST', '/events', { title: `Event ${++n}`, roomId: 'room_lounge', startsAt: Date.now(), endsAt: soon(), capacity: 50 })
const deadline = (who: SignedIn) => call<Deadline>(who, 'POST', '/calendar/deadlines', { title: `Deadline ${++n}`, day: '2030-01-31' })
const at = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')
const ics = () => {
  const start = Date.now() + 24 * 3_600_000 + ++n * 60_000
  return `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Matrix//EN\r\nBEGIN:VEVENT\r\nUID:m${n}@test\r\nDTSTAMP:${at(start)}\r\nDTSTART:${at(start)}\r\nDTEND:${at(start + 60_000)}\r\nSUMMARY:Imported ${n}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`
}

const table: Row[] = [
  {
    route: `PUT ${WS}/calendar/events/{event}/answer`, variant: 'maybe, to an event of the owner', own: grid(200, 200, 200, 403),
    request: async (c) => ({ params: { event: (await event(c.home.owner)).id }, body: { answer: 'maybe' } }),
    check: (res, c) => expect(res.body).toMatchObject({ attendees: [], maybe: [me(c).member.id] }),
  },
  {
    route: `GET ${WS}/calendar/deadlines`, variant: 'a space-wide deadline of the owner', own: grid(200, 200, 200, 403),
    request: async (c) => ({ query: `?d=${(await deadline(c.home.owner)).id}` }),
    check: (res, _c, req) => expect((res.body.deadlines as Deadline[]).map((d) => d.id)).toContain(req.query!.slice(3)),
  },
  {
    route: `POST ${WS}/calendar/deadlines`, variant: 'for the whole space', own: grid(201, 201, 403, 403),
    request: () => ({ body: { title: 'Year end', day: '2030-12-31' } }),
    check: (res, c) => expect(res.body).toMatchObject({ title: 'Year end', day: '2030-12-31', companyId: null, createdBy: me(c).member.id }),
  },
  { route: `DELETE ${WS}/calendar/deadlines/{id}`, variant: 'a deadline of the owner', own: grid(204, 204, 403, 403), request: async (c) => ({ params: { id: (await deadline(c.home.owner)).id } }) },
  {
    route: `GET ${WS}/calendar/feed`, own: grid(200, 200, 200, 403), request: () => ({}),
    check: (res) => expect(res.body).toMatchObject({ url: null, active: expect.any(Boolean) }),
  },
  {
    route: `POST ${WS}/calendar/feed`, own: grid(201, 201, 201, 403), request: () => ({}),
    check: (res) => expect(res.body).toMatchObject({ active: true, url: expect.stringMatching(/\/api\/calendar-feeds\/[\w-]+\.ics$/) }),
  },
  { route: `DELETE ${WS}/calendar/feed`, own: grid(204, 204, 204, 403), request: () => ({}) },
  {
    // The feed answers iCalendar text to anyone holding a live token (calendar.test.ts reads it); a revoked token is 404 to all.
    route: 'GET /api/calendar-feeds/{file}', variant: 'a revoked token', own: grid(404, 404, 404, 404, 404), other: null,
    async request(c) {
      const feed = await call<Feed>(c.home.host, 'POST', '/calendar/feed')
      await call(c.home.host, 'DELETE', '/calendar/feed')
      return { params: { file: feed.url!.split('/').pop()! } }
    },
  },
  {
    route: `POST ${WS}/calendar/import`, variant: 'into the lounge (not bookable)', own: grid(201, 201, 403, 403),
    request: () => ({ body: { ics: ics(), roomId: 'room_lounge' } }),
    check: (res, c) => expect(res.body).toMatchObject({ skipped: 0, events: [{ roomId: 'room_lounge', hostId: me(c).member.id }] }),
  },
]

describe('access matrix for the calendar: route × caller × workspace', () => {
  useMatrix()

  it('has a row for every documented calendar route, and documents every row', () => checkCoverage(table, 'calendar'))

  for (const cell of cellsOf(table)) it(cell.name, () => runCell(cell))
})
