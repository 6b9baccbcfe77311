/**
 * Chat messages in the SQLite store: posting (idempotent by the author's clientId), edits,
 * deletions, reactions, history pages, catch-up by seq, and attachments. Each change takes the
 * workspace's next seq in its own transaction, so that the seq order is the commit order.
 */
import type { Message } from '../../../protocol/chat.ts'
import type { ChatStore } from '../store.ts'
import { attachmentColumns, messageColumns, toAttachmentRecord, toMessages, type AttachmentRow, type MessageRow, type ReactionRow } from '../chat-rows.ts'
import type { Connection } from './connection.ts'

type MessageMethods = Pick<ChatStore, 'postMessage' | 'getMessage' | 'editMessage' | 'deleteMessage' | 'react' | 'history' | 'messagesSince' | 'createAttachment' | 'getAttachment'>

/** The workspace's next seq; inside the caller's write transaction. */
export const nextSeq = (c: Connection, ws: string): number =>
  c.sql('insert into chat_seqs (workspace_id, seq) values (?, 1) on conflict (workspace_id) do update set seq = seq + 1 returning seq').pluck().get(ws) as number

/** Messages with their reactions and attachments, in the order of `rows`. */
export function loadMessages(c: Connection, ws: string, rows: readonly MessageRow[]): Message[] {
  if (!rows.length) return []
  const ids = JSON.stringify(rows.map((r) => r.id))
  const reactions = c.sql('select message_id, reaction, member_id from message_reactions where workspace_id = ? and message_id in (select value from json_each(?)) order by at, member_id').all(ws, ids) as ReactionRow[]
  const attachments = c.sql(`select ${attachmentColumns} from attachments where workspace_id = ? and message_id in (select value from json_each(?)) order by created_at, id`).all(ws, ids) as AttachmentRow[]
  return toMessages(rows, reactions, attachments)
}

