/**
 * The door of a company-only room (issue 13), as a table: the caller's company × role × relation
 * to the room. Its company walks in; everyone else, hosts and owners too, is refused as at a
 * private office (so the client offers Knock), unless they own the room, are allowed or admitted.
 */
import { describe, expect, it } from 'vitest'
import type { Role } from '../../../protocol/api.ts'
import type { Room } from '../../../protocol/floor/records.ts'
import { companyOnly, decideEntry } from '../../../protocol/rules.ts'

const ME = 'mem_me'
const room = (changes: Partial<Room> = {}): Room => ({
  id: 'room_x', name: 'Room', kind: 'meeting', x: 0, y: 0, width: 100, height: 100, capacity: 4, locked: false, ownerId: null, allowed: [],
  companyId: 'co_acme', companyOnly: true, ...changes,
})
type Relation = 'none' | 'owner' | 'allowed' | 'admitted'
const outcome = (r: Room, role: Role, companyId: string | null | undefined, relation: Relation = 'none') => {
  const withRelation = { ...r, ownerId: relation === 'owner' ? ME : r.ownerId, allowed: relation === 'allowed' ? [ME] : r.allowed }
  const d = decideEntry(withRelation, { id: ME, role, rooms: [], companyId }, { admitted: relation === 'admitted', occupants: 0 })
  return d.ok ? 'enter' : d.reason
}

describe('decideEntry in a company-only room', () => {
  it.each([
    ['member', 'co_acme', 'none', 'enter'],
    ['member', 'co_zed', 'none', 'private'],
    ['member', null, 'none', 'private'],
    ['member', undefined, 'none', 'private'],
    ['host', null, 'none', 'private'],
    ['owner', 'co_zed', 'none', 'private'],
    ['host', 'co_acme', 'none', 'enter'],
    ['member', 'co_zed', 'owner', 'enter'],
    ['member', 'co_zed', 'allowed', 'enter'],
    ['member', 'co_zed', 'admitted', 'enter'],
  ] as [Role, string | null | undefined, Relation, string][])('%s of %s (%s) → %s', (role, companyId, relation, expected) => {
    expect(outcome(room(), role, companyId, relation)).toBe(expected)
  })

  it('leaves rooms open that are tagged but not company-only, or company-only with no company', () => {
    expect(outcome(room({ companyOnly: false }), 'member', 'co_zed')).toBe('enter')
    const { companyOnly: _dropped, ...untagged } = room()
    expect(outcome(untagged, 'member', null)).toBe('enter')
    expect(outcome(room({ companyId: null }), 'member', null)).toBe('enter')
    const { companyId: _none, ...nobodys } = room()
    expect(companyOnly(nobodys)).toBe(false)
  })

  it('keeps the other rules: a company member still finds a locked room locked and a full room full', () => {
    expect(outcome(room({ locked: true }), 'member', 'co_acme')).toBe('locked')
    expect(decideEntry(room(), { id: ME, role: 'member', rooms: [], companyId: 'co_acme' }, { admitted: false, occupants: 4 })).toMatchObject({ ok: false, reason: 'full' })
  })
})
