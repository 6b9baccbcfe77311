/**
 * The renderer's chat service against the real server, the real livekit-server and a real SQLite
 * cache (main's own handlers): it catches up and takes live notices from a lobby connection with
 * the member's real token (server-sent packets only, as lobby.ts routes them), counts unread,
 * notifies a mention unless in do-not-disturb, reads offline from the cache, sends what was
 * written offline in order once back (once, by clientId), shows a refusal as "not sent" with the
 * server's reason, and forgets a conversation the member was taken out of, cache included.
 */
import path from 'node:path'
import { RoomEvent, type Room } from '@livekit/rtc-node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LobbyToken, SignedIn } from '../../protocol/api.ts'
import type { Conversation, Conversations, MessagePage } from '../../protocol/chat.ts'
import { topics } from '../../protocol/presence.ts'
import type { OsNotification } from '../../protocol/ipc.ts'
import { openCache, type Cache } from '../../main/cache/open.ts'
import { cacheKv } from '../../main/cache/queries.ts'
import { createSecretStore } from '../../main/credentials/secret-store.ts'
import { createIpcHandlers } from '../../main/ipc/handlers.ts'
import type { PlatformChatCache } from '../../renderer/platform/platform.ts'
import { createChatApi, type ChatApi } from '../../renderer/services/chat/chat-api.ts'
import { createChatService, type RunningChat } from '../../renderer/services/chat/service.ts'
import { messagesOf, outboxOf, typingIn, unreadTotal } from '../../renderer/stores/chat/selectors.ts'
import { createChatStore, type ChatStore } from '../../renderer/stores/chat/store.ts'
import { chatApi } from '../support/chat.ts'
import { addMember, connectParticipant, createWorkspace, until } from '../support/factories.ts'
import { httpClient, type HttpClient } from '../support/http.ts'
import { freeTcpPort } from '../support/ports.ts'
import { startStack, type Stack } from '../support/stack.ts'
import { tempDir } from '../unit/main/fixtures.ts'

/** The desktop's chat cache: main's handler table on a real SQLite file, as the Electron platform calls it. */
function sqliteChatCache(file: string): { cache: PlatformChatCache; clear(): Promise<void>; close(): void } {
  const db: Cache = openCache(file)
  const secrets = createSecretStore({ kv: cacheKv(db), protection: { cipher: null, weakness: null }, warn: () => {} })
  const h = createIpcHandlers({ cache: db, secrets, config: { serverUrl: '', platform: 'electron', version: '0' }, notifier: { show: () => {} } })
  return {
    close: () => db.close(),
    clear: async () => void (await h['cache:clear']()),
    cache: {
      getChat: (ws) => h['cache:getChat'](ws),
      putChat: async (ws, p) => void (await h['cache:putChat'](ws, p)),
      getMessages: (ws, id, limit) => h['cache:getMessages'](ws, id, limit),
      putMessages: async (ws, m) => void (await h['cache:putMessages'](ws, m)),
      dropConversation: async (ws, id) => void (await h['cache:dropConversation'](ws, id)),
      getOutbox: (ws) => h['cache:getOutbox'](ws),
      putOutbox: async (ws, item) => void (await h['cache:putOutbox'](ws, item)),
      dropOutbox: async (ws, id) => void (await h['cache:dropOutbox'](ws, id)),
    },
  }
}

interface Client {
  chat: RunningChat
  store: ChatStore
  cache: PlatformChatCache
  notified: OsNotification[]
  /** Clicks a notification by its id, as the platform's `notify:clicked` does. */
  click(id: string): void
  revealed: number
  titles: number[]
  status: string
  /** Where the client sends its requests: the server, or a port nobody listens on (offline). */
  server: string
  /** Empties the cache file, as sign-out does. */
  clearCache(): Promise<void>
}

