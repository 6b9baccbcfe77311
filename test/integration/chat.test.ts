/**
 * Messaging with the real server and the real livekit-server: live notices reach the readers'
 * lobby connections and nobody else (checked with a member's own lobby token), posting is
 * idempotent by clientId, threads, edits, deletions and reactions arrive live, unread and mention
 * counts, search, limits with clear errors, and hosts alone make channels.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SignedIn } from '../../protocol/api.ts'
import { MAX_MESSAGE_CHARS, MESSAGE_RATE, type CatchUp, type Conversation, type Conversations, type Message } from '../../protocol/chat.ts'
import { chatApi, clientId, listenToChat, messageWith, type ChatListener } from '../support/chat.ts'
import { addMember, createWorkspace, until } from '../support/factories.ts'
import { httpClient, type HttpClient } from '../support/http.ts'
import { startServer } from '../support/server.ts'
import { startStack, type Stack } from '../support/stack.ts'

describe('chat', () => {
  let stack: Stack
  let http: HttpClient
  let api: ReturnType<typeof chatApi>
  const listeners: ChatListener[] = []
  const listen = async (who: SignedIn) => {
    const l = await listenToChat(http, who)
    listeners.push(l)
    return l
  }

  beforeAll(async () => {
    stack = await startStack()
    http = httpClient(() => stack.server.url)
    api = chatApi(http)
  })
  afterAll(async () => {
    await Promise.all(listeners.map((l) => l.leave()))
    await stack?.stop()
  })

  const team = async () => {
    const owner = await createWorkspace(http)
    const [ana, bo] = [await addMember(http, owner), await addMember(http, owner)]
    return { owner, ana, bo }
  }

  it('a private channel message arrives live to its members only; an outsider gets 404 and nothing live', async () => {
    const { owner, ana, bo } = await team()
    const made = await api.call<Conversation>(owner, 'POST', '/channels', { name: 'secret', private: true, members: [ana.member.id] })
    expect(made.status).toBe(201)
    const [anaHears, boHears] = [await listen(ana), await listen(bo)]

    expect((await api.post(owner, made.body.id, 'for members only')).status).toBe(201)
    await anaHears.next(messageWith('for members only'), 'the private message')
    // Bo is told about #general, posted after: had the private one reached Bo, it would be there first.
    expect((await api.post(owner, 'ch_general', 'for everyone')).status).toBe(201)
    await boHears.next(messageWith('for everyone'), 'the #general message')
    expect(boHears.notices.some((n) => JSON.stringify(n).includes('for members only'))).toBe(false)
    expect(boHears.notices.some((n) => n.type === 'conversation' && n.conversation.id === made.body.id)).toBe(false)

    // To Bo, the channel does not exist: every route answers 404, and it is not listed.
    expect((await api.call(bo, 'GET', `/conversations/${made.body.id}/messages`)).status).toBe(404)
    expect((await api.post(bo, made.body.id, 'let me in')).status).toBe(404)
    expect((await api.call(bo, 'POST', `/conversations/${made.body.id}/members`, { members: [bo.member.id] })).status).toBe(404)
    expect((await api.call(bo, 'GET', '/conversations/ch_nosuchthing/messages')).status).toBe(404)
    const listed = await api.call<Conversations>(bo, 'GET', '/conversations')
    expect(listed.body.conversations.map((c) => c.id)).not.toContain(made.body.id)
    const search = await api.call<{ messages: Message[] }>(bo, 'GET', '/search?q=members')
    expect(search.body.messages).toEqual([])
    expect(anaHears.refused + boHears.refused).toBe(0)
  })

  it('a DM is the same conversation for the same people, and arrives live to them', async () => {
    const { owner, ana, bo } = await team()
    const first = await api.call<Conversation>(ana, 'POST', '/dms', { members: [bo.member.id] })
    expect(first.status).toBe(201)
    const again = await api.call<Conversation>(bo, 'POST', '/dms', { members: [ana.member.id, bo.member.id] })
    expect(again).toMatchObject({ status: 200, body: { id: first.body.id } })
    const [boHears, ownerHears] = [await listen(bo), await listen(owner)]
    await api.post(ana, first.body.id, 'psst')
    await boHears.next(messageWith('psst'), 'the DM')
    await api.post(ana, 'ch_general', 'hello all')
    await ownerHears.next(messageWith('hello all'), 'the #general message')
    expect(ownerHears.notices.some((n) => JSON.stringify(n).includes('psst'))).toBe(false)
    expect((await api.call(owner, 'GET', `/conversations/${first.body.id}/messages`)).status).toBe(404)
    const tooMany = await api.call(ana, 'POST', '/dms', { members: ['mem_a', 'mem_b', 'mem_c', 'mem_d', 'mem_e', 'mem_f', 'mem_g', 'mem_h'] })
    expect(tooMany).toMatchObject({ status: 400, body: { field: 'members' } })
  })

  it('posts a clientId once; threads, edits, deletions and reactions are seen live', async () => {
    const { owner, ana } = await team()
    const anaHears = await listen(ana)
    const id = clientId()
    const first = await http.post<Message>(`/api/workspaces/${owner.workspace.id}/chat/conversations/ch_general/messages`, { clientId: id, body: 'once' }, owner.session.token)
    const second = await http.post<Message>(`/api/workspaces/${owner.workspace.id}/chat/conversations/ch_general/messages`, { clientId: id, body: 'once' }, owner.session.token)
    expect([first.status, second.status]).toEqual([201, 200])
    expect(second.body.id).toBe(first.body.id)
    const top = first.body

    const reply = await api.post(ana, 'ch_general', 'a reply', { threadId: top.id })
    expect(reply.status).toBe(201)
    await anaHears.next((n) => n.type === 'message' && n.message.id === top.id && n.message.replies === 1, 'the reply count')
    const thread = await api.call<{ messages: Message[] }>(owner, 'GET', `/conversations/ch_general/messages?thread=${top.id}`)
    expect(thread.body.messages.map((m) => m.body)).toEqual(['a reply'])
    const topLevel = await api.call<{ messages: Message[] }>(owner, 'GET', '/conversations/ch_general/messages')
    expect(topLevel.body.messages.map((m) => m.body)).toEqual(['once'])

    expect((await api.call(owner, 'PATCH', `/messages/${top.id}`, { body: 'once, edited' })).status).toBe(200)
    await anaHears.next((n) => n.type === 'message' && n.message.id === top.id && n.message.body === 'once, edited' && n.message.editedAt !== null, 'the edit')
    expect((await api.call(ana, 'PATCH', `/messages/${top.id}`, { body: 'not mine' })).status).toBe(403)

    expect((await api.call(owner, 'PUT', `/messages/${top.id}/reactions/${encodeURIComponent('🎉')}`)).status).toBe(200)
    await anaHears.next((n) => n.type === 'message' && n.message.id === top.id && n.message.reactions['🎉']?.includes(owner.member.id) === true, 'the reaction')
    expect(await api.call(owner, 'PUT', `/messages/${top.id}/reactions/${encodeURIComponent('💩')}`)).toMatchObject({ status: 400, body: { field: 'reaction' } })

    expect((await api.call(owner, 'DELETE', `/messages/${top.id}`)).status).toBe(200)
    await anaHears.next((n) => n.type === 'message' && n.message.id === top.id && n.message.deleted && n.message.body === '', 'the deletion')
  })

  it('relays typing to the other readers of a DM only', async () => {
    const { owner, ana, bo } = await team()
    const dm = await api.call<Conversation>(ana, 'POST', '/dms', { members: [bo.member.id] })
    const [boHears, ownerHears] = [await listen(bo), await listen(owner)]
    expect((await api.call(ana, 'POST', `/conversations/${dm.body.id}/typing`)).status).toBe(204)
    await boHears.next((n) => n.type === 'typing' && n.conversationId === dm.body.id && n.memberId === ana.member.id, 'Ana typing')
    await api.post(ana, 'ch_general', 'typed')
    await ownerHears.next(messageWith('typed'), 'the #general message')
    expect(ownerHears.notices.some((n) => n.type === 'typing')).toBe(false)
    expect((await api.call(owner, 'POST', `/conversations/${dm.body.id}/typing`)).status).toBe(404)
  })

  it('counts unread messages and mentions per reader, until they read them', async () => {
    const { owner, ana, bo } = await team()
    const anaName = ana.member.name
    await api.post(bo, 'ch_general', 'morning')
    await api.post(bo, 'ch_general', `@${anaName.toUpperCase()} can you look?`)
    const last = await api.post(bo, 'ch_general', '@here standup')
    expect(last.body.mentionsAll).toBe(true)
    const general = async (who: SignedIn) => (await api.call<Conversations>(who, 'GET', '/conversations')).body.conversations.find((c) => c.id === 'ch_general')!
    expect(await general(ana)).toMatchObject({ unread: 3, mentions: 2, joined: true })
    expect(await general(owner)).toMatchObject({ unread: 3, mentions: 1 })
    expect(await general(bo)).toMatchObject({ unread: 0, mentions: 0 })
    expect((await api.call(ana, 'PUT', '/conversations/ch_general/read', { seq: last.body.seq })).status).toBe(204)
    expect(await general(ana)).toMatchObject({ unread: 0, mentions: 0, readSeq: last.body.seq })
  })

  it('finds a message by its words, in what the caller can read', async () => {
    const { owner, ana } = await team()
    await api.post(owner, 'ch_general', 'The zebra crossing is repainted')
    const found = await api.call<{ messages: Message[] }>(ana, 'GET', `/search?q=${encodeURIComponent('zebra')}`)
    expect(found.body.messages.map((m) => m.body)).toEqual(['The zebra crossing is repainted'])
  })

  it('refuses a message over 4,000 characters naming body, and too many messages with 429 and when to retry', async () => {
    const { ana } = await team()
    const long = await api.post(ana, 'ch_general', 'x'.repeat(MAX_MESSAGE_CHARS + 1))
    expect(long).toMatchObject({ status: 400, body: { field: 'body' } })
    expect((await api.post(ana, 'ch_general', 'y'.repeat(MAX_MESSAGE_CHARS))).status).toBe(201)
    for (let i = 1; i < MESSAGE_RATE.limit; i++) expect((await api.post(ana, 'ch_general', `burst ${i}`)).status).toBe(201)
    const limited = await api.post(ana, 'ch_general', 'one too many')
    expect(limited.status).toBe(429)
    expect((limited.body as unknown as { until: number }).until).toBeGreaterThan(Date.now())
    expect((limited.body as unknown as { message: string }).message).toMatch(/too fast/)
  })

  it('lets hosts alone make and archive channels; an archived channel is read-only', async () => {
    const { owner, ana, bo } = await team()
    expect((await api.call(ana, 'POST', '/channels', { name: 'mine' })).status).toBe(403)
    const made = await api.call<Conversation>(owner, 'POST', '/channels', { name: 'announcements' })
    expect(made.status).toBe(201)
    expect((await api.call(owner, 'POST', '/channels', { name: 'announcements' })).status).toBe(409)
    expect(await api.call(owner, 'POST', '/channels', { name: 'Bad Name' })).toMatchObject({ status: 400, body: { field: 'name' } })
    // Public: listed to Bo as not joined; Bo joins, then may write.
    const listed = (await api.call<Conversations>(bo, 'GET', '/conversations')).body.conversations.find((c) => c.id === made.body.id)
    expect(listed).toMatchObject({ joined: false })
    expect(await api.post(bo, made.body.id, 'hi')).toMatchObject({ status: 403, body: { reason: 'not-joined' } })
    // Reacting and typing are writing too: not before joining.
    const welcome = (await api.post(owner, made.body.id, 'welcome')).body
    expect(await api.call(bo, 'PUT', `/messages/${welcome.id}/reactions/${encodeURIComponent('👍')}`)).toMatchObject({ status: 403, body: { reason: 'not-joined' } })
    expect(await api.call(bo, 'POST', `/conversations/${made.body.id}/typing`)).toMatchObject({ status: 403, body: { reason: 'not-joined' } })
    expect((await api.call(bo, 'POST', `/conversations/${made.body.id}/members`, { members: [bo.member.id] })).status).toBe(200)
    expect((await api.post(bo, made.body.id, 'hi')).status).toBe(201)
    expect((await api.call(ana, 'PATCH', `/channels/${made.body.id}`, { archived: true })).status).toBe(403)
    expect((await api.call(owner, 'PATCH', `/channels/${made.body.id}`, { archived: true })).status).toBe(200)
    expect(await api.post(bo, made.body.id, 'still?')).toMatchObject({ status: 403, body: { reason: 'archived' } })
    expect((await api.call(bo, 'GET', `/conversations/${made.body.id}/messages`)).body).toMatchObject({ messages: [{ body: 'welcome' }, { body: 'hi' }] })
    expect((await api.call(bo, 'DELETE', '/conversations/ch_general/members/' + bo.member.id)).status).toBe(400)
  })

  it('catches up after a server restart on the same store, from the last seq seen', async () => {
    const { owner, ana } = await team()
    const seen = (await api.post(owner, 'ch_general', 'before the restart')).body.seq
    await api.post(owner, 'ch_general', 'also before')
    const { livekit, server } = stack
    await server.stop({ keepData: true })
    stack.server = await startServer({ livekit, port: stack.port, dataDir: server.dataDir })
    // As a client does after a restart: connections kept alive to the old process fail once, then it answers.
    await until(async () => (await http.get('/api/ping').catch(() => null))?.status === 200, 'the restarted server answering')
    await api.post(owner, 'ch_general', 'after the restart')
    const caught = await api.call<CatchUp>(ana, 'GET', `/events?since=${seen}`)
    expect(caught.status).toBe(200)
    expect(caught.body.messages.map((m) => m.body)).toEqual(['also before', 'after the restart'])
    expect(caught.body.more).toBe(false)
    expect((await api.call<CatchUp>(ana, 'GET', `/events?since=${caught.body.seq}`)).body.messages).toEqual([])
  })
})
