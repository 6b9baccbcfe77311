/**
 * Chat messages in the PostgreSQL store (see the SQLite store's chat-messages.ts). Every change
 * runs under the workspace's chat lock and takes its next seq from chat_seqs in the same
 * transaction: the seq row stays locked until commit, so seqs become visible in their order.
 */
import type { Message } from '../../../protocol/chat.ts'
import type { ChatStore } from '../store.ts'
import { attachmentColumns, messageColumns, toAttachmentRecord, toMessages, type AttachmentRow, type MessageRow, type ReactionRow } from '../chat-rows.ts'
import type { Connection, Sql } from './connection.ts'

type MessageMethods = Pick<ChatStore, 'postMessage' | 'getMessage' | 'editMessage' | 'deleteMessage' | 'react' | 'history' | 'messagesSince' | 'createAttachment' | 'getAttachment'>

export const chatLock = (ws: string) => `chat:${ws}`

/** The workspace's next seq; inside the caller's transaction. */
export const nextSeq = async (sql: Sql, ws: string): Promise<number> =>
  (await sql.one<{ seq: number }>(`insert into chat_seqs as s (workspace_id, seq) values ($1, 1)
    on conflict (workspace_id) do update set seq = s.seq + 1 returning s.seq`, [ws]))!.seq

export async function loadMessages(sql: Sql, ws: string, rows: readonly MessageRow[]): Promise<Message[]> {
  if (!rows.length) return []
  const ids = rows.map((r) => r.id)
  const [reactions, attachments] = await Promise.all([
    sql.rows<ReactionRow>('select message_id, reaction, member_id from message_reactions where workspace_id = $1 and message_id = any($2::text[]) order by at, member_id', [ws, ids]),
    sql.rows<AttachmentRow>(`select ${attachmentColumns} from attachments where workspace_id = $1 and message_id = any($2::text[]) order by created_at, id`, [ws, ids]),
  ])
  return toMessages(rows, reactions, attachments)
}

const row = (sql: Sql, ws: string, id: string) => sql.one<MessageRow>(`select ${messageColumns} from messages where workspace_id = $1 and id = $2`, [ws, id])
const one = async (sql: Sql, ws: string, id: string): Promise<Message | null> => {
  const r = await row(sql, ws, id)
  return r ? (await loadMessages(sql, ws, [r]))[0]! : null
}
/** Gives the message the next seq, and its conversation's last_seq with it. */
const bump = async (sql: Sql, ws: string, id: string) => {
  const seq = await nextSeq(sql, ws)
  const r = await sql.one<{ conversation_id: string }>('update messages set seq = $1 where workspace_id = $2 and id = $3 returning conversation_id', [seq, ws, id])
  await sql.run('update conversations set last_seq = $1 where workspace_id = $2 and id = $3', [seq, ws, r!.conversation_id])
}