export function messageMethods(c: Connection): MessageMethods {
  const { sql, write } = c
  const row = (ws: string, id: string) => sql(`select ${messageColumns} from messages where workspace_id = ? and id = ?`).get(ws, id) as MessageRow | undefined
  const one = (ws: string, id: string): Message | null => {
    const r = row(ws, id)
    return r ? loadMessages(c, ws, [r])[0]! : null
  }
  /** Gives the message the next seq, and its conversation's last_seq with it. */
  const bump = (ws: string, id: string): number => {
    const seq = nextSeq(c, ws)
    const conv = sql('update messages set seq = ? where workspace_id = ? and id = ? returning conversation_id').pluck().get(seq, ws, id) as string
    sql('update conversations set last_seq = ? where workspace_id = ? and id = ?').run(seq, ws, conv)
    return seq
  }

  return {
    async postMessage(ws, m) {
      return write(() => {
        const prior = sql('select id from messages where workspace_id = ? and author_id = ? and client_id = ?').pluck().get(ws, m.authorId, m.clientId) as string | undefined
        if (prior) return { kind: 'duplicate', message: one(ws, prior)! } as const
        if (m.threadId) {
          const parent = row(ws, m.threadId)
          if (!parent || parent.conversation_id !== m.conversationId || parent.thread_id !== null || parent.deleted) return { kind: 'no-thread' } as const
        }
        for (const a of m.attachments) {
          const att = sql('select uploader_id, message_id from attachments where workspace_id = ? and id = ?').get(ws, a) as { uploader_id: string; message_id: string | null } | undefined
          if (!att || att.uploader_id !== m.authorId || att.message_id !== null) return { kind: 'bad-attachment', id: a } as const
        }
        const roomId = m.conversationId.startsWith('rm_') ? m.conversationId.slice(3) : null
        if (roomId) {
          // A room chat's row is made by its first message.
          sql(`insert into conversations (workspace_id, id, kind, name, room_id, created_at, seq) values (?, ?, 'room', '', ?, ?, 0) on conflict do nothing`)
            .run(ws, m.conversationId, roomId, m.createdAt)
        }
        const seq = nextSeq(c, ws)
        sql(`insert into messages (workspace_id, id, conversation_id, seq, created_seq, author_id, client_id, body, thread_id, created_at, mentions, mentions_all)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
          .run(ws, m.id, m.conversationId, seq, seq, m.authorId, m.clientId, m.body, m.threadId, m.createdAt, JSON.stringify(m.mentions), m.mentionsAll ? 1 : 0)
        sql('update conversations set last_seq = ?, last_at = ? where workspace_id = ? and id = ?').run(seq, m.createdAt, ws, m.conversationId)
        for (const a of m.attachments) sql('update attachments set message_id = ? where workspace_id = ? and id = ?').run(m.id, ws, a)
        let parent: Message | null = null
        if (m.threadId) {
          sql('update messages set replies = replies + 1 where workspace_id = ? and id = ?').run(ws, m.threadId)
          bump(ws, m.threadId)
          parent = one(ws, m.threadId)
        }
        return { kind: 'posted', message: one(ws, m.id)!, parent } as const
      })
    },
    async getMessage(ws, id) {
      return one(ws, id)
    },
    async editMessage(ws, id, change) {
      return write(() => {
        const r = row(ws, id)
        if (!r || r.deleted) return null
        sql('update messages set body = ?, mentions = ?, mentions_all = ?, edited_at = ? where workspace_id = ? and id = ?')
          .run(change.body, JSON.stringify(change.mentions), change.mentionsAll ? 1 : 0, change.at, ws, id)
        bump(ws, id)
        return one(ws, id)
      })
    },
    async deleteMessage(ws, id, at) {
      return write(() => {
        const r = row(ws, id)
        if (!r) return null
        if (r.deleted) return one(ws, id)
        sql("update messages set body = '', mentions = '[]', mentions_all = 0, deleted = 1, edited_at = ? where workspace_id = ? and id = ?").run(at, ws, id)
        sql('delete from message_reactions where workspace_id = ? and message_id = ?').run(ws, id)
        bump(ws, id)
        if (r.thread_id) {
          sql('update messages set replies = max(replies - 1, 0) where workspace_id = ? and id = ?').run(ws, r.thread_id)
          bump(ws, r.thread_id)
        }
        return one(ws, id)
      })
    },
    async react(ws, id, memberId, reaction, on) {
      return write(() => {
        const r = row(ws, id)
        if (!r || r.deleted) return null
        const changed = on
          ? sql('insert into message_reactions (workspace_id, message_id, reaction, member_id, at) values (?, ?, ?, ?, ?) on conflict do nothing').run(ws, id, reaction, memberId, Date.now()).changes
          : sql('delete from message_reactions where workspace_id = ? and message_id = ? and reaction = ? and member_id = ?').run(ws, id, reaction, memberId).changes
        if (changed) bump(ws, id)
        return one(ws, id)
      })
    },
    async history(ws, conversationId, q) {
      // `before` is the seq of the oldest message the reader holds: posted-before is by its created_seq.
      const bound = q.before === undefined
        ? Number.MAX_SAFE_INTEGER
        : ((sql('select created_seq from messages where workspace_id = ? and conversation_id = ? and seq = ?').pluck().get(ws, conversationId, q.before) as number | undefined) ?? q.before)
      const rows = sql(`select ${messageColumns} from messages where workspace_id = ? and conversation_id = ? and thread_id is ? and created_seq < ?
        order by created_seq desc limit ?`).all(ws, conversationId, q.thread ?? null, bound, q.limit + 1) as MessageRow[]
      const more = rows.length > q.limit
      return { messages: loadMessages(c, ws, rows.slice(0, q.limit).reverse()), more }
    },
    async messagesSince(ws, since, limit) {
      // The last seq first, then the messages up to it: everything up to that seq has committed
      // (seqs are taken in commit order), so an answer never skips one committed just after.
      const last = (sql('select seq from chat_seqs where workspace_id = ?').pluck().get(ws) as number | undefined) ?? 0
      const rows = sql(`select ${messageColumns} from messages where workspace_id = ? and seq > ? and seq <= ? order by seq limit ?`).all(ws, since, last, limit + 1) as MessageRow[]
      const more = rows.length > limit
      const page = rows.slice(0, limit)
      return { messages: loadMessages(c, ws, page), seq: more ? page.at(-1)!.seq : Math.max(since, last), more }
    },
    async createAttachment(a) {
      sql(`insert into attachments (workspace_id, id, uploader_id, name, type, size, width, height, storage_key, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(a.workspaceId, a.id, a.uploaderId, a.name, a.type, a.size, a.width ?? null, a.height ?? null, a.storageKey, a.createdAt)
    },
    async getAttachment(ws, id) {
      const r = sql(`select ${attachmentColumns} from attachments where workspace_id = ? and id = ?`).get(ws, id) as AttachmentRow | undefined
      return r ? toAttachmentRecord(r) : null
    },
  }
}
