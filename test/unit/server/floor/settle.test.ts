/**
 * Who a floor change sends out of which room (pure): removed rooms empty, re-doored rooms keep only
 * those the entry rule lets in (and those a knock let in), resized rooms keep their earliest arrivals.
 */
import { describe, expect, it } from 'vitest'
import type { Role } from '../../../../protocol/api.ts'
import type { Floor, Room } from '../../../../protocol/floor/records.ts'
import { changedRooms, roomLeavers } from '../../../../server/floor/settle.ts'
import type { MemberRecord } from '../../../../server/store/store.ts'

const room = (id: string, changes: Partial<Room> = {}): Room => ({
  id, name: id, kind: 'meeting', x: 0, y: 0, width: 100, height: 100, capacity: 8, locked: false, ownerId: null, allowed: [], ...changes,
})
const floorOf = (...rooms: Room[]): Floor => ({ id: 'floor_main', name: 'Main', version: 1, width: 1000, height: 1000, rooms, desks: [] })
const member = (id: string, role: Role, rooms: string[] = []): MemberRecord => ({
  id, workspaceId: 'ws_a', accountId: `acc_${id}`, name: id, email: `${id}@example.com`, colour: '#000000', role, rooms, lastSeenAt: null,
})
const people = new Map([member('mem_ana', 'member'), member('mem_bo', 'member'), member('mem_host', 'host'), member('mem_gus', 'guest', ['room_a'])].map((m) => [m.id, m]))
const nobodyAdmitted = () => false

/** Leavers after `before` → `after` with everyone in `inside` in room_a. */
const leavers = (before: Room, after: Room | null, inside: string[], admitted: (roomId: string, id: string) => boolean = nobodyAdmitted) =>
  roomLeavers(changedRooms(floorOf(before), after ? floorOf(after) : floorOf()), { room_a: inside }, people, admitted)

describe('who a floor change sends out', () => {
  it('an unchanged door and capacity send nobody out, whatever else changed', () => {
    expect(changedRooms(floorOf(room('room_a')), floorOf(room('room_a', { name: 'Renamed', x: 5 })))).toEqual([])
  })

  it('locking a room sends out members not on its list; hosts and allowed members stay', () => {
    expect(leavers(room('room_a', { allowed: ['mem_bo'] }), room('room_a', { locked: true, allowed: ['mem_bo'] }), ['mem_ana', 'mem_bo', 'mem_host'])).toEqual([
      { roomId: 'room_a', stay: ['mem_bo', 'mem_host'], leave: ['mem_ana'] },
    ])
  })

  it('narrowing the allowed list of a locked room sends out whoever it dropped, unless a knock let them in', () => {
    const before = room('room_a', { locked: true, allowed: ['mem_ana', 'mem_bo'] })
    const after = room('room_a', { locked: true, allowed: [] })
    expect(leavers(before, after, ['mem_ana', 'mem_bo'])).toEqual([{ roomId: 'room_a', stay: [], leave: ['mem_ana', 'mem_bo'] }])
    expect(leavers(before, after, ['mem_ana', 'mem_bo'], (_room, id) => id === 'mem_bo')).toEqual([{ roomId: 'room_a', stay: ['mem_bo'], leave: ['mem_ana'] }])
  })

  it('making a room private sends out even hosts, but not its owner', () => {
    expect(leavers(room('room_a'), room('room_a', { kind: 'private', ownerId: 'mem_ana' }), ['mem_ana', 'mem_host', 'mem_gus'])).toEqual([
      { roomId: 'room_a', stay: ['mem_ana'], leave: ['mem_host', 'mem_gus'] },
    ])
  })

  it('the rule first, then the latest arrivals beyond a lower capacity', () => {
    const after = room('room_a', { locked: true, capacity: 1, allowed: ['mem_bo', 'mem_ana'] })
    expect(leavers(room('room_a'), after, ['mem_host', 'mem_ana', 'mem_gus', 'mem_bo'])).toEqual([
      { roomId: 'room_a', stay: ['mem_host'], leave: ['mem_gus', 'mem_ana', 'mem_bo'] },
    ])
  })

  it('a re-doored room over its unchanged capacity keeps everyone the rule lets in', () => {
    const before = room('room_a', { capacity: 1 })
    expect(leavers(before, room('room_a', { capacity: 1, allowed: ['mem_ana'] }), ['mem_ana', 'mem_bo'])).toEqual([])
  })

  it('a removed room sends out everyone; someone no longer a member leaves any re-doored room', () => {
    expect(leavers(room('room_a'), null, ['mem_ana', 'mem_host'])).toEqual([{ roomId: 'room_a', stay: [], leave: ['mem_ana', 'mem_host'] }])
    expect(leavers(room('room_a'), room('room_a', { locked: true }), ['mem_host', 'mem_gone'])).toEqual([{ roomId: 'room_a', stay: ['mem_host'], leave: ['mem_gone'] }])
  })
})
