/**
 * Chat in both stores (a real SQLite file, a real PostgreSQL database): #general with every
 * workspace, channels by unique name, DMs by their people, messages with the workspace's seq on
 * every change, idempotent clientIds, threads, reactions, read markers with unread and mention
 * counts, history pages, catch-up since a seq, and full-text search limited to what is asked.
 */
import { describe, expect, it } from 'vitest'
import type { NewMessage, Store } from '../../../../server/store/store.ts'
import { storeKinds } from '../../../support/stores.ts'
import { inviteRecord, newMember, seedWorkspace } from './fixtures.ts'

const kinds = storeKinds()

let n = 0
const msg = (conversationId: string, authorId: string, body: string, changes: Partial<NewMessage> = {}): NewMessage => ({
  id: `msg_${++n}`, conversationId, authorId, clientId: `client-${n}-xxxx`, body, threadId: null, createdAt: 1_000 + n, mentions: [], mentionsAll: false, attachments: [], ...changes,
})

async function post(store: Store, ws: string, m: NewMessage) {
  const out = await store.postMessage(ws, m)
  if (out.kind !== 'posted') throw new Error(`not posted: ${out.kind}`)
  return out
}

describe.each(kinds)('$name store: chat', (kind) => {
  const withPeople = async () => {
    const store = await kind.open()
    const { workspaceId: ws, ownerId } = await seedWorkspace(store)
    const bo = newMember()
    await store.createInvite('c_bo', inviteRecord(ws))
    await store.acceptInvite('c_bo', bo, 2)
    return { store, ws, ownerId, bo: bo.memberId }
  }

  it('makes #general with every workspace, and a channel name only once', async () => {
    const { store, ws, ownerId } = await withPeople()
    expect(await store.getConversation(ws, 'ch_general')).toMatchObject({ kind: 'channel', name: 'general', private: false, archived: false, members: [] })
    const made = await store.createConversation(ws, { id: 'ch_design', kind: 'channel', name: 'design', private: true, roomId: null, createdAt: 5, createdBy: ownerId, members: [ownerId] })
    expect(made).toMatchObject({ id: 'ch_design', private: true, members: [ownerId] })
    expect(await store.createConversation(ws, { id: 'ch_other', kind: 'channel', name: 'design', private: false, roomId: null, createdAt: 6, createdBy: ownerId, members: [] })).toBe('taken')
    expect((await store.listConversations(ws, ownerId)).map((c) => c.id)).toEqual(['ch_design', 'ch_general'])
  })

  it('answers an existing DM for the same id, and lists DMs only to their people', async () => {
    const { store, ws, ownerId, bo } = await withPeople()
    const dm = { id: 'dm_x1', kind: 'dm' as const, name: '', private: true, roomId: null, createdAt: 5, createdBy: ownerId, members: [ownerId, bo] }
    const first = await store.createConversation(ws, dm)
    const again = await store.createConversation(ws, { ...dm, createdAt: 9 })
    expect(again).toEqual(first)
    await store.createConversation(ws, { ...dm, id: 'dm_x2', members: [ownerId] })
    expect((await store.listConversations(ws, bo)).map((c) => c.id)).toEqual(['ch_general', 'dm_x1'])
  })

  it('gives every change the next seq, posts a clientId once, and counts thread replies', async () => {
    const { store, ws, ownerId, bo } = await withPeople()
    const top = await post(store, ws, msg('ch_general', ownerId, 'hello'))
    const dup = await store.postMessage(ws, { ...msg('ch_general', ownerId, 'hello again'), clientId: top.message.clientId })
    expect(dup).toMatchObject({ kind: 'duplicate', message: { id: top.message.id, body: 'hello' } })
    const reply = await post(store, ws, msg('ch_general', bo, 'hi back', { threadId: top.message.id }))
    expect(reply.message.seq).toBeGreaterThan(top.message.seq)
    expect(reply.parent).toMatchObject({ id: top.message.id, replies: 1 })
    expect(reply.parent!.seq).toBeGreaterThan(reply.message.seq)
    // A reply to a reply, or into another conversation, is refused.
    expect(await store.postMessage(ws, msg('ch_general', bo, 'deeper', { threadId: reply.message.id }))).toEqual({ kind: 'no-thread' })
    expect(await store.postMessage(ws, msg('rm_room_lounge', bo, 'elsewhere', { threadId: top.message.id }))).toEqual({ kind: 'no-thread' })

    const edited = await store.editMessage(ws, top.message.id, { body: 'hello @everyone', mentions: [bo], mentionsAll: false, at: 50 })
    expect(edited).toMatchObject({ body: 'hello @everyone', editedAt: 50, mentions: [bo], replies: 1 })
    expect(edited!.seq).toBeGreaterThan(reply.parent!.seq)
    const reacted = await store.react(ws, top.message.id, bo, '👍', true)
    expect(reacted!.reactions).toEqual({ '👍': [bo] })
    expect((await store.react(ws, top.message.id, bo, '👍', true))!.seq).toBe(reacted!.seq)
    expect((await store.react(ws, top.message.id, ownerId, '👍', true))!.reactions).toEqual({ '👍': [bo, ownerId] })
    expect((await store.react(ws, top.message.id, bo, '👍', false))!.reactions).toEqual({ '👍': [ownerId] })

    const gone = await store.deleteMessage(ws, reply.message.id, 60)
    expect(gone).toMatchObject({ deleted: true, body: '' })
    expect(await store.getMessage(ws, top.message.id)).toMatchObject({ replies: 0 })
    expect(await store.editMessage(ws, reply.message.id, { body: 'back', mentions: [], mentionsAll: false, at: 70 })).toBeNull()
  })

  it('catches up on every change after a seq, in order, a page at a time', async () => {
    const { store, ws, ownerId } = await withPeople()
    const a = await post(store, ws, msg('ch_general', ownerId, 'one'))
    const b = await post(store, ws, msg('rm_room_lounge', ownerId, 'two'))
    await store.editMessage(ws, a.message.id, { body: 'one, edited', mentions: [], mentionsAll: false, at: 9 })
    const all = await store.messagesSince(ws, 0, 500)
    expect(all.messages.map((m) => [m.id, m.body])).toEqual([[b.message.id, 'two'], [a.message.id, 'one, edited']])
    expect(all).toMatchObject({ more: false, seq: await store.chatSeq(ws) })
    const first = await store.messagesSince(ws, 0, 1)
    expect(first).toMatchObject({ more: true, seq: b.message.seq })
    const rest = await store.messagesSince(ws, first.seq, 1)
    expect(rest.messages.map((m) => m.body)).toEqual(['one, edited'])
    expect((await store.messagesSince(ws, all.seq, 500)).messages).toEqual([])
    // The room chat got its row with its first message.
    expect(await store.getConversation(ws, 'rm_room_lounge')).toMatchObject({ kind: 'room', roomId: 'room_lounge' })
  })

  it('pages history newest first, oldest first in each page, threads apart', async () => {
    const { store, ws, ownerId } = await withPeople()
    const posted = []
    for (let i = 0; i < 5; i++) posted.push((await post(store, ws, msg('ch_general', ownerId, `m${i}`))).message)
    await post(store, ws, msg('ch_general', ownerId, 'in thread', { threadId: posted[0]!.id }))
    const page = await store.history(ws, 'ch_general', { limit: 2 })
    expect(page).toMatchObject({ more: true })
    expect(page.messages.map((m) => m.body)).toEqual(['m3', 'm4'])
    // Paging from the oldest one held, even after it was edited (its seq moved on).
    const edited = await store.editMessage(ws, page.messages[0]!.id, { body: 'm3!', mentions: [], mentionsAll: false, at: 1 })
    const older = await store.history(ws, 'ch_general', { before: edited!.seq, limit: 10 })
    expect(older).toMatchObject({ more: false })
    expect(older.messages.map((m) => m.body)).toEqual(['m0', 'm1', 'm2'])
    expect((await store.history(ws, 'ch_general', { thread: posted[0]!.id, limit: 10 })).messages.map((m) => m.body)).toEqual(['in thread'])
  })

  it('counts unread messages by others and mentions of the reader after their marker, which never moves back', async () => {
    const { store, ws, ownerId, bo } = await withPeople()
    await post(store, ws, msg('ch_general', ownerId, 'mine'))
    await post(store, ws, msg('ch_general', bo, 'hi'))
    const m2 = await post(store, ws, msg('ch_general', bo, '@owner', { mentions: [ownerId] }))
    await post(store, ws, msg('ch_general', bo, '@here', { mentionsAll: true }))
    const del = await post(store, ws, msg('ch_general', bo, 'oops', { mentions: [ownerId] }))
    await store.deleteMessage(ws, del.message.id, 5)
    const states = await store.readStates(ws, ownerId, ['ch_general', 'ch_nothing'])
    expect([...states.keys()]).toEqual(['ch_general'])
    expect(states.get('ch_general')).toMatchObject({ unread: 3, mentions: 2, readSeq: 0, lastSeq: await store.chatSeq(ws) })
    await store.setReadMarker(ws, 'ch_general', ownerId, m2.message.seq)
    await store.setReadMarker(ws, 'ch_general', ownerId, 1)
    expect((await store.readStates(ws, ownerId, ['ch_general'])).get('ch_general')).toMatchObject({ unread: 1, mentions: 1, readSeq: m2.message.seq })
    expect((await store.readStates(ws, bo, ['ch_general'])).get('ch_general')).toMatchObject({ unread: 1, mentions: 0 })
  })

  it('finds messages by their words only in the conversations asked about, deleted ones never', async () => {
    const { store, ws, ownerId } = await withPeople()
    await post(store, ws, msg('ch_general', ownerId, 'The quarterly roadmap is ready'))
    await post(store, ws, msg('rm_room_lounge', ownerId, 'roadmap in the lounge'))
    const gone = await post(store, ws, msg('ch_general', ownerId, 'old roadmap draft'))
    await store.deleteMessage(ws, gone.message.id, 9)
    expect((await store.searchMessages(ws, 'roadmap', ['ch_general'], 10)).map((m) => m.body)).toEqual(['The quarterly roadmap is ready'])
    expect((await store.searchMessages(ws, 'ROADMAP lounge', ['ch_general', 'rm_room_lounge'], 10)).map((m) => m.body)).toEqual(['roadmap in the lounge'])
    expect(await store.searchMessages(ws, 'nothing-like-it', ['ch_general'], 10)).toEqual([])
    expect(await store.searchMessages(ws, '"*', ['ch_general'], 10)).toEqual([])
  })

  it('tracks archiving, people joining and leaving, and departures for catch-up', async () => {
    const { store, ws, ownerId, bo } = await withPeople()
    const before = await store.chatSeq(ws)
    await store.createConversation(ws, { id: 'ch_ops', kind: 'channel', name: 'ops', private: true, roomId: null, createdAt: 5, createdBy: ownerId, members: [ownerId] })
    expect((await store.addConversationMembers(ws, 'ch_ops', [bo, bo], 6))!.members).toEqual([ownerId, bo])
    expect((await store.setArchived(ws, 'ch_ops', true))!.archived).toBe(true)
    expect((await store.conversationsSince(ws, before)).map((c) => c.id)).toEqual(['ch_ops'])
    const mid = await store.chatSeq(ws)
    expect((await store.removeConversationMember(ws, 'ch_ops', bo))!.members).toEqual([ownerId])
    expect(await store.removeConversationMember(ws, 'ch_ops', bo)).toBeNull()
    expect(await store.departuresSince(ws, bo, mid)).toEqual(['ch_ops'])
    expect(await store.departuresSince(ws, bo, await store.chatSeq(ws))).toEqual([])
  })

  it("lists who a knock let into a room only while their pass lasts (they read its chat meanwhile)", async () => {
    const { store, ws, bo } = await withPeople()
    await store.admit(ws, 'room_private', bo, 10_000)
    expect(await store.roomAdmissions(ws, 'room_private', 9_999)).toEqual([bo])
    expect(await store.roomAdmissions(ws, 'room_private', 10_000)).toEqual([])
    expect(await store.roomAdmissions(ws, 'room_meeting', 9_999)).toEqual([])
  })

  it('links an attachment to the message that posts it, once, and only its uploader’s', async () => {
    const { store, ws, ownerId, bo } = await withPeople()
    await store.createAttachment({ workspaceId: ws, id: 'att_1', uploaderId: ownerId, name: 'a.png', type: 'image/png', size: 10, width: 2, height: 3, storageKey: 'k1', createdAt: 1 })
    expect(await store.postMessage(ws, msg('ch_general', bo, 'not yours', { attachments: ['att_1'] }))).toEqual({ kind: 'bad-attachment', id: 'att_1' })
    const ok = await post(store, ws, msg('ch_general', ownerId, 'see', { attachments: ['att_1'] }))
    expect(ok.message.attachments).toEqual([{ id: 'att_1', name: 'a.png', type: 'image/png', size: 10, width: 2, height: 3 }])
    expect(await store.getAttachment(ws, 'att_1')).toMatchObject({ messageId: ok.message.id, storageKey: 'k1' })
    expect(await store.postMessage(ws, msg('ch_general', ownerId, 'again', { attachments: ['att_1'] }))).toEqual({ kind: 'bad-attachment', id: 'att_1' })
  })
})
