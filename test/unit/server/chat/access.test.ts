/** Who reads what (server/chat/access.ts): one pure rule per kind of conversation. */
import { describe, expect, it } from 'vitest'
import type { Room } from '../../../../protocol/floor/records.ts'
import { readConversation, readRoom, type Reader } from '../../../../server/chat/access.ts'

const member: Reader = { id: 'mem_ana', role: 'member', rooms: [] }
const guest: Reader = { id: 'mem_guest', role: 'guest', rooms: ['room_meeting'] }
const host: Reader = { id: 'mem_host', role: 'host', rooms: [] }
const channel = (changes: Partial<{ id: string; private: boolean; members: string[] }> = {}) => ({ id: 'ch_x', kind: 'channel' as const, private: false, members: [], ...changes })
const room = (changes: Partial<Room> = {}): Room => ({ id: 'room_meeting', name: 'Meeting', kind: 'meeting', x: 0, y: 0, width: 10, height: 10, capacity: 2, locked: false, ownerId: null, allowed: [], ...changes })

describe('chat access', () => {
  it('#general and public channels: every non-guest reads; joined means listed as a member (everyone in #general)', () => {
    expect(readConversation(channel({ id: 'ch_general' }), member)).toEqual({ read: true, joined: true })
    expect(readConversation(channel(), member)).toEqual({ read: true, joined: false })
    expect(readConversation(channel({ members: ['mem_ana'] }), member)).toEqual({ read: true, joined: true })
    expect(readConversation(channel({ id: 'ch_general' }), guest)).toEqual({ read: false })
  })

  it('private channels and DMs: their members only, hosts included in that rule', () => {
    expect(readConversation(channel({ private: true }), host)).toEqual({ read: false })
    expect(readConversation(channel({ private: true, members: ['mem_host'] }), host)).toEqual({ read: true, joined: true })
    expect(readConversation({ id: 'dm_1', kind: 'dm', private: true, members: ['mem_ana', 'mem_bo'] }, member)).toEqual({ read: true, joined: true })
    expect(readConversation({ id: 'dm_1', kind: 'dm', private: true, members: ['mem_bo', 'mem_cy'] }, host)).toEqual({ read: false })
  })

  it('room chats follow the door as to privacy, not locks or capacity; a removed room has none', () => {
    expect(readRoom(room({ locked: true }), member, false)).toBe(true)
    expect(readRoom(room({ capacity: 1 }), member, false)).toBe(true)
    expect(readRoom(room(), guest, false)).toBe(true)
    expect(readRoom(room({ id: 'room_lounge' }), guest, false)).toBe(false)
    expect(readRoom(room({ id: 'room_lounge' }), guest, true)).toBe(true)
    const office = room({ kind: 'private', ownerId: 'mem_owner', allowed: ['mem_ana'] })
    expect(readRoom(office, member, false)).toBe(true)
    expect(readRoom(office, host, false)).toBe(false)
    expect(readRoom(office, host, true)).toBe(true)
    expect(readRoom(undefined, host, false)).toBe(false)
  })
})