describe('the chat client', () => {
  let stack: Stack
  let http: HttpClient
  let api: ReturnType<typeof chatApi>
  let deadUrl: string
  const cleanup: (() => unknown)[] = []

  beforeAll(async () => {
    stack = await startStack()
    http = httpClient(() => stack.server.url)
    api = chatApi(http)
    deadUrl = `http://127.0.0.1:${await freeTcpPort()}`
  })
  afterAll(async () => {
    for (const f of cleanup.reverse()) await f()
    await stack?.stop()
  })

  function client(who: SignedIn, file = path.join(tempDir(), 'cache.db'), opts: { clientIds?: string[]; api?: (real: ChatApi) => ChatApi } = {}): Client & { file: string } {
    const { cache, clear, close } = sqliteChatCache(file)
    const store = createChatStore()
    const c = { store, cache, clearCache: clear, notified: [] as OsNotification[], click: (_id: string) => undefined, revealed: 0, titles: [] as number[], status: 'available', server: stack.server.url, file } as Client & { file: string }
    const api = createChatApi(() => c.server, who.workspace.id, () => who.session.token)
    c.chat = createChatService({
      store,
      cache,
      api: opts.api ? opts.api(api) : api,
      workspaceId: who.workspace.id,
      meId: who.member.id,
      status: () => c.status,
      nameOf: () => 'Someone',
      notify: (n) => c.notified.push(n),
      onNotificationClick: (listener) => ((c.click = listener), () => (c.click = () => undefined)),
      reveal: () => c.revealed++,
      focused: () => true,
      onFocus: () => () => {},
      setUnread: (n) => c.titles.push(n),
      ...(opts.clientIds ? { newClientId: () => opts.clientIds!.shift()! } : {}),
    })
    cleanup.push(() => c.chat.stop(), close)
    return c
  }

  /** The member's lobby connection, passing server-sent chat packets to the service as lobby.ts does. */
  async function live(who: SignedIn, c: Client): Promise<Room> {
    const res = await http.post<LobbyToken>(`/api/workspaces/${who.workspace.id}/lobby/token`, undefined, who.session.token)
    const room = await connectParticipant(res.body.url, res.body.token)
    room.on(RoomEvent.DataReceived, (payload, participant, _kind, topic) => {
      if (topic === topics.chat && participant === undefined) c.chat.receive(payload)
    })
    cleanup.push(() => room.disconnect())
    return room
  }

  const team = async () => {
    const owner = await createWorkspace(http)
    return { owner, ana: await addMember(http, owner), bo: await addMember(http, owner) }
  }
  const bodies = (c: Client, id = 'ch_general') => messagesOf(c.store.getState(), id).map((m) => m.body)

  it('catches up, takes live messages, counts unread for the title, and notifies a mention unless in do-not-disturb', async () => {
    const { owner, ana, bo } = await team()
    await api.post(owner, 'ch_general', 'before Ana looked')
    const a = client(ana)
    await a.chat.boot()
    await a.chat.catchUp()
    expect(a.store.getState().conversations.ch_general?.unread).toBe(1)
    expect(a.titles.at(-1)).toBe(1)
    await live(ana, a)

    await api.post(owner, 'ch_general', `@${ana.member.name} look at this`)
    await until(async () => bodies(a).includes(`@${ana.member.name} look at this`), 'the mention to arrive live')
    expect(unreadTotal(a.store.getState())).toBe(2)
    expect(a.titles.at(-1)).toBe(2)
    expect(a.notified.map((n) => n.body)).toEqual([`@${ana.member.name} look at this`])
    // Clicking it opens its conversation in the Chat region; another part's notification does not.
    a.click('wave:1')
    expect([a.store.getState().openId, a.revealed]).toEqual([null, 0])
    a.click(a.notified[0]!.id)
    expect([a.store.getState().openId, a.revealed]).toEqual(['ch_general', 1])

    a.status = 'dnd'
    await api.post(bo, 'ch_general', `@${ana.member.name} and again`)
    await until(async () => bodies(a).includes(`@${ana.member.name} and again`), 'the second mention')
    expect(a.notified).toHaveLength(1)

    // Bo types: a lossy notice, shown for a while.
    const b = client(bo)
    await b.chat.catchUp()
    b.chat.typing('ch_general')
    await until(async () => typingIn(a.store.getState(), 'ch_general', Date.now()).includes(bo.member.id), "Bo's typing to show")

    // Opening the conversation (the window has focus) reads it, on the server too.
    await a.chat.open('ch_general')
    expect(a.titles.at(-1)).toBe(0)
    await until(async () => {
      const listed = await api.call<Conversations>(ana, 'GET', '/conversations')
      return listed.body.conversations.find((c) => c.id === 'ch_general')?.unread === 0
    }, "the server to have Ana's read marker")
  })

  it('opens a thread from search whose message replied to is not in the history held', async () => {
    const { owner, ana } = await team()
    const parent = (await api.post(owner, 'ch_general', 'The old question')).body
    await api.post(owner, 'ch_general', 'The old answer', { threadId: parent.id })
    const a = client(ana)
    await a.chat.catchUp()
    // Ana holds no history of #general (she never opened it): search found the answer, and she opens its thread.
    expect(messagesOf(a.store.getState(), 'ch_general')).toEqual([])
    await a.chat.openThread(parent.id, 'ch_general')
    const s = a.store.getState()
    expect([s.openThreadId, s.parents[parent.id]?.body, s.threads[parent.id]?.map((m) => m.body)]).toEqual([parent.id, 'The old question', ['The old answer']])
    // The parent is kept aside: #general's history still starts where it is paged from.
    expect(messagesOf(a.store.getState(), 'ch_general')).toEqual([])
  })

  it('reads offline from the cache and sends what was written offline in order, once, on reconnect', async () => {
    const { owner, ana } = await team()
    await api.post(owner, 'ch_general', 'seen while online')
    const first = client(ana)
    await first.chat.catchUp()
    await first.chat.open('ch_general')
    await until(async () => bodies(first).includes('seen while online'), 'the history page')
    first.chat.stop()

    // A restart with the server out of reach: the cache paints the conversation.
    const a = client(ana, first.file, { clientIds: ['offline-one-0001', 'offline-two-0002'] })
    a.server = deadUrl
    await a.chat.boot()
    await a.chat.catchUp()
    expect(a.store.getState().sync).toBe('offline')
    await a.chat.open('ch_general')
    expect(bodies(a)).toEqual(['seen while online'])
    await a.chat.send('ch_general', 'written offline, first')
    await a.chat.send('ch_general', 'written offline, second')
    expect(outboxOf(a.store.getState(), 'ch_general').map((o) => o.body)).toEqual(['written offline, first', 'written offline, second'])
    expect((await a.cache.getOutbox(ana.workspace.id)).map((o) => o.clientId)).toEqual(['offline-one-0001', 'offline-two-0002'])

    // The first one had in fact reached the server (its answer was lost): sending again posts it once.
    await api.call(ana, 'POST', '/conversations/ch_general/messages', { clientId: 'offline-one-0001', body: 'written offline, first' })
    // Meanwhile others wrote: the catch-up brings it from the last seq held.
    await api.post(owner, 'ch_general', 'while Ana was away')

    a.server = stack.server.url
    await a.chat.catchUp()
    await until(async () => a.store.getState().outbox.length === 0, 'the outbox to empty')
    const history = await api.call<MessagePage>(ana, 'GET', '/conversations/ch_general/messages')
    expect(history.body.messages.map((m) => m.body)).toEqual(['seen while online', 'written offline, first', 'while Ana was away', 'written offline, second'])
    expect(bodies(a)).toEqual(['seen while online', 'written offline, first', 'while Ana was away', 'written offline, second'])
    expect(await a.cache.getOutbox(ana.workspace.id)).toEqual([])
    expect((await a.cache.getMessages(ana.workspace.id, 'ch_general', 10)).map((m) => m.body)).toContain('while Ana was away')
  })

  it('shows a refused message as not sent with the server’s reason, and sends it on retry', async () => {
    const { owner, ana } = await team()
    const design = await api.call<Conversation>(owner, 'POST', '/channels', { name: 'design' })
    const a = client(ana)
    await a.chat.catchUp()
    const refused = await api.call<{ message: string }>(ana, 'POST', `/conversations/${design.body.id}/messages`, { clientId: 'probe-0000001', body: 'probe' })
    expect(refused.status).toBe(403)

    const clientId = await a.chat.send(design.body.id, 'before joining')
    await until(async () => a.store.getState().outbox[0]?.error !== undefined, 'the refusal')
    expect(a.store.getState().outbox.map((o) => [o.clientId, o.error])).toEqual([[clientId, refused.body.message]])
    expect((await a.cache.getOutbox(ana.workspace.id))[0]?.error).toBe(refused.body.message)

    await a.chat.join(design.body.id)
    await a.chat.retry(clientId)
    expect(a.store.getState().outbox).toEqual([])
    expect(bodies(a, design.body.id)).toEqual(['before joining'])
  })

  it('forgets a private channel, cache included, the moment the member is taken out', async () => {
    const { owner, ana } = await team()
    const secret = await api.call<Conversation>(owner, 'POST', '/channels', { name: 'secret', private: true, members: [ana.member.id] })
    const a = client(ana)
    await a.chat.catchUp()
    await live(ana, a)
    await api.post(owner, secret.body.id, 'for members only')
    await until(async () => bodies(a, secret.body.id).includes('for members only'), 'the private message')
    await until(async () => (await a.cache.getMessages(ana.workspace.id, secret.body.id, 10)).length === 1, 'the message in the cache')

    expect((await api.call(owner, 'DELETE', `/conversations/${secret.body.id}/members/${ana.member.id}`)).status).toBe(204)
    await until(async () => a.store.getState().conversations[secret.body.id] === undefined, 'the channel to go')
    expect(bodies(a, secret.body.id)).toEqual([])
    await until(async () => (await a.cache.getMessages(ana.workspace.id, secret.body.id, 10)).length === 0, 'the cache to forget it')
    expect((await a.cache.getChat(ana.workspace.id))?.conversations.some((c) => c.id === secret.body.id)).toBe(false)
  })

  it('leaves nothing behind once stopped: a catch-up answered after sign-out writes neither the store nor the emptied cache', async () => {
    const { owner, ana } = await team()
    await api.post(owner, 'ch_general', 'before sign-out')
    let held: { answered: () => void; release: Promise<void> } | null = null
    let listed = 0
    const a = client(ana, undefined, {
      api: (real) => ({
        ...real,
        async events(since) {
          const answer = await real.events(since)
          if (held) {
            held.answered()
            await held.release
          }
          return answer
        },
        conversations: () => (listed++, real.conversations()),
      }),
    })
    await a.chat.catchUp()
    expect(a.store.getState().seq).toBeGreaterThan(0)
    await api.post(owner, 'ch_general', 'answered after sign-out')

    // The next catch-up's answer (with the new message) is in, held on its way to the service.
    let release = () => {}
    const answered = new Promise<void>((resolve) => (held = { answered: resolve, release: new Promise<void>((r) => (release = r)) }))
    void a.chat.catchUp()
    await answered
    // Sign-out: the service stops, the cache is emptied (the store is emptied by lazy.ts).
    a.chat.stop()
    await a.clearCache()
    const listedBefore = listed
    release()
    // The answer has reached the service: everything it would set off runs within these turns.
    for (let i = 0; i < 3; i++) await new Promise((r) => setImmediate(r))

    expect(bodies(a)).toEqual([])
    expect(await a.cache.getChat(ana.workspace.id)).toBeNull()
    expect(await a.cache.getMessages(ana.workspace.id, 'ch_general', 10)).toEqual([])
    expect(listed).toBe(listedBefore)
  })

  it('ignores a chat notice that is malformed or too large', async () => {
    const { ana } = await team()
    const a = client(ana)
    await a.chat.catchUp()
    a.chat.receive(new TextEncoder().encode('{"type":"gone","conversationId":"ch_general"'))
    a.chat.receive(new TextEncoder().encode(JSON.stringify({ type: 'gone', conversationId: 'ch_general', pad: 'x'.repeat(70_000) })))
    expect(a.chat.refused).toBe(2)
    expect(a.store.getState().conversations.ch_general).toBeDefined()
  })
})
