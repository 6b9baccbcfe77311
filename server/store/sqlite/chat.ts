/**
 * Chat conversations, read markers and search in the SQLite store (messages are in
 * chat-messages.ts). Every change to a conversation takes the workspace's next seq, as messages
 * do, so that catch-up finds it.
 */
import type { ChatStore, ConversationRecord, ReadState } from '../store.ts'
import { conversationColumns, toConversation, type ConversationRow } from '../chat-rows.ts'
import type { Connection } from './connection.ts'
import { loadMessages, nextSeq } from './chat-messages.ts'

type ConversationMethods = Pick<
  ChatStore,
  | 'createConversation' | 'getConversation' | 'listConversations' | 'conversationsSince' | 'setArchived' | 'addConversationMembers'
  | 'removeConversationMember' | 'departuresSince' | 'chatSeq' | 'setReadMarker' | 'readStates' | 'searchMessages' | 'roomAdmissions'
>

/** FTS5 query syntax from free words: each word quoted (no operators), all of them required, the last as a prefix. */
export function ftsQuery(q: string): string | null {
  const words = q.split(/[^\p{L}\p{N}_]+/u).filter(Boolean).slice(0, 20)
  if (!words.length) return null
  return words.map((w, i) => `"${w}"${i === words.length - 1 ? '*' : ''}`).join(' ')
}

