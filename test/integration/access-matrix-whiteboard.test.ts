/**
 * The access matrix for rooms' whiteboards (issue 14): every whiteboard route × caller × workspace,
 * as in access-matrix.test.ts. The rule: a room's board is seen by whoever may read the room's chat
 * (its door, less locks and capacity): everyone the meeting room; not the guest the lounge, which
 * their invite does not name; nobody but its owner (not even the workspace's owner) the bystander's
 * private office. A board that may not be seen is 404, as one that does not exist.
 */
import { describe, expect, it } from 'vitest'
import type { SignedIn } from '../../protocol/api.ts'
import type { Board } from '../../protocol/whiteboard.ts'
import { checkCoverage, cellsOf, everyone, grid, matrix, me, runCell, useMatrix, type Row } from '../support/access-matrix.ts'

const WB = '/api/workspaces/{ws}/whiteboards/{room}'
let n = 0
const element = () => ({ id: `el${++n}`, type: 'rectangle', version: 1, versionNonce: n, isDeleted: false, x: n, y: 0, width: 10, height: 10 })
const save = async (who: SignedIn, room: string) => {
  const res = await matrix.http.call<Board>('PUT', `/api/workspaces/${who.workspace.id}/whiteboards/${room}`, { token: who.session.token, body: { elements: [element()] } })
  if (res.status !== 200) throw new Error(`save: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body
}
const nobody = everyone(404)

const table: Row[] = [
  { route: `GET ${WB}`, variant: 'the meeting room', own: everyone(200), request: () => ({ params: { room: 'room_meeting' } }), check: (res) => expect(res.body).toMatchObject({ roomId: 'room_meeting', elements: expect.any(Array) }) },
  { route: `GET ${WB}`, variant: 'the lounge, not in the guest’s invite', own: grid(200, 200, 200, 404), request: () => ({ params: { room: 'room_lounge' } }) },
  { route: `GET ${WB}`, variant: 'the bystander’s private office', own: nobody, request: () => ({ params: { room: 'room_office' } }) },
  { route: `GET ${WB}`, variant: 'a room on no floor', own: nobody, request: () => ({ params: { room: 'room_nowhere' } }) },
  {
    route: `PUT ${WB}`, variant: 'the meeting room', own: everyone(200),
    request: () => ({ params: { room: 'room_meeting' }, body: { elements: [element()] } }),
    check: (res, c) => expect(res.body).toMatchObject({ savedBy: me(c).member.id, version: expect.any(Number) }),
  },
  { route: `PUT ${WB}`, variant: 'an element without its version (checked before the session)', own: grid(400, 400, 400, 400, 400), other: null, request: () => ({ params: { room: 'room_meeting' }, body: { elements: [{ id: 'x', type: 'rectangle' }] } }) },
  { route: `PUT ${WB}`, variant: 'the bystander’s private office', own: nobody, request: () => ({ params: { room: 'room_office' }, body: { elements: [element()] } }) },
  { route: `GET ${WB}/versions`, variant: 'the meeting room', own: everyone(200), request: () => ({ params: { room: 'room_meeting' } }), check: (res) => expect(res.body.versions).toEqual(expect.any(Array)) },
  { route: `GET ${WB}/versions`, variant: 'the bystander’s private office', own: nobody, request: () => ({ params: { room: 'room_office' } }) },
  {
    route: `GET ${WB}/versions/{version}`, variant: 'a version the owner saved', own: everyone(200),
    request: async (c) => ({ params: { room: 'room_meeting', version: String((await save(c.home.owner, 'room_meeting')).version) } }),
    check: (res) => expect(res.body).toMatchObject({ roomId: 'room_meeting' }),
  },
  { route: `GET ${WB}/versions/{version}`, variant: 'a version never saved', own: everyone(404), request: () => ({ params: { room: 'room_meeting', version: '999999' } }) },
  // The matrix sends JSON: bytes that are not a PNG (the whiteboard tests upload real thumbnails).
  { route: `PUT ${WB}/thumbnail`, variant: 'a body that is not a PNG', own: everyone(415), request: () => ({ params: { room: 'room_meeting' }, body: { not: 'a png' } }) },
  { route: `PUT ${WB}/thumbnail`, variant: 'the bystander’s private office', own: nobody, request: () => ({ params: { room: 'room_office' }, body: { not: 'a png' } }) },
  { route: `GET ${WB}/thumbnail`, variant: 'the lounge, which has none', own: grid(404, 404, 404, 404), request: () => ({ params: { room: 'room_lounge' } }) },
]

describe('access matrix for whiteboards: route × caller × workspace', () => {
  useMatrix()

  it('has a row for every documented whiteboard route, and documents every row', () => checkCoverage(table, 'whiteboard'))

  for (const cell of cellsOf(table)) it(cell.name, () => runCell(cell))
})
