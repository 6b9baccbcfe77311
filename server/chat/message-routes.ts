/**
 * Message routes under /api/workspaces/:workspaceId/chat: history, posting (idempotent by
 * clientId, rate-limited per member), edits, deletions, reactions, catch-up and search. Every
 * change is told live to the conversation's readers once it has committed.
 */
import type { FastifyInstance } from 'fastify'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import {
  CATCH_UP_LIMIT, CatchUpQuerySchema, CatchUpSchema, ConversationParamsSchema, EditMessageBodySchema, HistoryQuerySchema, MESSAGE_PAGE, MESSAGE_RATE,
  MessagePageSchema, MessageParamsSchema, MessageSchema, PostMessageBodySchema, ReactionParamsSchema, SearchQuerySchema, SearchResultsSchema,
  messageReactions, type Message,
} from '../../protocol/chat.ts'
import { resolveMentions } from '../../protocol/chat-mentions.ts'
import { ErrorBodySchema, errorCodes } from '../../protocol/errors.ts'
import { atLeast } from '../../protocol/rules.ts'
import { authenticate, inWorkspace } from '../auth/authenticate.ts'
import { newId } from '../auth/tokens.ts'
import { HttpError, badRequest, forbidden, notFound } from '../http-error.ts'
import type { MemberRecord } from '../store/store.ts'
import { notJoined, readableBy, readersOf, seeConversation, toWire, type Seen } from './conversations.ts'
import { deliver } from './deliver.ts'

const base = '/api/workspaces/:workspaceId/chat'
const WorkspaceOnly = Type.Object({ workspaceId: Type.String() })
const errors = { 400: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema }

const archived = () => forbidden('this channel is archived: it can be read, not written to', 'archived')

/** Mentions as the server resolves them, against the names of the workspace's members. */
async function mentionsIn(app: FastifyInstance, ws: string, body: string) {
  const people = (await app.store.listMembers(ws)).filter((m) => m.removingSince == null)
  return resolveMentions(body, people)
}

/** The message and its conversation, if the caller may read it; 404 otherwise. */
async function seeMessage(app: FastifyInstance, who: MemberRecord, messageId: string): Promise<{ message: Message; seen: Seen }> {
  const message = await app.store.getMessage(who.workspaceId, messageId)
  if (!message) throw notFound('message')
  const seen = await seeConversation(app, who, message.conversationId).catch(() => {
    throw notFound('message')
  })
  return { message, seen }
}

