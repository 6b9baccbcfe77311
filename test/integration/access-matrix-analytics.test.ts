/**
 * The access matrix for the hosts' view of the space (issue 13): usage figures are for the owner
 * and hosts; members and guests are refused, strangers are not told the workspace exists.
 */
import { describe, expect, it } from 'vitest'
import { checkCoverage, cellsOf, hostsOnly, runCell, useMatrix, type Row } from '../support/access-matrix.ts'

const table: Row[] = [
  {
    route: 'GET /api/workspaces/{ws}/analytics',
    own: hostsOnly(200),
    request: () => ({ query: '?days=1&bucket=hour' }),
    check(res) {
      // One bucket per hour of the day asked for, each series as long.
      const starts = res.body.starts as number[]
      expect(starts).toHaveLength(24)
      for (const series of ['people', 'rooms', 'desks', 'companies']) expect(res.body[series]).toHaveLength(24)
    },
  },
]

describe('access matrix for space usage: route × caller × workspace', () => {
  useMatrix()

  it('has a row for every documented analytics route, and documents every row', () => checkCoverage(table, 'analytics'))

  for (const cell of cellsOf(table)) it(cell.name, () => runCell(cell))
})
