/**
 * Chat rows as both stores read them, and how they become records: SQLite gives flags as 0/1,
 * PostgreSQL as booleans; both give JSON as the text it was written as.
 */
import type { Attachment, Message } from '../../protocol/chat.ts'
import type { AttachmentRecord, ConversationRecord } from './store.ts'

export interface ConversationRow {
  id: string
  kind: ConversationRecord['kind']
  name: string
  private: number | boolean
  archived: number | boolean
  room_id: string | null
  created_at: number
  created_by: string | null
  seq: number
}

export const conversationColumns = 'id, kind, name, private, archived, room_id, created_at, created_by, seq'

export const toConversation = (r: ConversationRow, members: string[]): ConversationRecord => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  private: Boolean(r.private),
  archived: Boolean(r.archived),
  roomId: r.room_id,
  createdAt: r.created_at,
  createdBy: r.created_by,
  members,
  seq: r.seq,
})

export interface MessageRow {
  id: string
  conversation_id: string
  seq: number
  author_id: string
  client_id: string
  body: string
  thread_id: string | null
  replies: number
  created_at: number
  edited_at: number | null
  deleted: number | boolean
  mentions: string
  mentions_all: number | boolean
}

export const messageColumns = 'id, conversation_id, seq, author_id, client_id, body, thread_id, replies, created_at, edited_at, deleted, mentions, mentions_all'
/** The same columns of a table aliased `m`. */
export const messageColumnsOf = (alias: string) => messageColumns.split(', ').map((c) => `${alias}.${c}`).join(', ')

export interface ReactionRow {
  message_id: string
  reaction: string
  member_id: string
}

export interface AttachmentRow {
  workspace_id: string
  id: string
  uploader_id: string
  name: string
  type: string
  size: number
  width: number | null
  height: number | null
  storage_key: string
  message_id: string | null
  created_at: number
}

export const attachmentColumns = 'workspace_id, id, uploader_id, name, type, size, width, height, storage_key, message_id, created_at'

export const toAttachmentRecord = (r: AttachmentRow): AttachmentRecord => ({
  workspaceId: r.workspace_id,
  id: r.id,
  uploaderId: r.uploader_id,
  name: r.name,
  type: r.type,
  size: r.size,
  ...(r.width ? { width: r.width } : {}),
  ...(r.height ? { height: r.height } : {}),
  storageKey: r.storage_key,
  messageId: r.message_id,
  createdAt: r.created_at,
})

const toAttachment = (r: AttachmentRow): Attachment => ({
  id: r.id,
  name: r.name,
  type: r.type,
  size: r.size,
  ...(r.width ? { width: r.width } : {}),
  ...(r.height ? { height: r.height } : {}),
})

/** Messages with their reactions (in the order they were given) and attachments; a deleted one shows neither. */
export function toMessages(rows: readonly MessageRow[], reactions: readonly ReactionRow[], attachments: readonly AttachmentRow[]): Message[] {
  const reactionsOf = new Map<string, Record<string, string[]>>()
  for (const r of reactions) {
    const of = reactionsOf.get(r.message_id) ?? {}
    ;(of[r.reaction] ??= []).push(r.member_id)
    reactionsOf.set(r.message_id, of)
  }
  const attachmentsOf = new Map<string, Attachment[]>()
  for (const a of attachments) {
    if (!a.message_id) continue
    attachmentsOf.set(a.message_id, [...(attachmentsOf.get(a.message_id) ?? []), toAttachment(a)])
  }
  return rows.map((r) => {
    const deleted = Boolean(r.deleted)
    return {
      id: r.id,
      conversationId: r.conversation_id,
      seq: r.seq,
      authorId: r.author_id,
      clientId: r.client_id,
      body: r.body,
      threadId: r.thread_id,
      replies: r.replies,
      createdAt: r.created_at,
      editedAt: r.edited_at,
      deleted,
      reactions: deleted ? {} : (reactionsOf.get(r.id) ?? {}),
      attachments: deleted ? [] : (attachmentsOf.get(r.id) ?? []),
      mentions: JSON.parse(r.mentions) as string[],
      mentionsAll: Boolean(r.mentions_all),
    }
  })
}
