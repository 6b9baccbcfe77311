/**
 * The chat store as the UI sees it: messages in reading order whatever order they arrive in,
 * edits never rolled back by a late copy, thread replies in their thread, unread and mention
 * counts that move only for news by others, and a conversation that goes taking everything with it.
 */
import { describe, expect, it } from 'vitest'
import type { ConversationSummary, Message } from '../../../../../protocol/chat.ts'
import { messagesOf, outboxOf, repliesOf, sortedConversations, typingIn, unreadTotal } from '../../../../../renderer/stores/chat/selectors.ts'
import { chatActions } from '../../../../../renderer/stores/chat/actions.ts'
import { createChatStore } from '../../../../../renderer/stores/chat/store.ts'

const message = (n: number, changes: Partial<Message> = {}): Message => ({
  id: `msg_${n}`, conversationId: 'ch_general', seq: n, authorId: 'mem_bo', clientId: `client-${String(n).padStart(4, '0')}`,
  body: `message ${n}`, threadId: null, replies: 0, createdAt: 1_000 + n, editedAt: null, deleted: false,
  reactions: {}, attachments: [], mentions: [], mentionsAll: false, ...changes,
})
const summary = (id: string, changes: Partial<ConversationSummary> = {}): ConversationSummary => ({
  id, kind: 'channel', name: id.slice(3), private: false, archived: false, members: ['mem_me', 'mem_bo'], roomId: null, createdAt: 1,
  lastSeq: 0, lastAt: null, unread: 0, mentions: 0, readSeq: 0, joined: true, ...changes,
})

function store() {
  const s = createChatStore()
  const act = chatActions(s)
  act.reset('mem_me')
  act.setConversations([summary('ch_general'), summary('ch_design'), summary('ch_lobby', { joined: false })])
  return { s, act }
}

describe('the chat store', () => {
  it('lists messages oldest first whatever order they come in, and keeps the newest edit', () => {
    const { s, act } = store()
    act.addMessages([message(3), message(1)])
    act.addMessages([message(2), message(1, { seq: 7, body: 'edited', editedAt: 2_000 })])
    act.addMessages([message(1)])
    expect(messagesOf(s.getState(), 'ch_general').map((m) => m.body)).toEqual(['edited', 'message 2', 'message 3'])
  })

  it('puts replies in their thread, and counts a reply as unread but not its parent coming back', () => {
    const { s, act } = store()
    act.addMessages([message(1)], { count: true })
    act.addMessages([message(2, { threadId: 'msg_1' }), message(1, { seq: 3, replies: 1 })], { count: true })
    expect(repliesOf(s.getState(), 'msg_1').map((m) => m.id)).toEqual(['msg_2'])
    expect(messagesOf(s.getState(), 'ch_general').map((m) => [m.id, m.replies])).toEqual([['msg_1', 1]])
    expect(s.getState().conversations.ch_general!.unread).toBe(2)
  })

  it('counts news by others in joined conversations only, mentions apart, and sums them for the title', () => {
    const { s, act } = store()
    act.addMessages(
      [
        message(1, { mentions: ['mem_me'] }),
        message(2, { authorId: 'mem_me' }),
        message(3, { conversationId: 'ch_design', mentionsAll: true }),
        message(4, { conversationId: 'ch_lobby' }),
      ],
      { count: true },
    )
    const c = s.getState().conversations
    expect([c.ch_general!.unread, c.ch_general!.mentions, c.ch_design!.unread, c.ch_design!.mentions, c.ch_lobby!.unread]).toEqual([1, 1, 1, 1, 0])
    expect(unreadTotal(s.getState())).toBe(2)
    // Pages and the cache fill history without counting it.
    act.addMessages([message(5)])
    expect(unreadTotal(s.getState())).toBe(2)
    act.markRead('ch_general', s.getState().conversations.ch_general!.lastSeq)
    expect(unreadTotal(s.getState())).toBe(1)
  })

  it('drops a conversation with its messages, threads, typing and unsent messages', () => {
    const { s, act } = store()
    act.addMessages([message(1, { conversationId: 'ch_design' }), message(2, { conversationId: 'ch_design', threadId: 'msg_1' }), message(3)])
    act.putOutbox({ clientId: 'client-x0001', conversationId: 'ch_design', body: 'hi', threadId: null, createdAt: 1 })
    act.setTyping('ch_design', 'mem_bo', Date.now() + 5_000)
    act.open('ch_design')
    act.dropConversation('ch_design')
    const st = s.getState()
    expect([st.conversations.ch_design, st.messages.ch_design, st.threads.msg_1, st.typing.ch_design, st.outbox, st.openId]).toEqual([undefined, undefined, undefined, undefined, [], null])
    expect(messagesOf(st, 'ch_general').map((m) => m.id)).toEqual(['msg_3'])
  })

  it('keeps the outbox in the order written and shows typing until it ends', () => {
    const { s, act } = store()
    act.putOutbox({ clientId: 'client-b0002', conversationId: 'ch_general', body: 'two', threadId: null, createdAt: 20 })
    act.putOutbox({ clientId: 'client-a0001', conversationId: 'ch_general', body: 'one', threadId: null, createdAt: 10 })
    act.putOutbox({ clientId: 'client-b0002', conversationId: 'ch_general', body: 'two', threadId: null, createdAt: 20, error: 'archived' })
    expect(outboxOf(s.getState(), 'ch_general').map((o) => [o.body, o.error])).toEqual([['one', undefined], ['two', 'archived']])
    // Its live notice came before the POST's answer: shown once, as the message, not also as pending.
    act.addMessages([message(9, { authorId: s.getState().meId ?? 'mem_me', clientId: 'client-a0001', body: 'one' })])
    expect(outboxOf(s.getState(), 'ch_general').map((o) => o.body)).toEqual(['two'])
    act.setTyping('ch_general', 'mem_bo', 5_000)
    act.setTyping('ch_general', 'mem_me', 5_000)
    expect(typingIn(s.getState(), 'ch_general', 4_000)).toEqual(['mem_bo'])
    act.expireTyping(5_000)
    expect(typingIn(s.getState(), 'ch_general', 4_000)).toEqual([])
  })

  it('orders the list: channels (joined first), the room I am in first, then DMs by latest activity', () => {
    const { s, act } = store()
    act.upsertConversation({ id: 'rm_room_a', kind: 'room', name: 'Atrium', private: false, archived: false, members: [], roomId: 'room_a', createdAt: 1 })
    act.upsertConversation({ id: 'rm_room_b', kind: 'room', name: 'Bay', private: false, archived: false, members: [], roomId: 'room_b', createdAt: 1 })
    act.upsertConversation({ id: 'dm_old', kind: 'dm', name: '', private: false, archived: false, members: ['mem_me', 'mem_bo'], roomId: null, createdAt: 5 })
    act.upsertConversation({ id: 'dm_new', kind: 'dm', name: '', private: false, archived: false, members: ['mem_me', 'mem_cy'], roomId: null, createdAt: 9 })
    expect(sortedConversations(s.getState(), 'room_b').map((c) => c.id)).toEqual(['ch_design', 'ch_general', 'ch_lobby', 'rm_room_b', 'rm_room_a', 'dm_new', 'dm_old'])
  })
})