export function messageMethods(c: Connection): MessageMethods {
  return {
    async postMessage(ws, m) {
      return c.tx(async (sql) => {
        await sql.lock(chatLock(ws))
        const prior = await sql.one<{ id: string }>('select id from messages where workspace_id = $1 and author_id = $2 and client_id = $3', [ws, m.authorId, m.clientId])
        if (prior) return { kind: 'duplicate', message: (await one(sql, ws, prior.id))! } as const
        if (m.threadId) {
          const parent = await row(sql, ws, m.threadId)
          if (!parent || parent.conversation_id !== m.conversationId || parent.thread_id !== null || parent.deleted) return { kind: 'no-thread' } as const
        }
        for (const a of m.attachments) {
          const att = await sql.one<{ uploader_id: string; message_id: string | null }>('select uploader_id, message_id from attachments where workspace_id = $1 and id = $2', [ws, a])
          if (!att || att.uploader_id !== m.authorId || att.message_id !== null) return { kind: 'bad-attachment', id: a } as const
        }
        const roomId = m.conversationId.startsWith('rm_') ? m.conversationId.slice(3) : null
        if (roomId) {
          await sql.run(`insert into conversations (workspace_id, id, kind, name, room_id, created_at, seq) values ($1, $2, 'room', '', $3, $4, 0) on conflict do nothing`,
            [ws, m.conversationId, roomId, m.createdAt])
        }
        const seq = await nextSeq(sql, ws)
        await sql.run(`insert into messages (workspace_id, id, conversation_id, seq, created_seq, author_id, client_id, body, thread_id, created_at, mentions, mentions_all)
          values ($1, $2, $3, $4, $4, $5, $6, $7, $8, $9, $10, $11)`,
          [ws, m.id, m.conversationId, seq, m.authorId, m.clientId, m.body, m.threadId, m.createdAt, JSON.stringify(m.mentions), m.mentionsAll])
        await sql.run('update conversations set last_seq = $1, last_at = $2 where workspace_id = $3 and id = $4', [seq, m.createdAt, ws, m.conversationId])
        for (const a of m.attachments) await sql.run('update attachments set message_id = $1 where workspace_id = $2 and id = $3', [m.id, ws, a])
        let parent: Message | null = null
        if (m.threadId) {
          await sql.run('update messages set replies = replies + 1 where workspace_id = $1 and id = $2', [ws, m.threadId])
          await bump(sql, ws, m.threadId)
          parent = await one(sql, ws, m.threadId)
        }
        return { kind: 'posted', message: (await one(sql, ws, m.id))!, parent } as const
      })
    },
    async getMessage(ws, id) {
      return one(c, ws, id)
    },
    async editMessage(ws, id, change) {
      return c.tx(async (sql) => {
        await sql.lock(chatLock(ws))
        const r = await row(sql, ws, id)
        if (!r || r.deleted) return null
        await sql.run('update messages set body = $1, mentions = $2, mentions_all = $3, edited_at = $4 where workspace_id = $5 and id = $6',
          [change.body, JSON.stringify(change.mentions), change.mentionsAll, change.at, ws, id])
        await bump(sql, ws, id)
        return one(sql, ws, id)
      })
    },
    async deleteMessage(ws, id, at) {
      return c.tx(async (sql) => {
        await sql.lock(chatLock(ws))
        const r = await row(sql, ws, id)
        if (!r) return null
        if (r.deleted) return one(sql, ws, id)
        await sql.run("update messages set body = '', mentions = '[]', mentions_all = false, deleted = true, edited_at = $1 where workspace_id = $2 and id = $3", [at, ws, id])
        await sql.run('delete from message_reactions where workspace_id = $1 and message_id = $2', [ws, id])
        await bump(sql, ws, id)
        if (r.thread_id) {
          await sql.run('update messages set replies = greatest(replies - 1, 0) where workspace_id = $1 and id = $2', [ws, r.thread_id])
          await bump(sql, ws, r.thread_id)
        }
        return one(sql, ws, id)
      })
    },
    async react(ws, id, memberId, reaction, on) {
      return c.tx(async (sql) => {
        await sql.lock(chatLock(ws))
        const r = await row(sql, ws, id)
        if (!r || r.deleted) return null
        const changed = on
          ? await sql.run('insert into message_reactions (workspace_id, message_id, reaction, member_id, at) values ($1, $2, $3, $4, $5) on conflict do nothing', [ws, id, reaction, memberId, Date.now()])
          : await sql.run('delete from message_reactions where workspace_id = $1 and message_id = $2 and reaction = $3 and member_id = $4', [ws, id, reaction, memberId])
        if (changed) await bump(sql, ws, id)
        return one(sql, ws, id)
      })
    },
    async history(ws, conversationId, q) {
      const found = q.before === undefined ? undefined
        : await c.one<{ created_seq: number }>('select created_seq from messages where workspace_id = $1 and conversation_id = $2 and seq = $3', [ws, conversationId, q.before])
      const bound = q.before === undefined ? Number.MAX_SAFE_INTEGER : (found?.created_seq ?? q.before)
      const thread = q.thread ? 'thread_id = $3' : '($3::text is null and thread_id is null)'
      const rows = await c.rows<MessageRow>(`select ${messageColumns} from messages where workspace_id = $1 and conversation_id = $2 and ${thread} and created_seq < $4
        order by created_seq desc limit $5`, [ws, conversationId, q.thread ?? null, bound, q.limit + 1])
      const more = rows.length > q.limit
      return { messages: await loadMessages(c, ws, rows.slice(0, q.limit).reverse()), more }
    },
    async messagesSince(ws, since, limit) {
      // The last seq first, then the messages up to it (see the SQLite store's).
      const last = (await c.one<{ seq: number }>('select seq from chat_seqs where workspace_id = $1', [ws]))?.seq ?? 0
      const rows = await c.rows<MessageRow>(`select ${messageColumns} from messages where workspace_id = $1 and seq > $2 and seq <= $3 order by seq limit $4`, [ws, since, last, limit + 1])
      const more = rows.length > limit
      const page = rows.slice(0, limit)
      return { messages: await loadMessages(c, ws, page), seq: more ? page.at(-1)!.seq : Math.max(since, last), more }
    },
    async createAttachment(a) {
      await c.run(`insert into attachments (workspace_id, id, uploader_id, name, type, size, width, height, storage_key, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [a.workspaceId, a.id, a.uploaderId, a.name, a.type, a.size, a.width ?? null, a.height ?? null, a.storageKey, a.createdAt])
    },
    async getAttachment(ws, id) {
      const r = await c.one<AttachmentRow>(`select ${attachmentColumns} from attachments where workspace_id = $1 and id = $2`, [ws, id])
      return r ? toAttachmentRecord(r) : null
    },
  }
}
