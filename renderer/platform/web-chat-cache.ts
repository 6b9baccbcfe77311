/**
 * Chat's cache in a plain browser (issue 12): in the same Web Storage as the rest of the web
 * cache (the session's storage: nothing kept when the session is not), under `cache:` keys so
 * that sign-out's clear wipes it. Bounded tighter than the desktop's SQLite (Web Storage holds a
 * few MB): the newest WEB_CHAT_MESSAGES per conversation. Everything read back is schema-checked;
 * a write that does not fit is dropped (the server stays the truth), except the outbox, which
 * makes room by dropping cached messages first.
 */
import type { TSchema } from 'typebox'
import { Value } from 'typebox/value'
import { ConversationSummarySchema, MessageSchema, type ConversationSummary, type Message } from '../../protocol/chat.ts'
import { ChatOutboxItemSchema, MAX_OUTBOX, type ChatOutboxItem } from '../../protocol/ipc.ts'
import type { PlatformChatCache } from './platform.ts'

/** Fewer than the desktop's 1,000: Web Storage is small and shared with the office's cache. */
export const WEB_CHAT_MESSAGES = 200

/** Reads and writes JSON under the web cache's prefix in its current storage (web.ts). */
export interface WebStorageAccess {
  read(key: string): unknown
  /** Returns false when the storage refused it (full or disabled). */
  write(key: string, value: unknown): boolean
  /** Every key of ours (without the prefix) that starts with `prefix`. */
  keys(prefix: string): string[]
}

/** A schema's check. Not typebox's Compile: it builds code with new Function, which the CSP forbids (no eval). */
const checker = (schema: TSchema) => ({ Check: (value: unknown) => Value.Check(schema, value) })
const messageCheck = checker(MessageSchema)
const summaryCheck = checker(ConversationSummarySchema)
const outboxCheck = checker(ChatOutboxItemSchema)

const listOf = <T>(value: unknown, check: { Check(v: unknown): boolean }): T[] =>
  Array.isArray(value) ? value.filter((v): v is T => check.Check(v)) : []

const byTime = (a: Message, b: Message) => a.createdAt - b.createdAt || a.seq - b.seq

export function createWebChatCache(storage: WebStorageAccess): PlatformChatCache {
  const listKey = (ws: string) => `cache:chat:${ws}`
  const messagesKey = (ws: string, id: string) => `cache:chat:${ws}:m:${id}`
  const outboxKey = (ws: string) => `cache:chat:${ws}:outbox`
  const readList = (ws: string) => {
    const v = storage.read(listKey(ws)) as { conversations?: unknown; seq?: unknown } | null
    if (!v || typeof v !== 'object') return null
    return { conversations: listOf<ConversationSummary>(v.conversations, summaryCheck), seq: Number.isSafeInteger(v.seq) ? (v.seq as number) : 0 }
  }
  const readMessages = (ws: string, id: string) => listOf<Message>(storage.read(messagesKey(ws, id)), messageCheck)
  const readOutbox = (ws: string) => listOf<ChatOutboxItem>(storage.read(outboxKey(ws)), outboxCheck)
  const writeOutbox = (ws: string, items: ChatOutboxItem[]) => {
    if (storage.write(outboxKey(ws), items)) return
    // Unsent messages matter more than cached ones: make room, then try once more.
    for (const key of storage.keys(`cache:chat:${ws}:m:`)) storage.write(key, null)
    storage.write(outboxKey(ws), items)
  }

  return {
    getChat: async (ws) => readList(ws),
    async putChat(ws, patch) {
      const before = readList(ws)
      storage.write(listKey(ws), { conversations: patch.conversations ?? before?.conversations ?? [], seq: Math.max(before?.seq ?? 0, patch.seq ?? 0) })
    },
    getMessages: async (ws, id, limit) => readMessages(ws, id).slice(-limit),
    async putMessages(ws, messages) {
      const groups = new Map<string, Message[]>()
      for (const m of messages) groups.set(m.conversationId, [...(groups.get(m.conversationId) ?? []), m])
      for (const [id, incoming] of groups) {
        const byId = new Map(readMessages(ws, id).map((m) => [m.id, m]))
        for (const m of incoming) if ((byId.get(m.id)?.seq ?? 0) < m.seq) byId.set(m.id, m)
        storage.write(messagesKey(ws, id), [...byId.values()].sort(byTime).slice(-WEB_CHAT_MESSAGES))
      }
    },
    async dropConversation(ws, id) {
      const before = readList(ws)
      if (before) storage.write(listKey(ws), { ...before, conversations: before.conversations.filter((c) => c.id !== id) })
      storage.write(messagesKey(ws, id), null)
      writeOutbox(ws, readOutbox(ws).filter((o) => o.conversationId !== id))
    },
    getOutbox: async (ws) => readOutbox(ws).sort((a, b) => a.createdAt - b.createdAt),
    async putOutbox(ws, item) {
      const rest = readOutbox(ws).filter((o) => o.clientId !== item.clientId)
      if (rest.length >= MAX_OUTBOX) throw new Error(`the outbox holds ${MAX_OUTBOX} unsent messages already`)
      writeOutbox(ws, [...rest, item])
    },
    dropOutbox: async (ws, clientId) => writeOutbox(ws, readOutbox(ws).filter((o) => o.clientId !== clientId)),
  }
}
