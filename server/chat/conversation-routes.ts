/**
 * Conversation routes under /api/workspaces/:workspaceId/chat: the caller's list with unread
 * counts, channels (hosts create and archive; members join and leave; private ones by invitation),
 * DMs by their set of people, read markers and typing.
 */
import { createHash } from 'node:crypto'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import {
  AddMembersBodySchema, ConversationParamsSchema, ConversationSchema, ConversationsSchema, CreateChannelBodySchema, MAX_DM_MEMBERS, OpenDmBodySchema,
  ReadBodySchema, TYPING_INTERVAL_MS, UpdateChannelBodySchema, type ConversationSummary,
} from '../../protocol/chat.ts'
import { ErrorBodySchema } from '../../protocol/errors.ts'
import { atLeast } from '../../protocol/rules.ts'
import { authenticate, inWorkspace } from '../auth/authenticate.ts'
import { newId } from '../auth/tokens.ts'
import { badRequest, conflict, forbidden, notFound } from '../http-error.ts'
import type { ConversationRecord } from '../store/store.ts'
import { GENERAL } from './access.ts'
import { listersOf, notJoined, readableBy, readersOf, seeConversation, toWire } from './conversations.ts'
import { deliver } from './deliver.ts'

const base = '/api/workspaces/:workspaceId/chat'
const WorkspaceOnly = Type.Object({ workspaceId: Type.String() })
const MemberParams = Type.Object({ workspaceId: Type.String(), conversationId: ConversationParamsSchema.properties.conversationId, memberId: Type.String({ maxLength: 64 }) })
const errors = { 400: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema }

/** A DM's id is its people: the same set always gives the same id, whoever opens it. */
export const dmId = (members: readonly string[]) => `dm_${createHash('sha256').update([...new Set(members)].sort().join('\n')).digest('base64url').slice(0, 32)}`

