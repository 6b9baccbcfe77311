/**
 * How incoming messages join what the store holds: upsert by id where the higher seq wins (a late
 * catch-up page never rolls back an edit seen live), kept in reading order (createdAt, then seq),
 * top-level messages per conversation and replies per thread. And how new messages by others move
 * the unread and mention counts.
 */
import type { ConversationSummary, Message } from '../../../protocol/chat.ts'

type Lists = Readonly<Record<string, readonly Message[]>>

const byReadingOrder = (a: Message, b: Message) => a.createdAt - b.createdAt || a.seq - b.seq

/** Where a message is listed: its thread's parent, or its conversation. */
export const listKey = (m: Message): string => m.threadId ?? m.conversationId

function mergeInto(held: readonly Message[] | undefined, incoming: readonly Message[]): readonly Message[] {
  if (!held || held.length === 0) return [...incoming].sort(byReadingOrder)
  const byId = new Map(held.map((m, i) => [m.id, i]))
  const next = [...held]
  let appendOnly = true
  for (const m of incoming) {
    const at = byId.get(m.id)
    if (at === undefined) {
      if (next.length > 0 && byReadingOrder(next[next.length - 1]!, m) > 0) appendOnly = false
      byId.set(m.id, next.length)
      next.push(m)
    } else if (next[at]!.seq < m.seq) next[at] = m
  }
  // The usual case (a live message after the rest) needs no sort.
  return appendOnly ? next : next.sort(byReadingOrder)
}

export function mergeMessages(messages: Lists, threads: Lists, incoming: readonly Message[]): { messages: Lists; threads: Lists } {
  const groups = new Map<string, Message[]>()
  for (const m of incoming) {
    const key = listKey(m)
    const g = groups.get(key)
    if (g) g.push(m)
    else groups.set(key, [m])
  }
  const nextMessages: Record<string, readonly Message[]> = { ...messages }
  const nextThreads: Record<string, readonly Message[]> = { ...threads }
  for (const [key, list] of groups) {
    const target = list[0]!.threadId ? nextThreads : nextMessages
    target[key] = mergeInto(target[key], list)
  }
  return { messages: nextMessages, threads: nextThreads }
}

interface Holding {
  meId: string | null
  conversations: Readonly<Record<string, ConversationSummary>>
  messages: Lists
  threads: Lists
}

/**
 * The summaries after `incoming`: newest seq and time, and with `count`, unread and mention counts
 * for messages by others that are new (not held, never edited, not older than the newest message
 * known: a thread's parent coming back with a new reply count is not news).
 */
export function countNew(s: Holding, incoming: readonly Message[], count: boolean): Readonly<Record<string, ConversationSummary>> {
  const conversations: Record<string, ConversationSummary> = { ...s.conversations }
  const held = new Map<string, Set<string>>()
  const isHeld = (m: Message) => {
    const key = listKey(m)
    let ids = held.get(key)
    if (!ids) held.set(key, (ids = new Set(((m.threadId ? s.threads : s.messages)[key] ?? []).map((x) => x.id))))
    const known = ids.has(m.id)
    ids.add(m.id)
    return known
  }
  for (const m of incoming) {
    const c = conversations[m.conversationId]
    if (!c) continue
    const fresh = !isHeld(m) && m.editedAt === null && !m.deleted && m.createdAt >= (c.lastAt ?? 0)
    const counts = count && fresh && c.joined && m.authorId !== s.meId && m.seq > c.readSeq
    const mentioned = counts && (m.mentionsAll || (s.meId !== null && m.mentions.includes(s.meId)))
    conversations[m.conversationId] = {
      ...c,
      lastSeq: Math.max(c.lastSeq, m.seq),
      lastAt: fresh ? Math.max(c.lastAt ?? 0, m.createdAt) : c.lastAt,
      unread: c.unread + (counts ? 1 : 0),
      mentions: c.mentions + (mentioned ? 1 : 0),
    }
  }
  return conversations
}
