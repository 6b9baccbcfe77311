/**
 * Keeping the chat in step with the server: boot from the cache (chat opens instantly, offline),
 * catch up over HTTP from the last seq held (after start and every lobby reconnect), and the
 * server's live notices from the lobby (schema-checked, size-bounded; the lobby passes on only
 * packets without a participant, i.e. server-sent).
 */
import { ChatNoticeSchema, MAX_CHAT_NOTICE_BYTES, TYPING_SHOW_MS, type Conversation, type ConversationSummary, type Message } from '../../../protocol/chat.ts'
import { readPacket } from '../peer-input.ts'
import { putAll, quietly, type ChatContext } from './context.ts'
import { ChatError } from './types.ts'

/** Catch-up pages asked in one go; past that the list's counts stand and open conversations refetch. */
const MAX_CATCH_UP_PAGES = 20

export interface ChatSync {
  boot(): Promise<void>
  catchUp(): Promise<void>
  receive(payload: Uint8Array): void
  /** Notices refused (not a valid chat notice, or too large). */
  readonly refused: number
  /** The newest page of a conversation (or thread), into the store and the cache. */
  loadPage(conversationId: string, query: { before?: number; thread?: string }): Promise<boolean>
}

export function createChatSync(ctx: ChatContext, after: { caughtUp(): void; fresh(m: Message): void }): ChatSync {
  const { store, act, cache, api, workspaceId: ws } = ctx
  let refused = 0
  let running: Promise<void> | null = null
  let again = false
  let listTimer: ReturnType<typeof setTimeout> | null = null
  /**
   * Live messages that arrived while the conversation list was on its way, with what each added to
   * its summary: the list may have been read before them, and would otherwise take their unread
   * counts back.
   */
  let arrivedDuringList: { conversationId: string; seq: number; at: number; unread: number; mentions: number }[] | null = null

  const saveList = () => {
    if (listTimer) return
    // Bursts of conversation notices write the list once.
    listTimer = setTimeout(() => {
      listTimer = null
      quietly(cache.putChat(ws, { conversations: Object.values(store.getState().conversations) }))
    }, 200)
  }

  const upsert = (c: Conversation) => {
    act.upsertConversation(c)
    saveList()
  }

  const applyCatchUp = (conversations: Conversation[], gone: string[], messages: Message[]) => {
    conversations.forEach((c) => act.upsertConversation(c))
    gone.forEach((id) => ctx.drop(id))
    ctx.keep(messages, false)
  }

  const catchUpOnce = async () => {
    act.setSync('syncing')
    const since = store.getState().seq
    if (since > 0) {
      let seq = since
      for (let page = 0; page < MAX_CATCH_UP_PAGES; page++) {
        const answer = await api.events(seq)
        applyCatchUp(answer.conversations, answer.gone, answer.messages)
        seq = answer.seq
        act.setSeq(seq)
        if (!answer.more) break
      }
    }
    // The list last: its unread counts are the server's, after everything above.
    arrivedDuringList = []
    let list: ConversationSummary[]
    let arrived: NonNullable<typeof arrivedDuringList>
    try {
      list = await api.conversations()
    } finally {
      arrived = arrivedDuringList
      arrivedDuringList = null
    }
    const listed = new Set(list.map((c) => c.id))
    // Whatever is no longer listed cannot be read any more: gone from the cache too.
    Object.keys(store.getState().conversations).filter((id) => !listed.has(id)).forEach((id) => ctx.drop(id))
    // What arrived live after the server read its list counts on top of it.
    act.setConversations(
      list.map((c) =>
        arrived
          .filter((m) => m.conversationId === c.id && m.seq > c.lastSeq)
          .reduce((s, m) => ({ ...s, lastSeq: Math.max(s.lastSeq, m.seq), lastAt: Math.max(s.lastAt ?? 0, m.at), unread: s.unread + m.unread, mentions: s.mentions + m.mentions }), c),
      ),
    )
    // A first start holds no history: from here on, every change is news (history loads per conversation).
    act.setSeq(Math.max(0, ...list.map((c) => c.lastSeq), ...arrived.map((m) => m.seq)))
    await cache.putChat(ws, { conversations: Object.values(store.getState().conversations), seq: store.getState().seq }).catch(() => undefined)
    ctx.online = true
    act.setSync('live')
  }

  const catchUp = (): Promise<void> => {
    // One at a time; a call while one runs asks for one more pass after it.
    if (running) {
      again = true
      return running
    }
    running = (async () => {
      try {
        do {
          again = false
          await catchUpOnce()
        } while (again)
        after.caughtUp()
      } catch (err) {
        act.setSync('offline')
        if (!(err instanceof ChatError && err.status === 0)) throw err
        ctx.online = false
      } finally {
        running = null
      }
    })()
    return running
  }

  return {
    get refused() {
      return refused
    },
    async boot() {
      const [chat, outbox] = await Promise.all([cache.getChat(ws), cache.getOutbox(ws)])
      if (chat) {
        act.setConversations(chat.conversations)
        act.setSeq(chat.seq)
      }
      act.setOutbox(outbox)
      if (store.getState().sync === 'idle') act.setSync('cached')
    },
    catchUp,
    receive(payload) {
      const notice = readPacket(ChatNoticeSchema, payload, MAX_CHAT_NOTICE_BYTES)
      if (!notice) return void refused++
      switch (notice.type) {
        case 'message': {
          const m = notice.message
          if (!store.getState().conversations[m.conversationId]) {
            // A conversation we did not know: its notice was lost; the next catch-up brings it.
            void catchUp().catch(() => undefined)
            return
          }
          const held = (m.threadId ? store.getState().threads[m.threadId] : store.getState().messages[m.conversationId])?.some((x) => x.id === m.id)
          const before = store.getState().conversations[m.conversationId]!
          ctx.keep([m], true)
          const now = store.getState().conversations[m.conversationId]
          if (now) arrivedDuringList?.push({ conversationId: m.conversationId, seq: m.seq, at: m.createdAt, unread: now.unread - before.unread, mentions: now.mentions - before.mentions })
          act.setSeq(m.seq)
          quietly(cache.putChat(ws, { seq: store.getState().seq }))
          // Whoever posted has stopped typing.
          if (store.getState().typing[m.conversationId]?.[m.authorId]) act.setTyping(m.conversationId, m.authorId, 0)
          if (!held && m.editedAt === null && !m.deleted) after.fresh(m)
          return
        }
        case 'conversation':
          return upsert(notice.conversation)
        case 'gone':
          return ctx.drop(notice.conversationId)
        case 'typing':
          if (notice.memberId === ctx.meId || !store.getState().conversations[notice.conversationId]) return
          act.setTyping(notice.conversationId, notice.memberId, ctx.now() + TYPING_SHOW_MS)
          setTimeout(() => act.expireTyping(ctx.now()), TYPING_SHOW_MS + 50)
      }
    },
    async loadPage(id, query) {
      try {
        const page = await api.history(id, { ...query, limit: 50 })
        act.addPage(query.thread ?? id, page.messages, page.more)
        if (page.parent) act.addParent(page.parent)
        await putAll(cache, ws, page.messages).catch(() => undefined)
        return page.more
      } catch (err) {
        if (err instanceof ChatError && err.status === 404) ctx.drop(id)
        throw err
      }
    },
  }
}
