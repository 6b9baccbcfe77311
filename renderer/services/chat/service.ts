/**
 * The chat service (issue 12): composes the sync (cache boot, catch-up, live notices), the outbox
 * and the UI's actions (types.ts) over one store. Read markers move while a conversation is open
 * and the window has focus; a fresh mention of me notifies unless I am in do-not-disturb; the
 * unread total goes to the window title.
 */
import { MAX_ATTACHMENTS, MAX_DM_MEMBERS, MAX_MESSAGE_CHARS, TYPING_INTERVAL_MS, type Conversation, type Message } from '../../../protocol/chat.ts'
import { CHAT_CACHE_MESSAGES } from '../../../protocol/ipc.ts'
import { chatActions } from '../../stores/chat/actions.ts'
import { unreadTotal } from '../../stores/chat/selectors.ts'
import type { PlatformChatCache } from '../../platform/platform.ts'
import type { ChatApi } from './chat-api.ts'
import { putAll, quietly, type ChatContext, type ChatDeps } from './context.ts'
import { createOutbox } from './outbox.ts'
import { createChatSync } from './sync.ts'
import { ChatError, type ChatService } from './types.ts'

export interface ChatLifecycle {
  /** Paints from the cache: the list, the cursor, the outbox (no network). */
  boot(): Promise<void>
  /** Catches up from the last seq held, then sends the outbox; run after start and every reconnect. */
  catchUp(): Promise<void>
  /** A packet the lobby received on the chat topic from the server (no participant). */
  receive(payload: Uint8Array): void
  /** Notices refused so far (malformed or oversized). */
  readonly refused: number
  stop(): void
}

export type RunningChat = ChatService & ChatLifecycle

const conversationTitle = (c: Conversation | undefined) => (!c ? 'Chat' : c.kind === 'channel' ? `#${c.name}` : c.kind === 'room' ? c.name : 'a direct message')

/** The kind of the chat's notifications' ids: `chat:<conversation>:<message>`. */
const NOTICE_KIND = 'chat'

/** What a stopped service's requests answer: nothing, ever (nothing awaiting them runs on). */
const NEVER = new Promise<never>(() => {})

/**
 * The session's API and cache as the service uses them, until it is stopped (sign-out): from then
 * on an answer still on its way (a catch-up, a send) is dropped and a cache write is skipped, so
 * nothing of the session lands in the store or the cache after sign-out has emptied them.
 */
function untilStopped(deps: ChatDeps, stopped: () => boolean): Pick<ChatDeps, 'api' | 'cache'> {
  const api = new Proxy(deps.api, {
    get(target, name) {
      const call = target[name as keyof ChatApi] as (...args: unknown[]) => Promise<unknown>
      return (...args: unknown[]) =>
        call.apply(target, args).then(
          (answer) => (stopped() ? NEVER : answer),
          (err: unknown) => (stopped() ? NEVER : Promise.reject(err)),
        )
    },
  })
  const writes = new Set<string>(['putChat', 'putMessages', 'dropConversation', 'putOutbox', 'dropOutbox'] satisfies (keyof PlatformChatCache)[])
  const cache = new Proxy(deps.cache, {
    get(target, name) {
      const call = target[name as keyof PlatformChatCache] as (...args: unknown[]) => Promise<unknown>
      return (...args: unknown[]) => (stopped() && writes.has(String(name)) ? Promise.resolve() : call.apply(target, args))
    },
  })
  return { api, cache }
}

