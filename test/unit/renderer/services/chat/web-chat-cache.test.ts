/**
 * The browser's chat cache over a Storage-shaped map (as web.ts gives it, prefix and all):
 * bounded per conversation, checked on the way out, and an outbox that makes room for itself
 * when the storage is full rather than losing a message written offline.
 */
import { describe, expect, it } from 'vitest'
import type { Message } from '../../../../../protocol/chat.ts'
import { WEB_CHAT_MESSAGES, createWebChatCache, type WebStorageAccess } from '../../../../../renderer/platform/web-chat-cache.ts'

const message = (n: number, changes: Partial<Message> = {}): Message => ({
  id: `msg_${n}`, conversationId: 'ch_general', seq: n, authorId: 'mem_bo', clientId: `client-${String(n).padStart(4, '0')}`,
  body: `message ${n}`, threadId: null, replies: 0, createdAt: 1_000 + n, editedAt: null, deleted: false,
  reactions: {}, attachments: [], mentions: [], mentionsAll: false, ...changes,
})

/** Web Storage's behaviour that matters here: JSON strings, and a quota that throws when full. */
function storage(): WebStorageAccess & { data: Map<string, string>; quota: number; used(): number } {
  const data = new Map<string, string>()
  const used = () => [...data.values()].reduce((n, v) => n + v.length, 0)
  return {
    data,
    quota: Infinity,
    used,
    read: (key) => (data.has(key) ? JSON.parse(data.get(key)!) : null),
    write(key, value) {
      if (value === null) return data.delete(key) || true
      const text = JSON.stringify(value)
      if (used() - (data.get(key)?.length ?? 0) + text.length > this.quota) return false
      data.set(key, text)
      return true
    },
    keys: (prefix) => [...data.keys()].filter((k) => k.startsWith(prefix)),
  }
}

describe('the web chat cache', () => {
  it(`keeps the newest ${WEB_CHAT_MESSAGES} messages of a conversation, oldest first, the newest edit winning`, async () => {
    const cache = createWebChatCache(storage())
    await cache.putMessages('ws_a', Array.from({ length: WEB_CHAT_MESSAGES + 50 }, (_, i) => message(i + 1)).reverse())
    await cache.putMessages('ws_a', [message(WEB_CHAT_MESSAGES + 50, { seq: 9_999, body: 'edited' }), message(WEB_CHAT_MESSAGES + 50)])
    const kept = await cache.getMessages('ws_a', 'ch_general', 1_000)
    expect(kept).toHaveLength(WEB_CHAT_MESSAGES)
    expect([kept[0]!.id, kept.at(-1)!.body]).toEqual(['msg_51', 'edited'])
  })

  it('drops what does not match the schema', async () => {
    const s = storage()
    const cache = createWebChatCache(s)
    s.write('cache:chat:ws_a:m:ch_general', [message(1), { id: 'msg_2', body: '<script>' }])
    expect((await cache.getMessages('ws_a', 'ch_general', 10)).map((m) => m.id)).toEqual(['msg_1'])
  })

  it('makes room for the outbox by dropping cached messages when the storage is full', async () => {
    const s = storage()
    const cache = createWebChatCache(s)
    await cache.putMessages('ws_a', Array.from({ length: 100 }, (_, i) => message(i + 1, { body: 'x'.repeat(300) })))
    expect(s.keys('cache:chat:ws_a:m:')).toHaveLength(1)
    s.quota = s.used() + 1_000
    await cache.putOutbox('ws_a', { clientId: 'client-z0001', conversationId: 'ch_general', body: 'y'.repeat(3_900), threadId: null, createdAt: 1 })
    expect((await cache.getOutbox('ws_a')).map((o) => o.clientId)).toEqual(['client-z0001'])
    expect(s.keys('cache:chat:ws_a:m:')).toHaveLength(0)
  })
})
