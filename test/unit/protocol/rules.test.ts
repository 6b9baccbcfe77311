/**
 * The room entry rule that room tokens enforce, as a table: room kind × locked × role × the
 * caller's relation to the room × occupancy. Explicit rows state the policy; the invariants below
 * them run over every combination so no corner of the product escapes.
 */
import { describe, expect, it } from 'vitest'
import type { Role } from '../../../protocol/api.ts'
import type { Room, RoomKind } from '../../../protocol/floor/records.ts'
import { atLeast, decideEntry, type EntryDecision } from '../../../protocol/rules.ts'

const ME = 'mem_me'
const OTHER = 'mem_other'
const ROOM = 'room_x'

/** How the caller relates to the room: owns it, is on its allowed list, was admitted, was named in a guest invite, or none. */
type Relation = 'none' | 'owner' | 'allowed' | 'admitted' | 'named'
type Fill = 'free' | 'full'
type Outcome = 'enter' | 'removed' | 'locked' | 'private' | 'full'

function decide(kind: RoomKind, locked: boolean, role: Role, relation: Relation, fill: Fill, removed = false): EntryDecision {
  const room: Room = {
    id: ROOM,
    name: 'Room',
    kind,
    x: 0,
    y: 0,
    width: 100,
    height: 100,
    capacity: 4,
    locked,
    ownerId: relation === 'owner' ? ME : OTHER,
    allowed: relation === 'allowed' ? [ME] : [OTHER],
  }
  return decideEntry(room, { id: ME, role, rooms: relation === 'named' ? [ROOM] : [] }, { admitted: relation === 'admitted', occupants: fill === 'full' ? 4 : 3, removed })
}

const outcomeOf = (d: EntryDecision): Outcome => (d.ok ? 'enter' : d.reason)

