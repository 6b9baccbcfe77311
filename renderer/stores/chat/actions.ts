/**
 * The chat store's changes (see store.ts for the shapes): used by the chat service only, and
 * loaded with it, so none of this is in the start-up bundle. Pure state changes: no I/O, no timers.
 *
 * @example
 * const act = chatActions(store)
 * act.addMessages([message], { count: true })
 */
import type { Conversation, ConversationSummary, Message } from '../../../protocol/chat.ts'
import type { ChatOutboxItem } from '../../../protocol/ipc.ts'
import { countNew, mergeMessages } from './merge.ts'
import { emptyChat, type ChatState, type ChatStore, type ChatSync } from './store.ts'

export interface ChatActions {
  /** Empties everything (sign-out, another member). */
  reset(meId: string | null): void
  setSync(sync: ChatSync): void
  /** Replaces the list (GET /conversations, or the cache), dropping messages of conversations no longer listed. */
  setConversations(list: readonly ConversationSummary[]): void
  /** A conversation created or changed (catch-up, live notice): keeps its counts, or starts at 0. */
  upsertConversation(c: Conversation, joined?: boolean): void
  /** The member can no longer read it: gone with its messages, threads, typing and outbox items. */
  dropConversation(id: string): void
  /**
   * Messages posted or changed (live, catch-up, a page, the cache): upsert by id, the higher seq wins.
   * `count` (live and catch-up) adds new messages by others to the unread/mention counts.
   */
  addMessages(messages: readonly Message[], opts?: { count?: boolean }): void
  /** A page of history of a conversation or (with `threadId`) a thread: merged, and whether older exists. */
  addPage(key: string, messages: readonly Message[], more: boolean): void
  setSeq(seq: number): void
  /** The read marker moved (here or on another device): counts go to what is after it. */
  markRead(conversationId: string, seq: number): void
  setOutbox(items: readonly ChatOutboxItem[]): void
  /** Adds or replaces (by clientId) an outbox item. */
  putOutbox(item: ChatOutboxItem): void
  dropOutbox(clientId: string): void
  setTyping(conversationId: string, memberId: string, until: number): void
  /** Forgets typing entries that ended before `now`. */
  expireTyping(now: number): void
  open(conversationId: string | null): void
  openThread(messageId: string | null): void
  /** Holds a thread's parent that is not in the history held. */
  addParent(message: Message): void
}

const without = <T>(record: Readonly<Record<string, T>>, id: string): Record<string, T> => {
  const { [id]: _gone, ...rest } = record
  return rest
}

export function chatActions(store: ChatStore): ChatActions {
  const get = store.getState
  const set = (partial: Partial<ChatState> | ((s: ChatState) => Partial<ChatState>)) => store.setState(partial)
  return {
    reset: (meId) => set(emptyChat(meId)),
    setSync: (sync) => get().sync !== sync && set({ sync }),
    setConversations(list) {
      const conversations = Object.fromEntries(list.map((c) => [c.id, c]))
      const keep = <T>(r: Readonly<Record<string, T>>) => Object.fromEntries(Object.entries(r).filter(([id]) => conversations[id]))
      set((s) => ({ conversations, messages: keep(s.messages), typing: keep(s.typing), openId: s.openId && conversations[s.openId] ? s.openId : null }))
    },
    upsertConversation(c, joined) {
      const before = get().conversations[c.id]
      const me = get().meId
      const summary: ConversationSummary = before
        ? { ...before, ...c, joined: joined ?? (c.kind === 'room' ? before.joined : !!me && c.members.includes(me)) }
        : { ...c, lastSeq: 0, lastAt: null, unread: 0, mentions: 0, readSeq: 0, joined: joined ?? (c.kind === 'room' || (!!me && c.members.includes(me))) }
      set((s) => ({ conversations: { ...s.conversations, [c.id]: summary } }))
    },
    dropConversation(id) {
      const s = get()
      if (!s.conversations[id] && !s.messages[id]) return
      const parents = new Set((s.messages[id] ?? []).map((m) => m.id))
      set({
        conversations: without(s.conversations, id),
        messages: without(s.messages, id),
        threads: Object.fromEntries(Object.entries(s.threads).filter(([p, list]) => !parents.has(p) && list[0]?.conversationId !== id)),
        parents: Object.fromEntries(Object.entries(s.parents).filter(([, m]) => m.conversationId !== id)),
        more: without(s.more, id),
        typing: without(s.typing, id),
        outbox: s.outbox.filter((o) => o.conversationId !== id),
        openId: s.openId === id ? null : s.openId,
        openThreadId: s.openThreadId && parents.has(s.openThreadId) ? null : s.openThreadId,
      })
    },
    addMessages(list, opts) {
      if (list.length === 0) return
      const s = get()
      const { messages, threads } = mergeMessages(s.messages, s.threads, list)
      const conversations = countNew(s, list, opts?.count ?? false)
      set({ messages, threads, conversations })
    },
    addPage(key, list, more) {
      const s = get()
      const { messages, threads } = mergeMessages(s.messages, s.threads, list)
      set({ messages, threads, more: { ...s.more, [key]: more } })
    },
    setSeq: (seq) => seq > get().seq && set({ seq }),
    markRead(id, seq) {
      const c = get().conversations[id]
      if (!c || seq < c.readSeq) return
      const caughtUp = seq >= c.lastSeq
      // Counts below the newest message are the server's to say (the next list); at the newest they are 0.
      set((s) => ({ conversations: { ...s.conversations, [id]: { ...c, readSeq: seq, ...(caughtUp ? { unread: 0, mentions: 0 } : {}) } } }))
    },
    setOutbox: (items) => set({ outbox: [...items].sort((a, b) => a.createdAt - b.createdAt) }),
    putOutbox(item) {
      const rest = get().outbox.filter((o) => o.clientId !== item.clientId)
      set({ outbox: [...rest, item].sort((a, b) => a.createdAt - b.createdAt) })
    },
    dropOutbox(clientId) {
      const outbox = get().outbox
      if (outbox.some((o) => o.clientId === clientId)) set({ outbox: outbox.filter((o) => o.clientId !== clientId) })
    },
    setTyping(id, memberId, until) {
      set((s) => ({ typing: { ...s.typing, [id]: { ...s.typing[id], [memberId]: until } } }))
    },
    expireTyping(now) {
      const typing = get().typing
      let changed = false
      const next: Record<string, Record<string, number>> = {}
      for (const [id, who] of Object.entries(typing)) {
        const left = Object.fromEntries(Object.entries(who).filter(([, until]) => until > now))
        if (Object.keys(left).length !== Object.keys(who).length) changed = true
        if (Object.keys(left).length > 0) next[id] = left
      }
      if (changed) set({ typing: next })
    },
    open: (id) => get().openId !== id && set({ openId: id, openThreadId: null }),
    openThread: (id) => get().openThreadId !== id && set({ openThreadId: id }),
    addParent: (m) => set((s) => ({ parents: { ...s.parents, [m.id]: m } })),
  }
}
