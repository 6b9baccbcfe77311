/**
 * The private-office rule, as a table: who may change an office's kind, owner and allowed list,
 * and which op and field a refusal names.
 */
import { describe, expect, it, test } from 'vitest'
import { applyBatch } from '../../../../protocol/floor/apply.ts'
import type { FloorOp } from '../../../../protocol/floor/ops.ts'
import type { Floor, Room } from '../../../../protocol/floor/records.ts'
import { privateOfficeRefusal, type Author } from '../../../../server/floor/private-rules.ts'

const room = (id: string, changes: Partial<Room> = {}): Room => ({
  id, name: id.replace('room_', ''), kind: 'meeting', x: 0, y: 0, width: 100, height: 100, capacity: 4, locked: false, ownerId: null, allowed: [], ...changes,
})
const floor: Floor = {
  id: 'floor_main', name: 'Main', version: 3, width: 1000, height: 1000, desks: [],
  rooms: [room('room_ana', { name: 'Ana office', kind: 'private', ownerId: 'mem_ana', allowed: ['mem_bo'] }), room('room_open'), room('room_nobody', { kind: 'private' })],
}
const host: Author = { id: 'mem_host', role: 'host' }
const ana: Author = { id: 'mem_ana', role: 'host' }
const owner: Author = { id: 'mem_owner', role: 'owner' }

/** The refusal of `ops` by `author`, as `field: message` (null when allowed); the ops must apply. */
function refusal(ops: FloorOp[], author: Author): { field: string; roomId: string; message: string } | null {
  const result = applyBatch(floor, ops, { isMember: () => true })
  if (!result.ok) throw new Error(result.error.message)
  const refused = privateOfficeRefusal(floor, result.floor, ops, author)
  return refused && { field: refused.field, roomId: refused.roomId, message: refused.message }
}
const update = (id: string, changes: Partial<Room>): FloorOp => ({ op: 'room.update', id, changes })

describe("a private office's door", () => {
  test.each([
    ['allowed list', update('room_ana', { allowed: ['mem_bo', 'mem_host'] }), 'ops[0].changes.allowed', 'allowed list'],
    ['owner', update('room_ana', { ownerId: 'mem_host' }), 'ops[0].changes.ownerId', 'owner'],
    ['owner, to nobody', update('room_ana', { ownerId: null }), 'ops[0].changes.ownerId', 'owner'],
    ['kind', update('room_ana', { kind: 'meeting' }), 'ops[0].changes.kind', 'kind'],
  ])('a host may not change its %s', (_what, op, field, words) => {
    const refused = refusal([op], host)
    expect(refused).toMatchObject({ field, roomId: 'room_ana' })
    expect(refused?.message).toBe(`Ana office is a private office: only its owner or a workspace owner changes its ${words}`)
  })

  test.each([
    ['its owner', ana],
    ['a workspace owner', owner],
  ])('%s may change all three', (_who, author) => {
    expect(refusal([update('room_ana', { allowed: ['mem_host', 'mem_cy'] })], author)).toBeNull()
    expect(refusal([update('room_ana', { ownerId: 'mem_bo', allowed: [] })], author)).toBeNull()
    expect(refusal([update('room_ana', { kind: 'lounge' })], author)).toBeNull()
  })

  it('even its owner hands it over only with nobody else on its list: the new owner chooses', () => {
    expect(refusal([update('room_ana', { ownerId: 'mem_cy' })], ana)).toMatchObject({ field: 'ops[0].changes.ownerId', roomId: 'room_ana' })
  })

  it('a host may still rename, move, resize, lock, or remove it', () => {
    expect(refusal([update('room_ana', { name: 'Corner', x: 10, width: 80, capacity: 2, locked: true })], host)).toBeNull()
    expect(refusal([{ op: 'room.remove', id: 'room_ana' }], host)).toBeNull()
  })

  it('setting the same allowed list in another order changes nothing', () => {
    const twice = { ...floor, rooms: floor.rooms.map((r) => (r.id === 'room_ana' ? { ...r, allowed: ['mem_bo', 'mem_cy'] } : r)) }
    const ops: FloorOp[] = [update('room_ana', { allowed: ['mem_cy', 'mem_bo'] })]
    const after = applyBatch(twice, ops, { isMember: () => true })
    expect(after.ok && privateOfficeRefusal(twice, after.floor, ops, host)).toBeNull()
  })

  it('removing and re-adding it in one batch (an import) is judged by what changed, blamed on the add', () => {
    const original = floor.rooms[0]!
    expect(refusal([{ op: 'room.remove', id: 'room_ana' }, { op: 'room.add', room: { ...original, name: 'Renamed' } }], host)).toBeNull()
    expect(refusal([{ op: 'room.remove', id: 'room_ana' }, { op: 'room.add', room: { ...original, allowed: ['mem_host'] } }], host)).toMatchObject({ field: 'ops[1].room.allowed' })
  })

  it('the refusal names the first op that broke the rule', () => {
    const ops: FloorOp[] = [update('room_open', { name: 'Open' }), update('room_ana', { kind: 'lounge' }), update('room_ana', { allowed: [] })]
    expect(refusal(ops, host)).toMatchObject({ field: 'ops[1].changes.kind' })
  })
})

describe('offices made for someone else', () => {
  it('a host may add an office for someone, or give them one, with nobody else allowed in', () => {
    expect(refusal([{ op: 'room.add', room: room('room_new', { kind: 'private', ownerId: 'mem_cy', allowed: ['mem_cy'] }) }], host)).toBeNull()
    expect(refusal([update('room_open', { kind: 'private', ownerId: 'mem_cy' })], host)).toBeNull()
    expect(refusal([update('room_nobody', { ownerId: 'mem_cy' })], host)).toBeNull()
  })

  it('but not with anyone else on its allowed list, the host included', () => {
    expect(refusal([{ op: 'room.add', room: room('room_new', { name: 'Cy office', kind: 'private', ownerId: 'mem_cy', allowed: ['mem_host'] }) }], host)).toEqual({
      field: 'ops[0].room.allowed',
      roomId: 'room_new',
      message: "Cy office becomes someone else's private office: its allowed list must stay empty, for its owner to choose who may enter",
    })
    // Turned private without touching its list: blamed on the op that made it someone's office.
    const listed = { ...floor, rooms: floor.rooms.map((r) => (r.id === 'room_open' ? { ...r, allowed: ['mem_host'] } : r)) }
    const ops: FloorOp[] = [update('room_open', { kind: 'private', ownerId: 'mem_cy' })]
    const after = applyBatch(listed, ops, { isMember: () => true })
    expect(after.ok && privateOfficeRefusal(listed, after.floor, ops, host)).toMatchObject({ field: 'ops[0].changes.ownerId' })
  })

  it('a host may make an office for themselves, and manage one nobody owns', () => {
    expect(refusal([{ op: 'room.add', room: room('room_mine', { kind: 'private', ownerId: 'mem_host', allowed: ['mem_bo'] }) }], host)).toBeNull()
    expect(refusal([update('room_nobody', { allowed: ['mem_host', 'mem_bo'], kind: 'lounge' })], host)).toBeNull()
  })

  it('a workspace owner may make any office for anyone', () => {
    expect(refusal([{ op: 'room.add', room: room('room_new', { kind: 'private', ownerId: 'mem_cy', allowed: ['mem_owner'] }) }], owner)).toBeNull()
  })
})