describe('decideEntry', () => {
  // [kind, locked, role, relation, fill, expected]
  const rows: [RoomKind, boolean, Role, Relation, Fill, Outcome][] = [
    // Open rooms: everyone who belongs to the workspace, guests only where their invite says.
    ['meeting', false, 'member', 'none', 'free', 'enter'],
    ['lounge', false, 'member', 'none', 'free', 'enter'],
    ['stage', false, 'member', 'none', 'free', 'enter'],
    ['meeting', false, 'owner', 'none', 'free', 'enter'],
    ['meeting', false, 'host', 'none', 'free', 'enter'],
    ['meeting', false, 'guest', 'none', 'free', 'private'],
    ['meeting', false, 'guest', 'named', 'free', 'enter'],
    ['lounge', false, 'guest', 'named', 'free', 'enter'],
    ['meeting', false, 'guest', 'admitted', 'free', 'enter'],
    // The allowed list is a member grant; a guest still needs the invite (or a knock) to enter.
    ['meeting', false, 'guest', 'allowed', 'free', 'private'],
    // Locked rooms: hosts walk in, members and guests knock.
    ['meeting', true, 'owner', 'none', 'free', 'enter'],
    ['meeting', true, 'host', 'none', 'free', 'enter'],
    ['meeting', true, 'member', 'none', 'free', 'locked'],
    ['meeting', true, 'guest', 'named', 'free', 'locked'],
    ['meeting', true, 'guest', 'none', 'free', 'private'],
    ['meeting', true, 'member', 'owner', 'free', 'enter'],
    ['meeting', true, 'member', 'allowed', 'free', 'enter'],
    ['meeting', true, 'member', 'admitted', 'free', 'enter'],
    ['meeting', true, 'guest', 'admitted', 'free', 'enter'],
    ['stage', true, 'member', 'none', 'free', 'locked'],
    // Private offices: private even to hosts and the workspace owner, unlocked or not.
    ['private', false, 'owner', 'none', 'free', 'private'],
    ['private', false, 'host', 'none', 'free', 'private'],
    ['private', true, 'host', 'none', 'free', 'private'],
    ['private', false, 'member', 'none', 'free', 'private'],
    ['private', true, 'guest', 'named', 'free', 'private'],
    ['private', true, 'member', 'owner', 'free', 'enter'],
    ['private', true, 'member', 'allowed', 'free', 'enter'],
    ['private', true, 'member', 'admitted', 'free', 'enter'],
    ['private', false, 'host', 'allowed', 'free', 'enter'],
    ['private', true, 'guest', 'admitted', 'free', 'enter'],
    // Capacity: nobody enters a full room, whatever their rights.
    ['meeting', false, 'member', 'none', 'full', 'full'],
    ['meeting', false, 'owner', 'none', 'full', 'full'],
    ['meeting', true, 'host', 'none', 'full', 'full'],
    ['private', true, 'member', 'owner', 'full', 'full'],
    ['meeting', true, 'member', 'admitted', 'full', 'full'],
    ['lounge', false, 'guest', 'named', 'full', 'full'],
    // Refusals for the door come before the crowd: the knocker learns they must knock.
    ['meeting', true, 'member', 'none', 'full', 'locked'],
    ['private', false, 'host', 'none', 'full', 'private'],
  ]

  it.each(rows)('%s room, locked %s, %s with relation %s, %s → %s', (kind, locked, role, relation, fill, expected) => {
    const decision = decide(kind, locked, role, relation, fill)
    expect(outcomeOf(decision)).toBe(expected)
    if (!decision.ok) expect(decision.status).toBe(decision.reason === 'full' ? 409 : 403)
  })

  const kinds: RoomKind[] = ['meeting', 'lounge', 'private', 'stage']
  const roles: Role[] = ['owner', 'host', 'member', 'guest']
  const relations: Relation[] = ['none', 'owner', 'allowed', 'admitted', 'named']
  const every = kinds.flatMap((kind) =>
    [false, true].flatMap((locked) => roles.flatMap((role) => relations.flatMap((relation) => (['free', 'full'] as const).map((fill) => ({ kind, locked, role, relation, fill }))))),
  )

  it.each(every)('invariants: $kind, locked $locked, $role, $relation, $fill', ({ kind, locked, role, relation, fill }) => {
    const outcome = outcomeOf(decide(kind, locked, role, relation, fill))
    const insider = relation === 'owner' || relation === 'allowed' || relation === 'admitted'
    // Nobody enters a full room.
    if (fill === 'full') expect(outcome).not.toBe('enter')
    // A private office admits only its owner, its allowed list and admitted knockers.
    if (kind === 'private' && !insider) expect(outcome).not.toBe('enter')
    // A locked room keeps out everyone below host who has no standing in it.
    if (locked && !insider && !atLeast(role, 'host')) expect(outcome).not.toBe('enter')
    // A guest enters only rooms the invite names, or after a knock was answered.
    if (role === 'guest' && relation !== 'named' && relation !== 'admitted') expect(outcome).not.toBe('enter')
    // And the rule is not stricter than that: with room to spare, everyone else gets in.
    const shut = (kind === 'private' && !insider) || (locked && !insider && !atLeast(role, 'host')) || (role === 'guest' && relation !== 'named' && relation !== 'admitted')
    if (fill === 'free' && !shut) expect(outcome).toBe('enter')
  })

  it.each(every)('someone removed from the room stays out, whoever they are: $kind, locked $locked, $role, $relation, $fill', ({ kind, locked, role, relation, fill }) => {
    const decision = decide(kind, locked, role, relation, fill, true)
    expect(decision).toEqual({ ok: false, status: 403, reason: 'removed' })
  })
})

describe('atLeast', () => {
  it.each([
    ['owner', 'host', true],
    ['host', 'host', true],
    ['member', 'host', false],
    ['guest', 'member', false],
    ['member', 'guest', true],
    ['host', 'owner', false],
  ] as [Role, Role, boolean][])('%s is at least %s: %s', (role, required, expected) => {
    expect(atLeast(role, required)).toBe(expected)
  })
})