export function chatMethods(c: Connection): ConversationMethods {
  const { sql, write } = c
  const membersOf = (ws: string, id: string) =>
    sql('select member_id from conversation_members where workspace_id = ? and conversation_id = ? order by joined_at, member_id').pluck().all(ws, id) as string[]
  const read = (ws: string, id: string): ConversationRecord | null => {
    const r = sql(`select ${conversationColumns} from conversations where workspace_id = ? and id = ?`).get(ws, id) as ConversationRow | undefined
    return r ? toConversation(r, membersOf(ws, r.id)) : null
  }
  const touch = (ws: string, id: string) => sql('update conversations set seq = ? where workspace_id = ? and id = ?').run(nextSeq(c, ws), ws, id)

  return {
    async createConversation(ws, conv) {
      return write(() => {
        const existing = read(ws, conv.id)
        if (existing) return existing
        if (conv.kind === 'channel' && sql("select 1 from conversations where workspace_id = ? and kind = 'channel' and name = ?").get(ws, conv.name)) return 'taken'
        sql(`insert into conversations (workspace_id, id, kind, name, private, room_id, created_at, created_by, seq) values (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
          .run(ws, conv.id, conv.kind, conv.name, conv.private ? 1 : 0, conv.roomId, conv.createdAt, conv.createdBy, nextSeq(c, ws))
        for (const m of new Set(conv.members)) {
          sql('insert into conversation_members (workspace_id, conversation_id, member_id, joined_at) values (?, ?, ?, ?)').run(ws, conv.id, m, conv.createdAt)
        }
        return read(ws, conv.id)!
      })
    },
    async getConversation(ws, id) {
      return read(ws, id)
    },
    async listConversations(ws, memberId) {
      const rows = sql(`select ${conversationColumns} from conversations where workspace_id = ? and (kind = 'channel'
        or (kind = 'dm' and id in (select conversation_id from conversation_members where workspace_id = ? and member_id = ?))) order by kind, name, id`)
        .all(ws, ws, memberId) as ConversationRow[]
      return rows.map((r) => toConversation(r, membersOf(ws, r.id)))
    },
    async conversationsSince(ws, since) {
      const rows = sql(`select ${conversationColumns} from conversations where workspace_id = ? and seq > ? order by seq`).all(ws, since) as ConversationRow[]
      return rows.map((r) => toConversation(r, membersOf(ws, r.id)))
    },
    async setArchived(ws, id, archived) {
      return write(() => {
        const conv = read(ws, id)
        if (!conv || conv.archived === archived) return conv
        sql('update conversations set archived = ? where workspace_id = ? and id = ?').run(archived ? 1 : 0, ws, id)
        touch(ws, id)
        return read(ws, id)
      })
    },
    async addConversationMembers(ws, id, memberIds, at) {
      return write(() => {
        if (!read(ws, id)) return null
        let added = 0
        for (const m of new Set(memberIds)) {
          added += sql('insert into conversation_members (workspace_id, conversation_id, member_id, joined_at) values (?, ?, ?, ?) on conflict do nothing').run(ws, id, m, at).changes
          sql('delete from conversation_departures where workspace_id = ? and member_id = ? and conversation_id = ?').run(ws, m, id)
        }
        if (added) touch(ws, id)
        return read(ws, id)
      })
    },
    async removeConversationMember(ws, id, memberId) {
      return write(() => {
        if (!sql('delete from conversation_members where workspace_id = ? and conversation_id = ? and member_id = ?').run(ws, id, memberId).changes) return null
        const seq = nextSeq(c, ws)
        sql('update conversations set seq = ? where workspace_id = ? and id = ?').run(seq, ws, id)
        sql('insert into conversation_departures (workspace_id, conversation_id, member_id, seq) values (?, ?, ?, ?) on conflict do update set seq = excluded.seq').run(ws, id, memberId, seq)
        return read(ws, id)
      })
    },
    async departuresSince(ws, memberId, since) {
      return sql('select conversation_id from conversation_departures where workspace_id = ? and member_id = ? and seq > ? order by seq').pluck().all(ws, memberId, since) as string[]
    },
    async chatSeq(ws) {
      return (sql('select seq from chat_seqs where workspace_id = ?').pluck().get(ws) as number | undefined) ?? 0
    },
    async setReadMarker(ws, conversationId, memberId, seq) {
      sql(`insert into read_markers (workspace_id, conversation_id, member_id, seq) values (?, ?, ?, ?)
        on conflict do update set seq = max(seq, excluded.seq)`).run(ws, conversationId, memberId, seq)
    },
    async readStates(ws, memberId, ids) {
      // One row per conversation; the counts read only messages posted after the marker (an index range).
      const rows = sql(`select c.id, c.last_seq, c.last_at, coalesce(r.seq, 0) as read_seq,
          (select count(*) from messages m where m.workspace_id = c.workspace_id and m.conversation_id = c.id
            and m.created_seq > coalesce(r.seq, 0) and m.author_id <> ? and m.deleted = 0) as unread,
          (select count(*) from messages m where m.workspace_id = c.workspace_id and m.conversation_id = c.id
            and m.created_seq > coalesce(r.seq, 0) and m.author_id <> ? and m.deleted = 0
            and (m.mentions_all = 1 or exists (select 1 from json_each(m.mentions) where value = ?))) as mentions
        from conversations c left join read_markers r on r.workspace_id = c.workspace_id and r.conversation_id = c.id and r.member_id = ?
        where c.workspace_id = ? and c.id in (select value from json_each(?)) and c.last_seq > 0`)
        .all(memberId, memberId, memberId, memberId, ws, JSON.stringify(ids)) as { id: string; last_seq: number; last_at: number | null; read_seq: number; unread: number; mentions: number }[]
      return new Map<string, ReadState>(rows.map((r) => [r.id, { lastSeq: r.last_seq, lastAt: r.last_at, readSeq: r.read_seq, unread: r.unread, mentions: r.mentions }]))
    },
    async searchMessages(ws, q, ids, limit) {
      const match = ftsQuery(q)
      if (!match || !ids.length) return []
      const rows = sql(`select m.* from messages_fts f join messages m on m.n = f.rowid
        where messages_fts match ? and m.workspace_id = ? and m.deleted = 0 and m.conversation_id in (select value from json_each(?))
        order by m.created_seq desc limit ?`).all(match, ws, JSON.stringify(ids), limit)
      return loadMessages(c, ws, rows as never)
    },
    async roomAdmissions(ws, roomId, now) {
      return sql('select member_id from admissions where workspace_id = ? and room_id = ? and until > ?').pluck().all(ws, roomId, now) as string[]
    },
  }
}
