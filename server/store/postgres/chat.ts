/**
 * Chat conversations, read markers and search in the PostgreSQL store (messages are in
 * chat-messages.ts). Changes decide under the workspace's chat lock and take its next seq, as
 * the SQLite store's do.
 */
import type { ChatStore, ConversationRecord, ReadState } from '../store.ts'
import { conversationColumns, toConversation, type ConversationRow } from '../chat-rows.ts'
import type { Connection, Sql } from './connection.ts'
import { chatLock, loadMessages, nextSeq } from './chat-messages.ts'

type ConversationMethods = Pick<
  ChatStore,
  | 'createConversation' | 'getConversation' | 'listConversations' | 'conversationsSince' | 'setArchived' | 'addConversationMembers'
  | 'removeConversationMember' | 'departuresSince' | 'chatSeq' | 'setReadMarker' | 'readStates' | 'searchMessages' | 'roomAdmissions'
>

async function withMembers(sql: Sql, ws: string, rows: ConversationRow[]): Promise<ConversationRecord[]> {
  if (!rows.length) return []
  const members = await sql.rows<{ conversation_id: string; member_id: string }>(
    'select conversation_id, member_id from conversation_members where workspace_id = $1 and conversation_id = any($2::text[]) order by joined_at, member_id',
    [ws, rows.map((r) => r.id)])
  const of = new Map<string, string[]>()
  for (const m of members) of.set(m.conversation_id, [...(of.get(m.conversation_id) ?? []), m.member_id])
  return rows.map((r) => toConversation(r, of.get(r.id) ?? []))
}

async function read(sql: Sql, ws: string, id: string): Promise<ConversationRecord | null> {
  const r = await sql.one<ConversationRow>(`select ${conversationColumns} from conversations where workspace_id = $1 and id = $2`, [ws, id])
  return r ? (await withMembers(sql, ws, [r]))[0]! : null
}