export const messageRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tell = async (ws: string, seen: Seen, messages: readonly (Message | null)[]) => {
    const readers = await readersOf(app, ws, seen.conv)
    for (const message of messages) if (message) deliver(app, ws, readers, { type: 'message', message })
  }

  app.get(`${base}/conversations/:conversationId/messages`, { preHandler: authenticate, schema: { summary: 'A page of history, oldest first', params: ConversationParamsSchema, querystring: HistoryQuerySchema, response: { 200: MessagePageSchema, ...errors } } },
    async (request) => {
      const { member } = inWorkspace(request, request.params.workspaceId)
      const { conv } = await seeConversation(app, member, request.params.conversationId)
      const { before, thread, limit = MESSAGE_PAGE } = request.query
      const page = await app.store.history(member.workspaceId, conv.id, { ...(before !== undefined ? { before } : {}), thread: thread ?? null, limit })
      if (!thread) return page
      const parent = await app.store.getMessage(member.workspaceId, thread)
      return parent && parent.conversationId === conv.id && parent.threadId === null ? { ...page, parent } : page
    })

  app.post(`${base}/conversations/:conversationId/messages`, {
    preHandler: authenticate,
    schema: { summary: 'Post a message (201; 200 with the same message for a clientId sent before)', params: ConversationParamsSchema, body: PostMessageBodySchema, response: { 200: MessageSchema, 201: MessageSchema, 429: ErrorBodySchema, ...errors } },
  }, async (request, reply) => {
    const { member } = inWorkspace(request, request.params.workspaceId)
    const seen = await seeConversation(app, member, request.params.conversationId)
    const { clientId, body, threadId = null, attachments = [] } = request.body
    if (!body.trim() && attachments.length === 0) throw badRequest('a message needs some text or an attachment', 'body')
    if (!seen.joined) throw notJoined(seen)
    if (seen.conv.archived) throw archived()
    const now = app.now()
    const hits = await app.store.countHit(`chat:${member.workspaceId}:${member.id}`, MESSAGE_RATE.windowMs, now)
    if (hits.count > MESSAGE_RATE.limit) {
      const seconds = Math.ceil((hits.resetAt - now) / 1000)
      throw new HttpError(429, { error: errorCodes.rateLimited, message: `you are sending messages too fast; wait ${seconds} s`, until: hits.resetAt })
    }
    const out = await app.store.postMessage(member.workspaceId, {
      id: newId('msg', 16), conversationId: seen.conv.id, authorId: member.id, clientId, body, threadId, createdAt: now, attachments,
      ...(await mentionsIn(app, member.workspaceId, body)),
    })
    if (out.kind === 'duplicate') return out.message
    if (out.kind === 'no-thread') throw badRequest('threadId is not a message of this conversation to reply to', 'threadId')
    if (out.kind === 'bad-attachment') throw badRequest(`attachment ${out.id} is not one you uploaded and have not posted`, 'attachments')
    await tell(member.workspaceId, seen, [out.message, out.parent])
    reply.code(201)
    return out.message
  })

  app.patch(`${base}/messages/:messageId`, { preHandler: authenticate, schema: { summary: 'Edit your message', params: MessageParamsSchema, body: EditMessageBodySchema, response: { 200: MessageSchema, ...errors } } },
    async (request) => {
      const { member } = inWorkspace(request, request.params.workspaceId)
      const { message, seen } = await seeMessage(app, member, request.params.messageId)
      if (message.authorId !== member.id) throw forbidden('only its author edits a message')
      if (seen.conv.archived) throw archived()
      if (message.deleted) throw notFound('message')
      const edited = await app.store.editMessage(member.workspaceId, message.id, { body: request.body.body, at: app.now(), ...(await mentionsIn(app, member.workspaceId, request.body.body)) })
      if (!edited) throw notFound('message')
      await tell(member.workspaceId, seen, [edited])
      return edited
    })

  app.delete(`${base}/messages/:messageId`, { preHandler: authenticate, schema: { summary: 'Delete a message (its author, or a host)', params: MessageParamsSchema, response: { 200: MessageSchema, ...errors } } },
    async (request) => {
      const { member } = inWorkspace(request, request.params.workspaceId)
      const { message, seen } = await seeMessage(app, member, request.params.messageId)
      if (message.authorId !== member.id && !atLeast(member.role, 'host')) throw forbidden('only its author or a host deletes a message')
      if (seen.conv.archived) throw archived()
      if (message.deleted) return message
      const deleted = (await app.store.deleteMessage(member.workspaceId, message.id, app.now()))!
      const parent = deleted.threadId ? await app.store.getMessage(member.workspaceId, deleted.threadId) : null
      await tell(member.workspaceId, seen, [deleted, parent])
      return deleted
    })

  for (const method of ['PUT', 'DELETE'] as const) {
    app.route({
      method, url: `${base}/messages/:messageId/reactions/:reaction`, preHandler: authenticate,
      schema: { summary: method === 'PUT' ? 'React to a message' : 'Take back a reaction', params: ReactionParamsSchema, response: { 200: MessageSchema, ...errors } },
      handler: async (request) => {
        const { member } = inWorkspace(request, request.params.workspaceId)
        const reaction = request.params.reaction
        if (!(messageReactions as readonly string[]).includes(reaction)) throw badRequest(`reaction must be one of ${messageReactions.join(' ')}`, 'reaction')
        const { message, seen } = await seeMessage(app, member, request.params.messageId)
        if (seen.conv.archived) throw archived()
        if (!seen.joined) throw notJoined(seen)
        const after = await app.store.react(member.workspaceId, message.id, member.id, reaction, method === 'PUT')
        if (!after) throw notFound('message')
        if (after.seq !== message.seq) await tell(member.workspaceId, seen, [after])
        return after
      },
    })
  }

  app.get(`${base}/events`, { preHandler: authenticate, schema: { summary: 'Every change the caller can read after a seq', params: WorkspaceOnly, querystring: CatchUpQuerySchema, response: { 200: CatchUpSchema, 404: ErrorBodySchema } } },
    async (request) => {
      const { member } = inWorkspace(request, request.params.workspaceId)
      const ws = member.workspaceId
      const since = request.query.since
      const page = await app.store.messagesSince(ws, since, CATCH_UP_LIMIT)
      // Messages only of what they belong to: public channels they have not joined are read on opening.
      const readable = await readableBy(app, member)
      const mine = new Set(readable.filter((s) => s.joined).map((s) => s.conv.id))
      const listed = new Set(readable.map((s) => s.conv.id))
      const changed = (await app.store.conversationsSince(ws, since)).filter((c) => c.seq <= page.seq && c.kind !== 'room' && listed.has(c.id))
      const gone = (await app.store.departuresSince(ws, member.id, since)).filter((id) => !listed.has(id))
      return {
        messages: page.messages.filter((m) => mine.has(m.conversationId)),
        conversations: changed.map(toWire),
        gone,
        seq: page.seq,
        more: page.more,
      }
    })

  app.get(`${base}/search`, { preHandler: authenticate, schema: { summary: 'Messages the caller can read that match, newest first', params: WorkspaceOnly, querystring: SearchQuerySchema, response: { 200: SearchResultsSchema, 404: ErrorBodySchema } } },
    async (request) => {
      const { member } = inWorkspace(request, request.params.workspaceId)
      const ids = (await readableBy(app, member)).map((s) => s.conv.id)
      return { messages: await app.store.searchMessages(member.workspaceId, request.query.q, ids, request.query.limit ?? 20) }
    })
}

