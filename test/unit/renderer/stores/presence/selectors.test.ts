/** "Who is where" and "who is who", derived once: the server's occupancy and the directory, never a peer's word. */
import { describe, expect, it } from 'vitest'
import type { Member } from '../../../../../protocol/api.ts'
import { displayName, occupancyCounts, occupantsOf, othersIn, roomOf, roomsByMember } from '../../../../../renderer/stores/presence/selectors.ts'
import { createPresenceStore } from '../../../../../renderer/stores/presence/store.ts'

const member = (id: string, name: string): Member => ({ id, workspaceId: 'ws_a', name, role: 'member', colour: '#123456', deskId: null, lastSeenAt: null })
const members = { mem_ana: member('mem_ana', 'Ana Silva'), mem_bo: member('mem_bo', 'Bo Lee') }

const store = () => {
  const presence = createPresenceStore()
  presence.getState().setPeers([
    { id: 'mem_bo', status: 'available', statusText: '', statusUntil: 0, floor: 'floor_main', x: 10, y: 10 },
    // Eve stands inside the private office (a position is hers to declare) but the server has her nowhere.
    { id: 'mem_eve', status: 'available', statusText: '', statusUntil: 0, floor: 'floor_main', x: 900, y: 120 },
  ])
  presence.getState().setOccupancy({ room_meeting: ['mem_bo', 'mem_ana'], room_lounge: ['mem_cy'] })
  return presence
}

describe('presence selectors', () => {
  it('names people from the directory only', () => {
    expect(displayName(members, 'mem_bo')).toBe('Bo Lee')
    expect(displayName(members, 'mem_eve')).toBe('Someone')
  })

  it('puts others where the server says, and this member where the walker says', () => {
    const s = store().getState()
    expect(roomOf(s, 'mem_bo', 'mem_ana')).toBe('room_meeting')
    expect(roomOf(s, 'mem_eve', 'mem_ana')).toBeNull()
    // Ana walked out a moment ago; the server has not caught up yet. Her own view follows her.
    expect(roomOf(s, 'mem_ana', 'mem_ana')).toBeNull()
  })

  it('counts the people in a room from the server, with this member where they are', () => {
    const presence = store()
    presence.getState().setSelf({ room: 'room_lounge' })
    const s = presence.getState()
    expect(occupantsOf(s, 'room_meeting', 'mem_ana')).toEqual(['mem_bo'])
    expect(occupantsOf(s, 'room_lounge', 'mem_ana')).toEqual(['mem_cy', 'mem_ana'])
    expect(othersIn(s, 'room_lounge', 'mem_ana')).toEqual(['mem_cy'])
    expect(occupancyCounts(s, 'mem_ana')).toEqual(new Map([['room_meeting', 1], ['room_lounge', 2]]))
    expect(occupantsOf(s, 'room_private', 'mem_ana')).toEqual([])
  })

  it('indexes an occupancy notice once', () => {
    const s = store().getState()
    expect(roomsByMember(s.occupancy)).toBe(roomsByMember(s.occupancy))
    expect(roomsByMember(s.occupancy).get('mem_cy')).toBe('room_lounge')
  })

  it('writes a reconnect\'s peers in one step, replacing the remembered picture', () => {
    const presence = createPresenceStore()
    presence.getState().remember(1, [{ id: 'mem_bo', name: 'Bo Lee', room: '', status: 'busy', statusText: '', statusUntil: 0, floor: 'floor_main', x: 1, y: 1 }])
    const seen: number[] = []
    presence.subscribe((s) => seen.push(Object.keys(s.peers).length))
    presence.getState().setPeers([{ id: 'mem_bo', status: 'available', statusText: '', statusUntil: 0, floor: 'floor_main', x: 1, y: 1 }])
    expect(seen).toEqual([1])
    expect(presence.getState().remembered.peers).toEqual([])
  })
})
