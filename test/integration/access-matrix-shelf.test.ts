/**
 * The access matrix for shelves (issue 14): every shelf route × caller × workspace, as in
 * access-matrix.test.ts (support/access-matrix.ts holds the frame). The rules: a room's shelf is
 * seen by whoever its door would not refuse as private (so the bystander's private office is 404 to
 * every caller, and the lounge to the guest, whose invite does not name it); a desk's shelf by every
 * member, never a guest; notes and files are added by those who see the shelf but guests, on a desk
 * by its owner and hosts; items and comments are changed by their author, hosts and the place's owner.
 */
import { describe, expect, it } from 'vitest'
import type { SignedIn } from '../../protocol/api.ts'
import type { ShelfComment, ShelfItem } from '../../protocol/shelf.ts'
import { checkCoverage, cellsOf, everyone, grid, matrix, me, runCell, useMatrix, type Row } from '../support/access-matrix.ts'

const WS = '/api/workspaces/{ws}/shelves'
let n = 0
async function ok<T>(res: Promise<{ status: number; body: unknown }>, what: string): Promise<T> {
  const { status, body } = await res
  if (status >= 300) throw new Error(`${what}: ${status} ${JSON.stringify(body)}`)
  return body as T
}
const call = <T>(who: SignedIn, method: string, path: string, body?: unknown) =>
  ok<T>(matrix.http.call(method, `/api/workspaces/${who.workspace.id}/shelves${path}`, { token: who.session.token, ...(body !== undefined ? { body } : {}) }), `${method} ${path}`)
const note = (who: SignedIn, place = 'room_lounge') => call<ShelfItem>(who, 'POST', `/${place}/notes`, { title: `Note #${++n}#`, body: 'Some *text*' })
const file = (who: SignedIn, place = 'room_lounge') => call<ShelfItem>(who, 'POST', `/${place}/files?name=figures.json`, { figures: [1, 2, 3] })
const comment = async (who: SignedIn, place = 'room_lounge') => {
  const item = await note(matrix.home.owner, place)
  return { item, comment: await call<ShelfComment>(who, 'POST', `/${place}/items/${item.id}/comments`, { body: 'A remark' }) }
}
/** Seen by members, hosts and the owner; not by the guest, whose invite does not name the lounge. */
const lounge = (ok: number) => grid(ok, ok, ok, 404)

