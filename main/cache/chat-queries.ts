/**
 * Chat in the desktop cache (issue 12): the conversation list and cursor, recent messages per
 * conversation, and the outbox. Rows hold the server's JSON and are checked on the way out (an
 * invalid row counts as absent: a refetch, never a crash). Messages are trimmed to the newest
 * CHAT_CACHE_MESSAGES per conversation on every write, so the file stays bounded.
 */
import { Compile } from 'typebox/compile'
import { ConversationSummarySchema, MessageSchema, type ConversationSummary, type Message } from '../../protocol/chat.ts'
import { CHAT_CACHE_MESSAGES, ChatOutboxItemSchema, MAX_OUTBOX, type ChatCache, type ChatCachePatch, type ChatOutboxItem } from '../../protocol/ipc.ts'
import type { Cache } from './open.ts'
import { CacheError } from './queries.ts'

// Compiled once: opening a conversation checks up to a thousand rows.
const messageCheck = Compile(MessageSchema)
const summaryCheck = Compile(ConversationSummarySchema)
const outboxCheck = Compile(ChatOutboxItemSchema)

function parse<T>(check: { Check(v: unknown): boolean }, json: string): T | null {
  try {
    const value: unknown = JSON.parse(json)
    return check.Check(value) ? (value as T) : null
  } catch {
    return null
  }
}

export function getChat(cache: Cache, workspaceId: string): ChatCache | null {
  const row = cache.db.prepare('SELECT json, seq FROM chat_lists WHERE workspace_id = ?').get(workspaceId) as { json: string; seq: number } | undefined
  if (!row) return null
  let list: unknown
  try {
    list = JSON.parse(row.json)
  } catch {
    list = []
  }
  const conversations = Array.isArray(list) ? list.filter((c): c is ConversationSummary => summaryCheck.Check(c)) : []
  return { conversations, seq: row.seq }
}

/** Replaces the list and/or moves the cursor forward (a late answer never moves it back). */
export function putChat(cache: Cache, workspaceId: string, patch: ChatCachePatch): void {
  const before = getChat(cache, workspaceId)
  const conversations = patch.conversations ?? before?.conversations ?? []
  const seq = Math.max(before?.seq ?? 0, patch.seq ?? 0)
  cache.db
    .prepare('INSERT INTO chat_lists (workspace_id, json, seq) VALUES (?, ?, ?) ON CONFLICT (workspace_id) DO UPDATE SET json = excluded.json, seq = excluded.seq')
    .run(workspaceId, JSON.stringify(conversations), seq)
}

/** The newest `limit` messages of a conversation (thread replies included), oldest first. */
export function getMessages(cache: Cache, workspaceId: string, conversationId: string, limit: number): Message[] {
  const rows = cache.db
    .prepare(
      `SELECT json FROM (
         SELECT json, created_at, seq FROM chat_messages WHERE workspace_id = ? AND conversation_id = ?
         ORDER BY created_at DESC, seq DESC LIMIT ?
       ) ORDER BY created_at, seq`,
    )
    .pluck()
    .all(workspaceId, conversationId, Math.min(limit, CHAT_CACHE_MESSAGES)) as string[]
  return rows.flatMap((json) => parse<Message>(messageCheck, json) ?? [])
}

/** Upserts by id (a lower seq never replaces a higher one), then trims each touched conversation. */
export function putMessages(cache: Cache, workspaceId: string, messages: readonly Message[]): void {
  const { db } = cache
  const upsert = db.prepare(
    `INSERT INTO chat_messages (workspace_id, id, conversation_id, seq, created_at, json) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (workspace_id, id) DO UPDATE SET seq = excluded.seq, json = excluded.json WHERE excluded.seq > chat_messages.seq`,
  )
  const count = db.prepare('SELECT count(*) FROM chat_messages WHERE workspace_id = ? AND conversation_id = ?').pluck()
  const trim = db.prepare(
    `DELETE FROM chat_messages WHERE workspace_id = ? AND conversation_id = ? AND id NOT IN (
       SELECT id FROM chat_messages WHERE workspace_id = ? AND conversation_id = ? ORDER BY created_at DESC, seq DESC LIMIT ?)`,
  )
  db.transaction(() => {
    const touched = new Set<string>()
    for (const m of messages) {
      upsert.run(workspaceId, m.id, m.conversationId, m.seq, m.createdAt, JSON.stringify(m))
      touched.add(m.conversationId)
    }
    for (const id of touched) {
      if ((count.get(workspaceId, id) as number) > CHAT_CACHE_MESSAGES) trim.run(workspaceId, id, workspaceId, id, CHAT_CACHE_MESSAGES)
    }
  })()
}

/** A conversation the member can no longer read: its summary, messages and unsent items go. */
export function dropConversation(cache: Cache, workspaceId: string, conversationId: string): void {
  const { db } = cache
  db.transaction(() => {
    const before = getChat(cache, workspaceId)
    if (before) putChat(cache, workspaceId, { conversations: before.conversations.filter((c) => c.id !== conversationId) })
    db.prepare('DELETE FROM chat_messages WHERE workspace_id = ? AND conversation_id = ?').run(workspaceId, conversationId)
    db.prepare('DELETE FROM chat_outbox WHERE workspace_id = ? AND conversation_id = ?').run(workspaceId, conversationId)
  })()
}

export function getOutbox(cache: Cache, workspaceId: string): ChatOutboxItem[] {
  const rows = cache.db.prepare('SELECT json FROM chat_outbox WHERE workspace_id = ? ORDER BY created_at, rowid').pluck().all(workspaceId) as string[]
  return rows.flatMap((json) => parse<ChatOutboxItem>(outboxCheck, json) ?? [])
}

export function putOutbox(cache: Cache, workspaceId: string, item: ChatOutboxItem): void {
  const { db } = cache
  const held = db.prepare('SELECT count(*) FROM chat_outbox WHERE workspace_id = ? AND client_id != ?').pluck().get(workspaceId, item.clientId) as number
  // Bounded: a client that cannot send for days refuses more rather than growing without end.
  if (held >= MAX_OUTBOX) throw new CacheError('payload_too_large', `the outbox holds ${MAX_OUTBOX} unsent messages already`)
  db.prepare(
    `INSERT INTO chat_outbox (workspace_id, client_id, conversation_id, created_at, json) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (workspace_id, client_id) DO UPDATE SET json = excluded.json`,
  ).run(workspaceId, item.clientId, item.conversationId, item.createdAt, JSON.stringify(item))
}

export function dropOutbox(cache: Cache, workspaceId: string, clientId: string): void {
  cache.db.prepare('DELETE FROM chat_outbox WHERE workspace_id = ? AND client_id = ?').run(workspaceId, clientId)
}