export function createChatService(deps: ChatDeps): RunningChat {
  let stopped = false
  const { api, cache } = untilStopped(deps, () => stopped)
  const { store, workspaceId: ws, meId } = deps
  const act = chatActions(store)
  const ctx: ChatContext = {
    ...deps,
    api,
    cache,
    act,
    now: deps.now ?? Date.now,
    online: false,
    drop(id) {
      act.dropConversation(id)
      quietly(cache.dropConversation(ws, id))
    },
    keep(messages, count) {
      if (messages.length === 0) return
      act.addMessages(messages, { count })
      quietly(putAll(cache, ws, messages))
    },
  }
  const newClientId = deps.newClientId ?? (() => crypto.randomUUID())
  const typedAt = new Map<string, number>()
  const objectUrls = new Map<string, Promise<string>>()

  const markRead = (id: string | null) => {
    const s = store.getState()
    const c = id ? s.conversations[id] : undefined
    if (!c || s.openId !== c.id || !deps.focused()) return
    if (c.readSeq >= c.lastSeq && c.unread === 0) return
    act.markRead(c.id, c.lastSeq)
    if (!c.joined && c.kind !== 'room') return
    api.read(c.id, c.lastSeq).catch((err: unknown) => {
      if (err instanceof ChatError && err.status === 404) ctx.drop(c.id)
    })
  }

  const fresh = (m: Message) => {
    const s = store.getState()
    const looking = s.openId === m.conversationId && deps.focused()
    if (looking) return markRead(m.conversationId)
    const mentioned = m.authorId !== meId && (m.mentionsAll || m.mentions.includes(meId))
    if (!mentioned || deps.status() === 'dnd') return
    const where = conversationTitle(s.conversations[m.conversationId])
    const author = deps.nameOf(m.authorId).slice(0, 80)
    deps.notify(
      { id: `${NOTICE_KIND}:${m.conversationId}:${m.id}`, title: `${author} mentioned you in ${where}`.slice(0, 200), body: m.body.slice(0, 1000), silent: false },
      { kind: 'mention', from: m.authorId, fromName: author, place: where.slice(0, 120), text: m.body.slice(0, 1000), ref: `${m.conversationId}/${m.id}` },
    )
  }

  const outbox = createOutbox(ctx)
  const sync = createChatSync(ctx, {
    fresh,
    caughtUp() {
      const open = store.getState().openId
      if (open) void sync.loadPage(open, {}).then(() => markRead(open), () => undefined)
      void outbox.flush()
    },
  })

  let lastTotal = -1
  const showTotal = () => {
    const total = unreadTotal(store.getState())
    if (total !== lastTotal) deps.setUnread((lastTotal = total))
  }
  const stopTitle = store.subscribe((s, prev) => s.conversations !== prev.conversations && showTotal())
  const stopFocus = deps.onFocus((focused) => focused && markRead(store.getState().openId))
  // A mention's notification, clicked: its conversation opens in the Chat region.
  const stopClicks = deps.onNotificationClick((id) => {
    const [kind, conversationId] = id.split(':')
    if (kind !== NOTICE_KIND || !conversationId || !store.getState().conversations[conversationId]) return
    void service.open(conversationId)
    deps.reveal()
  })
  act.reset(meId)
  showTotal()

  const upsert = (c: Conversation, joined?: boolean) => {
    act.upsertConversation(c, joined)
    quietly(cache.putChat(ws, { conversations: Object.values(store.getState().conversations) }))
    return store.getState().conversations[c.id]!
  }
  const parentOf = (messageId: string) =>
    Object.values(store.getState().messages).flatMap((list) => list.find((m) => m.id === messageId) ?? [])[0]

  const service: RunningChat = {
    boot: () => sync.boot(),
    catchUp: () => sync.catchUp(),
    receive: (payload) => sync.receive(payload),
    get refused() {
      return sync.refused
    },
    stop() {
      stopped = true
      outbox.stop()
      stopTitle()
      stopFocus()
      stopClicks()
      for (const url of objectUrls.values()) void url.then((u) => URL.revokeObjectURL(u), () => undefined)
      objectUrls.clear()
    },

    async open(id) {
      act.open(id)
      if (!id) return
      if (!store.getState().messages[id]?.length) {
        const cached = await cache.getMessages(ws, id, CHAT_CACHE_MESSAGES).catch(() => [])
        if (store.getState().conversations[id]) act.addMessages(cached)
      }
      markRead(id)
      if (ctx.online) void sync.loadPage(id, {}).then(() => markRead(id), () => undefined)
    },
    async openThread(messageId, conversationId) {
      act.openThread(messageId)
      // A parent not held (opened from search, older than the history held) comes with the thread's page.
      const where = messageId ? (parentOf(messageId)?.conversationId ?? conversationId) : undefined
      if (messageId && where && ctx.online) await sync.loadPage(where, { thread: messageId }).catch(() => undefined)
    },
    async loadOlder(id, threadId = null) {
      const s = store.getState()
      const key = threadId ?? id
      if (s.more[key] === false) return false
      const held = threadId ? s.threads[threadId] : s.messages[id]
      const oldest = held?.reduce((min, m) => (m.seq < min ? m.seq : min), Infinity)
      return sync.loadPage(id, { ...(oldest && oldest !== Infinity ? { before: oldest } : {}), ...(threadId ? { thread: threadId } : {}) })
    },

    async send(id, body, opts = {}) {
      const attachments = opts.attachments ?? []
      if (body.length > MAX_MESSAGE_CHARS) throw new ChatError(400, `A message holds at most ${MAX_MESSAGE_CHARS.toLocaleString('en')} characters.`, 'body')
      if (body.trim() === '' && attachments.length === 0) throw new ChatError(400, 'The message is empty.', 'body')
      if (attachments.length > MAX_ATTACHMENTS) throw new ChatError(400, `At most ${MAX_ATTACHMENTS} attachments per message.`, 'attachments')
      const clientId = newClientId()
      await outbox.add({ clientId, conversationId: id, body, threadId: opts.threadId ?? null, createdAt: ctx.now(), ...(attachments.length ? { attachments } : {}) })
      return clientId
    },
    retry: (clientId) => outbox.retry(clientId),
    discard: (clientId) => outbox.discard(clientId),
    async edit(messageId, body) {
      const m = await api.edit(messageId, body)
      ctx.keep([m], false)
      return m
    },
    async remove(messageId) {
      const m = await api.remove(messageId)
      ctx.keep([m], false)
      return m
    },
    async react(messageId, reaction, on) {
      const m = await api.react(messageId, reaction, on)
      ctx.keep([m], false)
      return m
    },

    typing(id) {
      const now = ctx.now()
      if (!ctx.online || now - (typedAt.get(id) ?? -Infinity) < TYPING_INTERVAL_MS) return
      typedAt.set(id, now)
      api.typing(id).catch(() => undefined)
    },

    upload: (file, name) => api.upload(file, name),
    attachmentUrl(id) {
      let url = objectUrls.get(id)
      if (!url) {
        url = api.download(id).then((blob) => URL.createObjectURL(blob))
        // A failed download is asked again next time.
        url.catch(() => objectUrls.delete(id))
        objectUrls.set(id, url)
      }
      return url
    },
    search: (q, limit) => api.search(q, limit),

    createChannel: async (body) => upsert(await api.createChannel(body), true),
    async setArchived(id, archived) {
      upsert(await api.setArchived(id, archived))
    },
    async join(id) {
      upsert(await api.addMembers(id, [meId]), true)
      if (store.getState().openId === id) await sync.loadPage(id, {}).catch(() => undefined)
    },
    async leave(id) {
      const c = store.getState().conversations[id]
      await api.removeMember(id, meId)
      // A public channel stays listed (joinable); anything else is no longer readable.
      if (c?.kind === 'channel' && !c.private) upsert({ ...c, members: c.members.filter((m) => m !== meId) }, false)
      else ctx.drop(id)
    },
    async invite(id, memberIds) {
      upsert(await api.addMembers(id, memberIds))
    },
    async openDm(memberIds) {
      const others = [...new Set(memberIds)].filter((m) => m !== meId)
      if (others.length === 0 || others.length > MAX_DM_MEMBERS - 1) throw new ChatError(400, `A direct message has 1 to ${MAX_DM_MEMBERS - 1} other people.`, 'members')
      return upsert(await api.openDm(others), true).id
    },
  }
  return service
}
