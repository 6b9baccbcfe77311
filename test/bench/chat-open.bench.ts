/**
 * Opening a conversation of 1,000 messages from the cache (issue 12; goal ≤ 50 ms): the chat
 * service's `open` on a real SQLite cache file through main's handler table (rows read, parsed
 * and schema-checked), a structured clone standing in for Electron's IPC copy, and the store
 * filled and sorted for the UI. Offline, so nothing waits on the network. Other conversations hold
 * 1,000 messages each too, so the query works on a realistic file, not an empty one.
 */
import { join } from 'node:path'
import type { ConversationSummary, Message } from '../../protocol/chat.ts'
import { openCache } from '../../main/cache/open.ts'
import { cacheKv } from '../../main/cache/queries.ts'
import { createSecretStore } from '../../main/credentials/secret-store.ts'
import { createIpcHandlers } from '../../main/ipc/handlers.ts'
import type { PlatformChatCache } from '../../renderer/platform/platform.ts'
import { createChatApi } from '../../renderer/services/chat/chat-api.ts'
import { createChatService } from '../../renderer/services/chat/service.ts'
import { createChatStore } from '../../renderer/stores/chat/store.ts'
import { tempDir } from '../support/temp.ts'
import { ms, summary, type Benchmark } from './harness.ts'

const MESSAGES = 1_000
const CONVERSATIONS = 6
const RUNS = 60
const GOAL_MS = 50
const WS = 'ws_bench'
const BODY = 'Standup in five minutes: bring the **roadmap** notes and the numbers from last week, please. @Ana Lopez'

const message = (conv: number, i: number): Message => ({
  id: `msg_c${conv}m${i}`, conversationId: `ch_c${conv}`, seq: conv * MESSAGES + i + 1, authorId: i % 3 ? 'mem_ana' : 'mem_bo', clientId: `bench-${conv}-${i}-client`,
  body: `${BODY} #${i}`, threadId: i % 10 === 9 ? `msg_c${conv}m${i - 1}` : null, replies: i % 10 === 8 ? 1 : 0, createdAt: 1_700_000_000_000 + i * 1000,
  editedAt: i % 7 ? null : 1_700_000_000_500 + i * 1000, deleted: false, reactions: i % 5 ? {} : { '👍': ['mem_bo', 'mem_cy'] }, attachments: [],
  mentions: ['mem_ana'], mentionsAll: false,
})

const summaryOf = (conv: number): ConversationSummary => ({
  id: `ch_c${conv}`, kind: 'channel', name: `channel-${conv}`, private: false, archived: false, members: ['mem_ana', 'mem_bo'], roomId: null,
  createdAt: 1, lastSeq: (conv + 1) * MESSAGES, lastAt: null, unread: 0, mentions: 0, readSeq: 0, joined: true,
})

export const chatOpen: Benchmark = {
  name: 'chat open',
  async run() {
    const dir = tempDir('bench-chat-open-')
    const db = openCache(join(dir.path, 'cache.db'))
    try {
      const secrets = createSecretStore({ kv: cacheKv(db), protection: { cipher: null, weakness: null }, warn: () => {} })
      const h = createIpcHandlers({ cache: db, secrets, config: { serverUrl: '', platform: 'electron', version: '0' }, notifier: { show: () => {} } })
      for (let c = 0; c < CONVERSATIONS; c++) {
        const all = Array.from({ length: MESSAGES }, (_, i) => message(c, i))
        for (let i = 0; i < all.length; i += 500) await h['cache:putMessages'](WS, all.slice(i, i + 500))
      }
      await h['cache:putChat'](WS, { conversations: Array.from({ length: CONVERSATIONS }, (_, c) => summaryOf(c)), seq: CONVERSATIONS * MESSAGES })
      // Electron copies every answer across processes (structured clone): counted here too.
      const cache: PlatformChatCache = {
        getChat: async (ws) => structuredClone(await h['cache:getChat'](ws)),
        putChat: async () => undefined,
        getMessages: async (ws, id, limit) => structuredClone(await h['cache:getMessages'](ws, id, limit)),
        putMessages: async () => undefined,
        dropConversation: async () => undefined,
        getOutbox: async (ws) => structuredClone(await h['cache:getOutbox'](ws)),
        putOutbox: async () => undefined,
        dropOutbox: async () => undefined,
      }
      const times: number[] = []
      let shown = 0
      for (let run = 0; run < RUNS + 5; run++) {
        const store = createChatStore()
        const chat = createChatService({
          store, cache, api: createChatApi('http://127.0.0.1:9', WS, () => null), workspaceId: WS, meId: 'mem_ana',
          status: () => 'available', nameOf: () => 'Someone', notify: () => {}, onNotificationClick: () => () => {}, reveal: () => {}, focused: () => false, onFocus: () => () => {}, setUnread: () => {},
        })
        await chat.boot()
        const t = performance.now()
        await chat.open(`ch_c${run % CONVERSATIONS}`)
        const took = performance.now() - t
        const s = store.getState()
        shown = (s.messages[`ch_c${run % CONVERSATIONS}`]?.length ?? 0) + Object.values(s.threads).reduce((n, l) => n + l.length, 0)
        if (run >= 5) times.push(took) // the first runs warm up SQLite's page cache and the JIT
        chat.stop()
      }
      if (shown !== MESSAGES) throw new Error(`opened ${shown} messages, expected ${MESSAGES}`)
      const s = summary(times)
      return [{
        figure: `open a conversation of ${MESSAGES.toLocaleString('en')} messages from the cache`,
        value: `p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, p99 ${ms(s.p99)} (goal ≤ ${GOAL_MS} ms: ${s.p95 <= GOAL_MS ? 'met' : 'MISSED'})`,
        comparison: `SQLite read + schema check + IPC-like copy + store fill, ${RUNS} opens, ${CONVERSATIONS} such conversations in the file`,
      }]
    } finally {
      db.close()
      dir.remove()
    }
  },
}
