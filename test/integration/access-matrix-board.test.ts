/**
 * The access matrix for the board (issue 14): members (owner, hosts, members) read the board and
 * anyone's history and write their own line and tasks; guests neither read nor write it;
 * strangers are not told the workspace exists.
 */
import { describe, expect, it } from 'vitest'
import { checkCoverage, cellsOf, grid, me, runCell, useMatrix, type Row } from '../support/access-matrix.ts'

const members = (ok: number) => grid(ok, ok, ok, 403)
let lines = 0

const table: Row[] = [
  {
    route: 'GET /api/workspaces/{ws}/board',
    own: members(200),
    request: () => ({}),
    check: (res) => expect(Array.isArray(res.body.entries)).toBe(true),
  },
  {
    route: 'PUT /api/workspaces/{ws}/board/line',
    own: members(200),
    request: () => ({ body: { text: `Matrix line ${++lines}`, link: 'https://example.com/matrix' } }),
    check: (res, c, req) => expect(res.body).toMatchObject({ memberId: me(c).member.id, text: (req.body as { text: string }).text }),
  },
  {
    route: 'PUT /api/workspaces/{ws}/board/tasks',
    own: members(200),
    request: () => ({ body: { tasks: [{ title: `Matrix task ${++lines}`, status: 'doing', due: null }] } }),
    check: (res, c) => expect(res.body).toMatchObject({ memberId: me(c).member.id, tasks: [expect.objectContaining({ status: 'doing' })] }),
  },
  {
    route: 'GET /api/workspaces/{ws}/board/history/{member}',
    own: members(200),
    request: (c) => ({ params: { member: c.home.owner.member.id } }),
    check: (res, c) => expect(res.body.memberId).toBe(c.home.owner.member.id),
  },
]

describe('access matrix for the board: route × caller × workspace', () => {
  useMatrix()

  it('has a row for every documented board route, and documents every row', () => checkCoverage(table, 'board'))

  for (const cell of cellsOf(table)) it(cell.name, () => runCell(cell))
})
