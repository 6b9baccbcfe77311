/** A floor batch names only companies of the workspace; the refusal names the op and field. */
import { describe, expect, it } from 'vitest'
import type { FloorOp } from '../../../../protocol/floor/ops.ts'
import { unknownCompany } from '../../../../server/companies/tag-check.ts'

const known = new Set(['co_acme'])
const room = { id: 'room_a', name: 'A', kind: 'meeting' as const, x: 0, y: 0, width: 10, height: 10, capacity: 2, locked: false, ownerId: null, allowed: [] }
const desk = { id: 'desk_a', label: 'A', x: 0, y: 0, rotation: 0, assigneeId: null }

describe('unknownCompany', () => {
  it.each<[string, FloorOp[], string | null]>([
    ['a known company', [{ op: 'room.update', id: 'room_a', changes: { companyId: 'co_acme', companyOnly: true } }], null],
    ['clearing a tag', [{ op: 'desk.update', id: 'desk_a', changes: { companyId: null } }], null],
    ['no tag at all', [{ op: 'room.add', room }], null],
    ['an unknown company on a new room', [{ op: 'room.add', room: { ...room, companyId: 'co_gone' } }], 'ops[0].room.companyId'],
    ['an unknown company on a new desk', [{ op: 'room.remove', id: 'room_a' }, { op: 'desk.add', desk: { ...desk, companyId: 'co_gone' } }], 'ops[1].desk.companyId'],
    ['an unknown company in an update', [{ op: 'desk.update', id: 'desk_a', changes: { companyId: 'co_gone' } }], 'ops[0].changes.companyId'],
  ])('%s', (_what, ops, field) => {
    const refusal = unknownCompany(ops, known)
    expect(refusal?.field ?? null).toBe(field)
    if (refusal) expect(refusal.message).toContain('co_gone')
  })
})
