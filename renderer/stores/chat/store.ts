/**
 * Chat store (issue 12): what the Chat UI reads. Filled by the chat service (renderer/services/chat)
 * from the cache first, then from the server (catch-up and live notices); the UI reads it and never
 * writes it (it acts through the service). Data only: the store is created at start-up, so its
 * changes live in actions.ts, which loads with the chat service and stays out of the start-up bundle.
 *
 * Shapes:
 * - `conversations`: the server's summaries by id (with `unread`, `mentions`, `readSeq`, `joined`).
 * - `messages[conversationId]`: top-level messages (threadId null), oldest first (createdAt, then seq).
 * - `threads[parentMessageId]`: the replies of a thread, oldest first.
 * - `outbox`: messages written here and not yet accepted by the server, in send order; an item with
 *   `error` is "not sent" with the server's reason (Retry/Discard through the service).
 * - `typing[conversationId][memberId]`: epoch ms until which "typing…" shows.
 *
 * @example
 * const chat = createChatStore()
 * const act = chatActions(chat) // actions.ts, loaded with the chat service
 * act.setConversations(summaries)
 * unreadTotal(chat.getState()) // selectors.ts
 */
import { createStore } from 'zustand/vanilla'
import type { ConversationSummary, Message } from '../../../protocol/chat.ts'
import type { ChatOutboxItem } from '../../../protocol/ipc.ts'

export type { ChatOutboxItem }

/** Where the chat's data stands: `cached` paints from disk; `live` has caught up with the server. */
export type ChatSync = 'idle' | 'cached' | 'syncing' | 'live' | 'offline'

export interface ChatState {
  /** The signed-in member (unread counts skip their own messages; mentions are theirs). */
  meId: string | null
  sync: ChatSync
  conversations: Readonly<Record<string, ConversationSummary>>
  messages: Readonly<Record<string, readonly Message[]>>
  threads: Readonly<Record<string, readonly Message[]>>
  /** Messages replied to whose thread is open but which are not in the history held (a thread opened from search). */
  parents: Readonly<Record<string, Message>>
  /** Whether older history exists on the server before the first message held (per conversation or thread id). */
  more: Readonly<Record<string, boolean>>
  outbox: readonly ChatOutboxItem[]
  typing: Readonly<Record<string, Readonly<Record<string, number>>>>
  /** The conversation shown (null: none). The service marks it read while the window has focus. */
  openId: string | null
  /** The thread panel's parent message id (null: closed). */
  openThreadId: string | null
  /** The catch-up cursor: the highest message seq this client holds. */
  seq: number
}

/** The state of no chat at all (before boot, after sign-out). */
export const emptyChat = (meId: string | null): ChatState => ({
  meId,
  sync: 'idle',
  conversations: {},
  messages: {},
  threads: {},
  parents: {},
  more: {},
  outbox: [],
  typing: {},
  openId: null,
  openThreadId: null,
  seq: 0,
})

export const createChatStore = () => createStore<ChatState>()(() => emptyChat(null))

export type ChatStore = ReturnType<typeof createChatStore>