export const conversationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Typing relayed at most once per half TYPING_INTERVAL_MS per member and conversation (this instance):
  // a client that says it more often costs its readers nothing more. Lossy anyway, so not stored.
  const typedAt = new Map<string, number>()
  /** Tells those who list `conv` about it, and `gone` to those taken out. */
  const announce = async (ws: string, conv: ConversationRecord, gone: string[] = []) => {
    deliver(app, ws, await listersOf(app, ws, conv), { type: 'conversation', conversation: toWire(conv) })
    deliver(app, ws, gone, { type: 'gone', conversationId: conv.id })
  }
  /** Workspace members (not being removed) who are not guests; 400 naming `members` otherwise. */
  const checkPeople = async (ws: string, ids: readonly string[]) => {
    const members = new Map((await app.store.listMembers(ws)).map((m) => [m.id, m]))
    const wrong = ids.find((id) => { const m = members.get(id); return !m || m.removingSince != null || m.role === 'guest' })
    if (wrong) throw badRequest(`${wrong} is not a member of this workspace who can chat here`, 'members')
  }

  app.get(`${base}/conversations`, { preHandler: authenticate, schema: { summary: 'Conversations the caller can read, with unread counts', params: WorkspaceOnly, response: { 200: ConversationsSchema, 404: ErrorBodySchema } } },
    async (request) => {
      const { member } = inWorkspace(request, request.params.workspaceId)
      const seen = await readableBy(app, member)
      const states = await app.store.readStates(member.workspaceId, member.id, seen.map((s) => s.conv.id))
      const conversations = seen.map(({ conv, joined }): ConversationSummary => {
        const s = states.get(conv.id)
        return { ...toWire(conv), lastSeq: s?.lastSeq ?? 0, lastAt: s?.lastAt ?? null, unread: joined ? (s?.unread ?? 0) : 0, mentions: joined ? (s?.mentions ?? 0) : 0, readSeq: s?.readSeq ?? 0, joined }
      })
      return { conversations }
    })

  app.post(`${base}/channels`, { preHandler: authenticate, schema: { summary: 'Create a channel (hosts)', params: WorkspaceOnly, body: CreateChannelBodySchema, response: { 201: ConversationSchema, 409: ErrorBodySchema, ...errors } } },
    async (request, reply) => {
      const { member } = inWorkspace(request, request.params.workspaceId, 'host')
      const { name, private: isPrivate = false, members = [] } = request.body
      await checkPeople(member.workspaceId, members)
      const made = await app.store.createConversation(member.workspaceId, {
        id: newId('ch', 16), kind: 'channel', name, private: isPrivate, roomId: null, createdAt: app.now(), createdBy: member.id, members: [member.id, ...(isPrivate ? members : [])],
      })
      if (made === 'taken') throw conflict(`a channel named #${name} exists already`, { field: 'name' })
      await announce(member.workspaceId, made)
      reply.code(201)
      return toWire(made)
    })

  app.patch(`${base}/channels/:conversationId`, { preHandler: authenticate, schema: { summary: 'Archive or unarchive a channel (hosts)', params: ConversationParamsSchema, body: UpdateChannelBodySchema, response: { 200: ConversationSchema, ...errors } } },
    async (request) => {
      const { member } = inWorkspace(request, request.params.workspaceId)
      const { conv } = await seeConversation(app, member, request.params.conversationId)
      if (conv.kind !== 'channel') throw notFound('channel')
      if (!atLeast(member.role, 'host')) throw forbidden('only hosts archive channels')
      if (conv.id === GENERAL) throw badRequest('#general cannot be archived', 'archived')
      const changed = (await app.store.setArchived(member.workspaceId, conv.id, request.body.archived))!
      await announce(member.workspaceId, changed)
      return toWire(changed)
    })

  app.post(`${base}/conversations/:conversationId/members`, { preHandler: authenticate, schema: { summary: 'Join a public channel, or invite people to a private one', params: ConversationParamsSchema, body: AddMembersBodySchema, response: { 200: ConversationSchema, ...errors } } },
    async (request) => {
      const { member } = inWorkspace(request, request.params.workspaceId)
      const { conv, joined } = await seeConversation(app, member, request.params.conversationId)
      if (conv.kind !== 'channel' || conv.id === GENERAL) throw badRequest(conv.id === GENERAL ? 'everyone belongs to #general' : 'only channels take people in', 'members')
      const people = [...new Set(request.body.members)]
      const others = people.filter((id) => id !== member.id)
      if (others.length && !joined) throw forbidden('join the channel before inviting others')
      if (others.length && !conv.private && !atLeast(member.role, 'host')) throw forbidden('people join a public channel themselves')
      await checkPeople(member.workspaceId, people)
      const changed = (await app.store.addConversationMembers(member.workspaceId, conv.id, people, app.now()))!
      await announce(member.workspaceId, changed)
      return toWire(changed)
    })

  app.delete(`${base}/conversations/:conversationId/members/:memberId`, { preHandler: authenticate, schema: { summary: 'Leave a channel, or (hosts) take someone out', params: MemberParams, response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      const { member } = inWorkspace(request, request.params.workspaceId)
      const { conv } = await seeConversation(app, member, request.params.conversationId)
      const who = request.params.memberId
      if (conv.kind !== 'channel' || conv.id === GENERAL) throw badRequest(conv.id === GENERAL ? 'nobody leaves #general' : 'only channels can be left', 'memberId')
      if (who !== member.id && !atLeast(member.role, 'host')) throw forbidden('only hosts take others out of a channel')
      const changed = await app.store.removeConversationMember(member.workspaceId, conv.id, who)
      if (!changed) throw notFound('member of this conversation')
      // Out of a private channel: it is gone for them. A public one they still see, as not joined.
      await announce(member.workspaceId, changed, changed.private ? [who] : [])
      reply.code(204)
      return null
    })

  app.post(`${base}/dms`, { preHandler: authenticate, schema: { summary: 'The DM of exactly these people (made when new)', params: WorkspaceOnly, body: OpenDmBodySchema, response: { 200: ConversationSchema, 201: ConversationSchema, ...errors } } },
    async (request, reply) => {
      const { member } = inWorkspace(request, request.params.workspaceId, 'member')
      const people = [...new Set([member.id, ...request.body.members])].sort()
      if (people.length < 2) throw badRequest('a DM needs someone besides you', 'members')
      if (people.length > MAX_DM_MEMBERS) throw badRequest(`a DM holds at most ${MAX_DM_MEMBERS} people, you included`, 'members')
      await checkPeople(member.workspaceId, people)
      const id = dmId(people)
      const existing = await app.store.getConversation(member.workspaceId, id)
      if (existing) return toWire(existing)
      const made = await app.store.createConversation(member.workspaceId, { id, kind: 'dm', name: '', private: true, roomId: null, createdAt: app.now(), createdBy: member.id, members: people })
      if (made === 'taken') throw conflict('this DM could not be made')
      await announce(member.workspaceId, made)
      reply.code(201)
      return toWire(made)
    })

  app.put(`${base}/conversations/:conversationId/read`, { preHandler: authenticate, schema: { summary: 'Move the caller’s read marker forward', params: ConversationParamsSchema, body: ReadBodySchema, response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      const { member } = inWorkspace(request, request.params.workspaceId)
      const { conv } = await seeConversation(app, member, request.params.conversationId)
      await app.store.setReadMarker(member.workspaceId, conv.id, member.id, request.body.seq)
      reply.code(204)
      return null
    })

  app.post(`${base}/conversations/:conversationId/typing`, { preHandler: authenticate, schema: { summary: 'Tell the other readers online that the caller is typing (lossy)', params: ConversationParamsSchema, response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      const { member } = inWorkspace(request, request.params.workspaceId)
      const seen = await seeConversation(app, member, request.params.conversationId)
      // Typing is writing: only those who may post say it (a public channel takes joining first).
      if (!seen.joined) throw notJoined(seen)
      const { conv } = seen
      reply.code(204)
      const key = `${member.id}:${conv.id}`
      const now = app.now()
      // Half the interval: a client keeping to it, with some jitter, is never dropped.
      if (now - (typedAt.get(key) ?? -Infinity) < TYPING_INTERVAL_MS / 2) return null
      if (typedAt.size > 10_000) typedAt.clear()
      typedAt.set(key, now)
      const readers = (await readersOf(app, member.workspaceId, conv)).filter((id) => id !== member.id)
      deliver(app, member.workspaceId, readers, { type: 'typing', conversationId: conv.id, memberId: member.id }, { lossy: true })
      return null
    })
}

