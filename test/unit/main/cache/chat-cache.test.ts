/**
 * Chat in the desktop cache, on a real SQLite file, through main's real IPC handler table (the
 * path the renderer takes): the list and cursor, recent messages per conversation (newest 1,000,
 * oldest first), the outbox surviving a restart in order, a conversation dropped with everything
 * in it, and sign-out's clear leaving no trace in the file's bytes.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { ConversationSummary, Message } from '../../../../protocol/chat.ts'
import { CHAT_CACHE_MESSAGES, type ChatOutboxItem, type IpcHandlers } from '../../../../protocol/ipc.ts'
import Database from 'better-sqlite3'
import { migrate, migrations, userVersion } from '../../../../main/cache/migrations/index.ts'
import { openCache, type Cache } from '../../../../main/cache/open.ts'
import { cacheKv } from '../../../../main/cache/queries.ts'
import { createSecretStore } from '../../../../main/credentials/secret-store.ts'
import { createIpcHandlers } from '../../../../main/ipc/handlers.ts'
import { tempDir } from '../fixtures.ts'

const config = { serverUrl: 'http://127.0.0.1:8080', platform: 'electron' as const, version: '0.1.0' }
const opened: Cache[] = []
afterEach(() => opened.splice(0).forEach((c) => c.close()))
const WS = 'ws_acme'

function open(file = path.join(tempDir(), 'cache.db')): { file: string; cache: Cache; h: IpcHandlers } {
  const cache = openCache(file)
  opened.push(cache)
  const secrets = createSecretStore({ kv: cacheKv(cache), protection: { cipher: null, weakness: null }, warn: () => {} })
  return { file, cache, h: createIpcHandlers({ cache, secrets, config, notifier: { show: () => {} } }) }
}

export const message = (n: number, changes: Partial<Message> = {}): Message => ({
  id: `msg_${n}`, conversationId: 'ch_general', seq: n, authorId: 'mem_ana', clientId: `client-${String(n).padStart(4, '0')}`,
  body: `message ${n}`, threadId: null, replies: 0, createdAt: 1_000 + n, editedAt: null, deleted: false,
  reactions: {}, attachments: [], mentions: [], mentionsAll: false, ...changes,
})

const summary = (id: string, name: string): ConversationSummary => ({
  id, kind: 'channel', name, private: false, archived: false, members: ['mem_ana'], roomId: null, createdAt: 1,
  lastSeq: 3, lastAt: 1_003, unread: 2, mentions: 1, readSeq: 1, joined: true,
})

const item = (clientId: string, createdAt: number, body = `queued ${clientId}`): ChatOutboxItem => ({ clientId, conversationId: 'ch_general', body, threadId: null, createdAt })

describe('the chat cache', () => {
  it('is added to a cache file of the first version, keeping what it held', () => {
    const file = path.join(tempDir(), 'old.db')
    const db = new Database(file)
    migrate(db, migrations, 10)
    db.prepare("INSERT INTO kv (key, value) VALUES ('window.bounds', '{}')").run()
    expect(migrate(db)).toEqual({ from: 10, to: 20 })
    expect(userVersion(db)).toBe(20)
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'chat_%' ORDER BY name").pluck().all()
    expect(tables).toEqual(['chat_lists', 'chat_messages', 'chat_outbox'])
    expect(db.prepare('SELECT value FROM kv').pluck().all()).toEqual(['{}'])
    db.close()
  })

  it('keeps the list and a cursor that never moves back', async () => {
    const { h } = open()
    expect(await h['cache:getChat'](WS)).toBeNull()
    await h['cache:putChat'](WS, { conversations: [summary('ch_general', 'general')], seq: 40 })
    await h['cache:putChat'](WS, { seq: 12 })
    expect(await h['cache:getChat'](WS)).toEqual({ conversations: [summary('ch_general', 'general')], seq: 40 })
    await h['cache:putChat'](WS, { conversations: [summary('ch_design', 'design')] })
    expect((await h['cache:getChat'](WS))?.conversations.map((c) => c.name)).toEqual(['design'])
  })

  it('answers the newest messages oldest first; an older seq never replaces a newer edit', async () => {
    const { h } = open()
    await h['cache:putMessages'](WS, [message(3), message(1), message(2), message(4, { conversationId: 'ch_design' })])
    await h['cache:putMessages'](WS, [message(2, { seq: 9, body: 'edited', editedAt: 5_000 })])
    await h['cache:putMessages'](WS, [message(2)])
    expect((await h['cache:getMessages'](WS, 'ch_general', 2)).map((m) => m.body)).toEqual(['edited', 'message 3'])
    expect((await h['cache:getMessages'](WS, 'ch_general', 10)).map((m) => m.id)).toEqual(['msg_1', 'msg_2', 'msg_3'])
  })

  it(`keeps at most the newest ${CHAT_CACHE_MESSAGES} messages of a conversation`, async () => {
    const { h, cache } = open()
    const all = Array.from({ length: CHAT_CACHE_MESSAGES + 300 }, (_, i) => message(i + 1))
    for (let i = 0; i < all.length; i += 500) await h['cache:putMessages'](WS, all.slice(i, i + 500))
    const kept = await h['cache:getMessages'](WS, 'ch_general', CHAT_CACHE_MESSAGES)
    expect(kept).toHaveLength(CHAT_CACHE_MESSAGES)
    expect([kept[0]!.id, kept.at(-1)!.id]).toEqual(['msg_301', `msg_${CHAT_CACHE_MESSAGES + 300}`])
    expect(cache.db.prepare('SELECT count(*) FROM chat_messages').pluck().get()).toBe(CHAT_CACHE_MESSAGES)
  })

  it('counts a damaged row as absent rather than failing the read', async () => {
    const { h, cache } = open()
    await h['cache:putMessages'](WS, [message(1), message(2)])
    cache.db.prepare("UPDATE chat_messages SET json = '{\"id\":\"msg_1\"}' WHERE id = 'msg_1'").run()
    expect((await h['cache:getMessages'](WS, 'ch_general', 10)).map((m) => m.id)).toEqual(['msg_2'])
  })

  it('keeps the outbox across a restart, in the order written, with a refusal reason', async () => {
    const first = open()
    await first.h['cache:putOutbox'](WS, item('client-b0002', 20))
    await first.h['cache:putOutbox'](WS, item('client-a0001', 10))
    await first.h['cache:putOutbox'](WS, { ...item('client-c0003', 30), error: 'You have not joined #design.' })
    first.cache.close()
    const again = open(first.file)
    expect((await again.h['cache:getOutbox'](WS)).map((o) => [o.clientId, o.error])).toEqual([
      ['client-a0001', undefined], ['client-b0002', undefined], ['client-c0003', 'You have not joined #design.'],
    ])
    await again.h['cache:dropOutbox'](WS, 'client-a0001')
    expect((await again.h['cache:getOutbox'](WS)).map((o) => o.clientId)).toEqual(['client-b0002', 'client-c0003'])
  })

  it('drops a conversation no longer readable: its summary, messages and unsent messages', async () => {
    const { h } = open()
    await h['cache:putChat'](WS, { conversations: [summary('ch_general', 'general'), summary('ch_design', 'design')], seq: 5 })
    await h['cache:putMessages'](WS, [message(1, { conversationId: 'ch_design' }), message(2)])
    await h['cache:putOutbox'](WS, { ...item('client-d0001', 1), conversationId: 'ch_design' })
    await h['cache:dropConversation'](WS, 'ch_design')
    expect((await h['cache:getChat'](WS))?.conversations.map((c) => c.id)).toEqual(['ch_general'])
    expect(await h['cache:getMessages'](WS, 'ch_design', 10)).toEqual([])
    expect(await h['cache:getOutbox'](WS)).toEqual([])
    expect((await h['cache:getMessages'](WS, 'ch_general', 10)).map((m) => m.id)).toEqual(['msg_2'])
  })

  it('forgets all chat at sign-out, down to the bytes of the file', async () => {
    const { h, file } = open()
    const secret = 'Quarterly numbers are Zanzibar'
    await h['cache:putChat'](WS, { conversations: [summary('ch_general', 'Velvetcrumb')], seq: 5 })
    await h['cache:putMessages'](WS, [message(1, { body: secret })])
    await h['cache:putOutbox'](WS, item('client-e0001', 1, 'Unsent Marmalade plan'))
    await h['cache:clear']()
    expect([await h['cache:getChat'](WS), await h['cache:getMessages'](WS, 'ch_general', 10), await h['cache:getOutbox'](WS)]).toEqual([null, [], []])
    const bytes = [file, `${file}-wal`].map((f) => (fs.existsSync(f) ? fs.readFileSync(f).toString('latin1') : '')).join('')
    for (const trace of [secret, 'Velvetcrumb', 'Unsent Marmalade plan']) expect(bytes).not.toContain(trace)
  })
})
