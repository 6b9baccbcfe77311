/**
 * Interest groups (issue 13): anyone but a guest makes one; members join and leave; each group has
 * a private channel of its members, made and kept with the chat store (its readers hear of it live,
 * as the chat's own routes announce conversations).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import Type from 'typebox'
import { WorkspaceParams } from '../../protocol/api.ts'
import { CreateGroupBody, GroupIdSchema, GroupSchema, GroupsSchema } from '../../protocol/community.ts'
import { ErrorBodySchema } from '../../protocol/errors.ts'
import { authenticate, inWorkspace } from '../auth/authenticate.ts'
import { newId } from '../auth/tokens.ts'
import { listersOf, toWire } from '../chat/conversations.ts'
import { deliver } from '../chat/deliver.ts'
import { conflict, notFound } from '../http-error.ts'
import type { ConversationRecord } from '../store/store.ts'
import { announceGroup, groupToWire } from './notices.ts'

const errors = { 400: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema }
const GroupParams = Type.Object({ ws: Type.String(), group: GroupIdSchema })

/** A channel name from a group's name: lower-case letters, digits and '-', as chat names channels. */
export const channelNameOf = (name: string): string =>
  name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'group'

async function announceChannel(app: FastifyInstance, ws: string, conv: ConversationRecord, gone: string[] = []) {
  deliver(app, ws, await listersOf(app, ws, conv), { type: 'conversation', conversation: toWire(conv) })
  deliver(app, ws, gone, { type: 'gone', conversationId: conv.id })
}

export const groupRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/workspaces/:ws/groups',
    { preHandler: authenticate, schema: { summary: 'Interest groups (not for guests)', params: WorkspaceParams, response: { 200: GroupsSchema, ...errors } } },
    async (request) => {
      const { member } = inWorkspace(request, request.params.ws, 'member')
      return { groups: (await app.store.listGroups(member.workspaceId)).map(groupToWire) }
    },
  )

  app.post(
    '/api/workspaces/:ws/groups',
    { preHandler: authenticate, schema: { summary: 'Make an interest group, with its channel', params: WorkspaceParams, body: CreateGroupBody, response: { 201: GroupSchema, 409: ErrorBodySchema, ...errors } } },
    async (request, reply) => {
      const { member } = inWorkspace(request, request.params.ws, 'member')
      const ws = member.workspaceId
      const name = request.body.name.trim()
      const channelId = newId('ch', 16)
      const made = await app.store.createGroup(ws, { id: newId('grp', 16), name, description: request.body.description ?? '', channelId, createdBy: member.id, createdAt: app.now() })
      if (made === 'taken') throw conflict(`a group named ${name} exists already`, { field: 'name' })
      // The group's name decides the channel's; a channel of that name made elsewhere gets a suffix.
      const base = `group-${channelNameOf(name)}`.slice(0, 70)
      for (const channelName of [base, `${base}-${channelId.slice(-6).toLowerCase().replace(/[^a-z0-9]/g, 'x')}`]) {
        const conv = await app.store.createConversation(ws, { id: channelId, kind: 'channel', name: channelName, private: true, roomId: null, createdAt: app.now(), createdBy: member.id, members: [member.id] })
        if (conv === 'taken') continue
        await announceChannel(app, ws, conv)
        break
      }
      await announceGroup(app, ws, made)
      reply.code(201)
      return groupToWire(made)
    },
  )

  for (const [path, on] of [['join', true], ['leave', false]] as const) {
    app.post(
      `/api/workspaces/:ws/groups/:group/${path}`,
      { preHandler: authenticate, schema: { summary: on ? 'Join a group (and its channel)' : 'Leave a group (and its channel)', params: GroupParams, response: { 200: GroupSchema, ...errors } } },
      async (request) => {
        const { member } = inWorkspace(request, request.params.ws, 'member')
        const ws = member.workspaceId
        const group = await app.store.setGroupMember(ws, request.params.group, member.id, on, app.now())
        if (!group) throw notFound('group')
        const conv = on
          ? await app.store.addConversationMembers(ws, group.channelId, [member.id], app.now())
          : await app.store.removeConversationMember(ws, group.channelId, member.id)
        if (conv) await announceChannel(app, ws, conv, on ? [] : [member.id])
        await announceGroup(app, ws, group)
        return groupToWire(group)
      },
    )
  }
}