export function chatMethods(c: Connection): ConversationMethods {
  const touch = async (sql: Sql, ws: string, id: string) => {
    const seq = await nextSeq(sql, ws)
    await sql.run('update conversations set seq = $1 where workspace_id = $2 and id = $3', [seq, ws, id])
    return seq
  }
  return {
    async createConversation(ws, conv) {
      return c.tx(async (sql) => {
        await sql.lock(chatLock(ws))
        const existing = await read(sql, ws, conv.id)
        if (existing) return existing
        if (conv.kind === 'channel' && (await sql.one("select 1 from conversations where workspace_id = $1 and kind = 'channel' and name = $2", [ws, conv.name]))) return 'taken' as const
        await sql.run(`insert into conversations (workspace_id, id, kind, name, private, room_id, created_at, created_by, seq) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [ws, conv.id, conv.kind, conv.name, conv.private, conv.roomId, conv.createdAt, conv.createdBy, await nextSeq(sql, ws)])
        for (const m of new Set(conv.members)) {
          await sql.run('insert into conversation_members (workspace_id, conversation_id, member_id, joined_at) values ($1, $2, $3, $4)', [ws, conv.id, m, conv.createdAt])
        }
        return (await read(sql, ws, conv.id))!
      })
    },
    async getConversation(ws, id) {
      return read(c, ws, id)
    },
    async listConversations(ws, memberId) {
      const rows = await c.rows<ConversationRow>(`select ${conversationColumns} from conversations where workspace_id = $1 and (kind = 'channel'
        or (kind = 'dm' and id in (select conversation_id from conversation_members where workspace_id = $1 and member_id = $2))) order by kind, name collate "C", id`, [ws, memberId])
      return withMembers(c, ws, rows)
    },
    async conversationsSince(ws, since) {
      return withMembers(c, ws, await c.rows<ConversationRow>(`select ${conversationColumns} from conversations where workspace_id = $1 and seq > $2 order by seq`, [ws, since]))
    },
    async setArchived(ws, id, archived) {
      return c.tx(async (sql) => {
        await sql.lock(chatLock(ws))
        const conv = await read(sql, ws, id)
        if (!conv || conv.archived === archived) return conv
        await sql.run('update conversations set archived = $1 where workspace_id = $2 and id = $3', [archived, ws, id])
        await touch(sql, ws, id)
        return read(sql, ws, id)
      })
    },
    async addConversationMembers(ws, id, memberIds, at) {
      return c.tx(async (sql) => {
        await sql.lock(chatLock(ws))
        if (!(await read(sql, ws, id))) return null
        let added = 0
        for (const m of new Set(memberIds)) {
          added += await sql.run('insert into conversation_members (workspace_id, conversation_id, member_id, joined_at) values ($1, $2, $3, $4) on conflict do nothing', [ws, id, m, at])
          await sql.run('delete from conversation_departures where workspace_id = $1 and member_id = $2 and conversation_id = $3', [ws, m, id])
        }
        if (added) await touch(sql, ws, id)
        return read(sql, ws, id)
      })
    },
    async removeConversationMember(ws, id, memberId) {
      return c.tx(async (sql) => {
        await sql.lock(chatLock(ws))
        if (!(await sql.run('delete from conversation_members where workspace_id = $1 and conversation_id = $2 and member_id = $3', [ws, id, memberId]))) return null
        const seq = await touch(sql, ws, id)
        await sql.run(`insert into conversation_departures (workspace_id, conversation_id, member_id, seq) values ($1, $2, $3, $4)
          on conflict (workspace_id, member_id, conversation_id) do update set seq = excluded.seq`, [ws, id, memberId, seq])
        return read(sql, ws, id)
      })
    },
    async departuresSince(ws, memberId, since) {
      const rows = await c.rows<{ conversation_id: string }>('select conversation_id from conversation_departures where workspace_id = $1 and member_id = $2 and seq > $3 order by seq', [ws, memberId, since])
      return rows.map((r) => r.conversation_id)
    },
    async chatSeq(ws) {
      return (await c.one<{ seq: number }>('select seq from chat_seqs where workspace_id = $1', [ws]))?.seq ?? 0
    },
    async setReadMarker(ws, conversationId, memberId, seq) {
      await c.run(`insert into read_markers as r (workspace_id, conversation_id, member_id, seq) values ($1, $2, $3, $4)
        on conflict (workspace_id, conversation_id, member_id) do update set seq = greatest(r.seq, excluded.seq)`, [ws, conversationId, memberId, seq])
    },
    async readStates(ws, memberId, ids) {
      const rows = await c.rows<{ id: string; last_seq: number; last_at: number | null; read_seq: number; unread: number; mentions: number }>(`
        select c.id, c.last_seq, c.last_at, coalesce(r.seq, 0) as read_seq, u.unread, u.mentions
        from conversations c
        left join read_markers r on r.workspace_id = c.workspace_id and r.conversation_id = c.id and r.member_id = $1
        cross join lateral (
          select count(*)::integer as unread,
            (count(*) filter (where m.mentions_all or m.mentions::jsonb ? $1))::integer as mentions
          from messages m where m.workspace_id = c.workspace_id and m.conversation_id = c.id
            and m.created_seq > coalesce(r.seq, 0) and m.author_id <> $1 and not m.deleted
        ) u
        where c.workspace_id = $2 and c.id = any($3::text[]) and c.last_seq > 0`, [memberId, ws, ids])
      return new Map<string, ReadState>(rows.map((r) => [r.id, { lastSeq: r.last_seq, lastAt: r.last_at, readSeq: r.read_seq, unread: r.unread, mentions: r.mentions }]))
    },
    async searchMessages(ws, q, ids, limit) {
      if (!ids.length || !q.trim()) return []
      const rows = await c.rows(`select m.* from messages m
        where m.workspace_id = $1 and m.conversation_id = any($2::text[]) and not m.deleted
          and to_tsvector('simple', m.body) @@ websearch_to_tsquery('simple', $3)
        order by m.created_seq desc limit $4`, [ws, ids, q, limit])
      return loadMessages(c, ws, rows as never)
    },
    async roomAdmissions(ws, roomId, now) {
      return (await c.rows<{ member_id: string }>('select member_id from admissions where workspace_id = $1 and room_id = $2 and until > $3', [ws, roomId, now])).map((r) => r.member_id)
    },
  }
}
