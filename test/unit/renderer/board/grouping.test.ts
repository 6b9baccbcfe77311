/** How the board groups people (issue 14): by company or by the floor of their desk; guests never; those in none last. */
import { describe, expect, it } from 'vitest'
import type { Member } from '../../../../protocol/api.ts'
import type { Company } from '../../../../protocol/companies.ts'
import type { Floor } from '../../../../protocol/floor/records.ts'
import { groupPeople } from '../../../../renderer/board/grouping.ts'

const member = (id: string, name: string, role: Member['role'] = 'member'): Member => ({ id, workspaceId: 'ws_1', name, role, colour: '#000000', deskId: null, lastSeenAt: null })
const members = [member('mem_cy', 'Cy'), member('mem_ana', 'Ana'), member('mem_bo', 'Bo'), member('mem_gus', 'Gus', 'guest'), member('mem_dee', 'Dee')]
const companies: Company[] = [
  { id: 'co_z', name: 'Zed', createdAt: 1, admins: [], members: ['mem_cy'] },
  { id: 'co_a', name: 'Acme', createdAt: 1, admins: [], members: ['mem_bo', 'mem_ana'] },
  { id: 'co_e', name: 'Empty', createdAt: 1, admins: [], members: [] },
]
const desk = (id: string, assigneeId: string | null) => ({ id, x: 0, y: 0, rotation: 0, label: id, assigneeId })
const floors = [
  { id: 'floor_1', name: 'Ground', desks: [desk('desk_1', 'mem_dee'), desk('desk_2', null)] },
  { id: 'floor_2', name: 'Upstairs', desks: [desk('desk_3', 'mem_ana'), desk('desk_4', 'mem_gus')] },
] as unknown as Floor[]

describe('grouping the board', () => {
  it.each([
    ['company', [['Acme', ['mem_ana', 'mem_bo']], ['Zed', ['mem_cy']], ['No company', ['mem_dee']]]],
    ['floor', [['Ground', ['mem_dee']], ['Upstairs', ['mem_ana']], ['No desk', ['mem_bo', 'mem_cy']]]],
  ] as const)('by %s', (by, expected) => {
    expect(groupPeople(members, by, companies, floors).map((g) => [g.name, g.people])).toEqual(expected)
  })
})
