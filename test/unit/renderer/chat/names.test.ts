/** How the chat names conversations and unread counts for eyes and screen readers, and sizes image previews. */
import { describe, expect, it } from 'vitest'
import { conversationName, fileSize, unreadText } from '../../../../renderer/chat/names.ts'
import { previewSize } from '../../../../renderer/chat/preview.ts'

const members = { m_ana: { name: 'Ana Silva', role: 'owner' }, m_bo: { name: 'Bo Lee', role: 'member' }, m_cy: { name: 'Cy Young', role: 'member' }, m_gwen: { name: 'Gwen', role: 'guest' } } as const

describe('chat names', () => {
  it('names channels with #, room chats by room and DMs by the other people', () => {
    expect(conversationName({ kind: 'channel', name: 'general', members: [] }, members, 'm_ana')).toBe('#general')
    expect(conversationName({ kind: 'room', name: 'Lounge', members: [] }, members, 'm_ana')).toBe('Lounge')
    expect(conversationName({ kind: 'dm', name: '', members: ['m_ana', 'm_cy', 'm_bo'] }, members, 'm_ana')).toBe('Bo Lee, Cy Young')
    expect(conversationName({ kind: 'dm', name: '', members: ['m_ana', 'm_gone'] }, members, 'm_ana')).toBe('Someone')
    // A guest is marked as one, here as everywhere people are named.
    expect(conversationName({ kind: 'dm', name: '', members: ['m_ana', 'm_gwen'] }, members, 'm_ana')).toBe('Gwen (guest)')
  })

  it('says unread counts and mentions in words, and nothing when all is read', () => {
    expect(unreadText({ unread: 0, mentions: 0 })).toBe('')
    expect(unreadText({ unread: 3, mentions: 0 })).toBe('3 unread')
    expect(unreadText({ unread: 2, mentions: 1 })).toBe('2 unread, 1 mention')
    expect(unreadText({ unread: 5, mentions: 2 })).toBe('5 unread, 2 mentions')
  })

  it('sizes files and image previews within bounds, never enlarging', () => {
    expect(fileSize(11)).toBe('11 B')
    expect(fileSize(10 * 1024 * 1024)).toBe('10.0 MB')
    expect(previewSize({ width: 40, height: 20 })).toEqual({ width: 40, height: 20 })
    expect(previewSize({ width: 4000, height: 1000 })).toEqual({ width: 280, height: 70 })
    expect(previewSize({ width: 100, height: 10_000 })).toEqual({ width: 2, height: 200 })
  })
})
