/**
 * Derived chat views for the UI and the window title. Pure functions of ChatState; components
 * use them with zustand's `useStore(store, selector)` (wrap list-returning ones in useShallow or
 * memoise on their inputs: they build new arrays).
 */
import { roomConversationId, type ConversationSummary, type Message } from '../../../protocol/chat.ts'
import type { ChatOutboxItem, ChatState } from './store.ts'

const noMessages: readonly Message[] = []

/** Unread messages in one conversation (0 when not joined: the server says so too). */
export const unreadOf = (s: Pick<ChatState, 'conversations'>, id: string): number => s.conversations[id]?.unread ?? 0
export const mentionsOf = (s: Pick<ChatState, 'conversations'>, id: string): number => s.conversations[id]?.mentions ?? 0

/** The number in the window title: unread messages across every conversation the member belongs to. */
export function unreadTotal(s: Pick<ChatState, 'conversations'>): number {
  let total = 0
  for (const c of Object.values(s.conversations)) if (c.joined) total += c.unread
  return total
}

/** The top-level messages of a conversation, oldest first. */
export const messagesOf = (s: Pick<ChatState, 'messages'>, id: string): readonly Message[] => s.messages[id] ?? noMessages
/** The replies of a thread, oldest first (the parent is in `messagesOf`). */
export const repliesOf = (s: Pick<ChatState, 'threads'>, parentId: string): readonly Message[] => s.threads[parentId] ?? noMessages

/**
 * Messages written here not yet accepted, for one conversation (top level) or one thread; "not
 * sent" ones carry `error`. One whose message is already shown (its live notice came before the
 * answer to its POST) is not shown twice.
 */
export function outboxOf(s: Pick<ChatState, 'outbox' | 'messages' | 'threads' | 'meId'>, conversationId: string, threadId: string | null = null): ChatOutboxItem[] {
  const shown = (threadId ? s.threads[threadId] : s.messages[conversationId]) ?? noMessages
  const accepted = new Set(shown.filter((m) => m.authorId === s.meId).map((m) => m.clientId))
  return s.outbox.filter((o) => o.conversationId === conversationId && o.threadId === threadId && !accepted.has(o.clientId))
}

/** Who is typing in a conversation now (the member themself excluded), by member id. */
export function typingIn(s: Pick<ChatState, 'typing' | 'meId'>, id: string, now: number): string[] {
  return Object.entries(s.typing[id] ?? {})
    .filter(([who, until]) => until > now && who !== s.meId)
    .map(([who]) => who)
}

const kindOrder = { channel: 0, room: 1, dm: 2 } as const

/**
 * The Conversations list: channels (joined first, then by name), room chats with the member's
 * current room first, then DMs (newest activity first). Archived channels go last among channels.
 */
export function sortedConversations(s: Pick<ChatState, 'conversations'>, currentRoomId: string | null = null): ConversationSummary[] {
  const here = currentRoomId ? roomConversationId(currentRoomId) : null
  return Object.values(s.conversations).sort((a, b) => {
    if (a.kind !== b.kind) return kindOrder[a.kind] - kindOrder[b.kind]
    if (a.kind === 'channel') return Number(a.archived) - Number(b.archived) || Number(b.joined) - Number(a.joined) || a.name.localeCompare(b.name)
    if (a.kind === 'room') return Number(b.id === here) - Number(a.id === here) || a.name.localeCompare(b.name)
    return (b.lastAt ?? b.createdAt) - (a.lastAt ?? a.createdAt)
  })
}

/** The conversation ids in list order, for Alt+Up / Alt+Down. */
export function neighbour(s: Pick<ChatState, 'conversations' | 'openId'>, step: 1 | -1, currentRoomId: string | null = null): string | null {
  const ids = sortedConversations(s, currentRoomId).map((c) => c.id)
  if (ids.length === 0) return null
  const at = s.openId ? ids.indexOf(s.openId) : -1
  return ids[(at + step + ids.length) % ids.length] ?? null
}

/** Whether the member may post there now: joined (a room chat: readable) and not archived. */
export const canPost = (c: ConversationSummary | undefined): boolean => !!c && !c.archived && (c.kind === 'room' || c.joined)
