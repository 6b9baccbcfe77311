/**
 * Messaging (issue 12), under /api/workspaces/:workspaceId/chat: conversations, messages and
 * attachments (server/chat/*). The wire contract is protocol/chat.ts.
 */
import type { FastifyPluginAsync } from 'fastify'
import { attachmentRoutes } from '../chat/attachment-routes.ts'
import type { BlobStore } from '../chat/blobs.ts'
import { conversationRoutes } from '../chat/conversation-routes.ts'
import { messageRoutes } from '../chat/message-routes.ts'

const chat: FastifyPluginAsync<{ blobs: BlobStore }> = async (app, { blobs }) => {
  await app.register(conversationRoutes)
  await app.register(messageRoutes)
  // Its own scope: it reads every body as bytes.
  await app.register(attachmentRoutes, { blobs })
}

export default chat