const table: Row[] = [
  {
    route: `GET ${WS}`, own: everyone(200), request: async () => (await note(matrix.home.owner), {}),
    check: (res, c) => {
      const places = (res.body.shelves as { placeId: string }[]).map((s) => s.placeId)
      expect(places.includes('room_lounge')).toBe(c.caller !== 'guest')
    },
  },
  {
    route: `GET ${WS}/search`, own: everyone(200),
    request: async () => ({ query: `?q=${encodeURIComponent((await note(matrix.home.owner)).title)}` }),
    check: (res, c) => expect(res.body.results).toHaveLength(c.caller === 'guest' ? 0 : 1),
  },
  { route: `GET ${WS}/search`, variant: 'a query of one letter (checked before the session)', own: grid(400, 400, 400, 400, 400), other: null, request: () => ({ query: '?q=a' }) },
  { route: `GET ${WS}/{place}`, variant: 'the lounge', own: lounge(200), request: () => ({ params: { place: 'room_lounge' } }), check: (res) => expect(res.body).toMatchObject({ name: 'Lounge', kind: 'room' }) },
  { route: `GET ${WS}/{place}`, variant: 'the bystander’s private office', own: everyone(404), request: () => ({ params: { place: 'room_office' } }) },
  { route: `GET ${WS}/{place}`, variant: 'the owner’s desk', own: grid(200, 200, 200, 404), request: () => ({ params: { place: 'desk_1' } }) },
  {
    route: `POST ${WS}/{place}/notes`, variant: 'the lounge', own: lounge(201), request: () => ({ params: { place: 'room_lounge' }, body: { title: 'Plan', body: '' } }),
    check: (res, c) => expect(res.body).toMatchObject({ kind: 'note', title: 'Plan', authorId: me(c).member.id }),
  },
  { route: `POST ${WS}/{place}/notes`, variant: 'a room in the guest’s invite', own: grid(201, 201, 201, 403), other: null, request: () => ({ params: { place: 'room_meeting' }, body: { title: 'Agenda', body: '' } }) },
  { route: `POST ${WS}/{place}/notes`, variant: 'the owner’s desk', own: grid(201, 201, 403, 404), other: null, request: () => ({ params: { place: 'desk_1' }, body: { title: 'Desk note', body: '' } }) },
  { route: `POST ${WS}/{place}/notes`, variant: 'the bystander’s private office', own: everyone(404), other: null, request: () => ({ params: { place: 'room_office' }, body: { title: 'Sneaky', body: '' } }) },
  {
    route: `POST ${WS}/{place}/files`, own: lounge(201), request: () => ({ params: { place: 'room_lounge' }, query: '?name=data.json', body: { a: 1 } }),
    check: (res) => expect(res.body).toMatchObject({ kind: 'file', title: 'data.json', file: { type: 'text/plain; charset=utf-8' } }),
  },
  { route: `GET ${WS}/{place}/items/{item}`, own: lounge(200), request: async () => ({ params: { place: 'room_lounge', item: (await note(matrix.home.owner)).id } }), check: (res) => expect(res.body.comments).toEqual([]) },
  {
    route: `PATCH ${WS}/{place}/items/{item}`, variant: 'the owner’s note', own: grid(200, 200, 403, 404),
    request: async () => ({ params: { place: 'room_lounge', item: (await note(matrix.home.owner)).id }, body: { body: 'Changed' } }),
    check: (res) => expect(res.body).toMatchObject({ body: 'Changed' }),
  },
  {
    route: `PATCH ${WS}/{place}/items/{item}`, variant: 'the caller’s own note', own: lounge(200), other: null,
    request: async (c) => ({ params: { place: 'room_lounge', item: (await note(c.caller === 'guest' ? matrix.home.owner : me(c))).id }, body: { title: 'Renamed' } }),
  },
  { route: `DELETE ${WS}/{place}/items/{item}`, variant: 'the owner’s note', own: grid(204, 204, 403, 404), request: async () => ({ params: { place: 'room_lounge', item: (await note(matrix.home.owner)).id } }) },
  {
    route: `GET ${WS}/{place}/items/{item}/file`, own: lounge(200), request: async () => ({ params: { place: 'room_lounge', item: (await file(matrix.home.owner)).id } }),
    check: (res) => expect(res.body).toEqual({ figures: [1, 2, 3] }),
  },
  {
    route: `POST ${WS}/{place}/items/{item}/comments`, variant: 'a room in the guest’s invite', own: everyone(201),
    request: async () => ({ params: { place: 'room_meeting', item: (await note(matrix.home.owner, 'room_meeting')).id }, body: { body: 'Hello' } }),
    check: (res, c) => expect(res.body).toMatchObject({ body: 'Hello', authorId: me(c).member.id }),
  },
  {
    route: `PATCH ${WS}/{place}/items/{item}/comments/{comment}`, variant: 'the bystander’s comment', own: grid(200, 200, 403, 404),
    request: async () => {
      const { item, comment: said } = await comment(matrix.home.bystander)
      return { params: { place: 'room_lounge', item: item.id, comment: said.id }, body: { body: 'Edited' } }
    },
  },
  {
    route: `DELETE ${WS}/{place}/items/{item}/comments/{comment}`, variant: 'the bystander’s comment', own: grid(204, 204, 403, 404),
    request: async () => {
      const { item, comment: said } = await comment(matrix.home.bystander)
      return { params: { place: 'room_lounge', item: item.id, comment: said.id } }
    },
  },
  { route: `PUT ${WS}/{place}/follow`, own: everyone(200), request: () => ({ params: { place: 'room_meeting' } }), check: (res) => expect(res.body).toEqual({ following: true }) },
  { route: `DELETE ${WS}/{place}/follow`, own: everyone(200), request: () => ({ params: { place: 'room_meeting' } }), check: (res) => expect(res.body).toEqual({ following: false }) },
]

describe('access matrix for shelves: route × caller × workspace', () => {
  useMatrix()

  it('has a row for every documented shelf route, and documents every row', () => checkCoverage(table, 'shelf'))

  for (const cell of cellsOf(table)) it(cell.name, () => runCell(cell))
})
