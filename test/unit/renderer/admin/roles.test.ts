import { describe, expect, it } from 'vitest'
import type { Role } from '../../../../protocol/api.ts'
import { inviteRoles, mayRemove, roleChoices } from '../../../../renderer/admin/roles.ts'

const person = (id: string, role: Role) => ({ id, role })
const owner = person('mem_owner', 'owner')
const host = person('mem_host', 'host')

describe('what the People and invites view offers', () => {
  it.each([
    ['owner → a member', owner, person('mem_a', 'member'), ['owner', 'host', 'member', 'guest']],
    ['owner → another host', owner, person('mem_b', 'host'), ['owner', 'host', 'member', 'guest']],
    ['owner → self (may step down while another owner remains)', owner, owner, ['owner', 'host', 'member', 'guest']],
    ['host → a member', host, person('mem_a', 'member'), ['member', 'guest']],
    ['host → a guest', host, person('mem_g', 'guest'), ['member', 'guest']],
    ['host → another host', host, person('mem_b', 'host'), []],
    ['host → the owner', host, owner, []],
    ['host → self', host, host, []],
    ['member → a guest', person('mem_m', 'member'), person('mem_g', 'guest'), []],
  ] as const)('role choices: %s', (_, viewer, target, expected) => {
    expect(roleChoices(viewer, target)).toEqual(expected)
  })

  it.each([
    ['owner removes a host', owner, person('mem_b', 'host'), true],
    ['owner removes a guest', owner, person('mem_g', 'guest'), true],
    ['nobody removes an owner', owner, person('mem_o2', 'owner'), false],
    ['nobody removes themselves', host, host, false],
    ['host removes a member', host, person('mem_a', 'member'), true],
    ['host does not remove a host', host, person('mem_b', 'host'), false],
    ['member removes nobody', person('mem_m', 'member'), person('mem_g', 'guest'), false],
  ] as const)('removal: %s', (_, viewer, target, expected) => {
    expect(mayRemove(viewer, target)).toBe(expected)
  })

  it('only the owner invites hosts, and nobody invites owners', () => {
    expect(inviteRoles('owner')).toEqual(['member', 'guest', 'host'])
    expect(inviteRoles('host')).toEqual(['member', 'guest'])
    expect(inviteRoles('member')).toEqual([])
  })
})
