/**
 * Comment threads beside each item (issue 14): whoever sees the shelf comments (guests too, on the
 * rooms they may enter); a comment is edited or removed by its writer, hosts or the place's owner.
 * A new comment reaches the desk's owner and the shelf's followers live (notices.ts).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { ErrorBodySchema } from '../../protocol/errors.ts'
import { CommentBody, SHELF_LIMITS, ShelfCommentIdSchema, ShelfCommentSchema } from '../../protocol/shelf.ts'
import { authenticate, inWorkspace } from '../auth/authenticate.ts'
import { newId } from '../auth/tokens.ts'
import { conflict, notFound } from '../http-error.ts'
import { seeShelf } from './access.ts'
import { itemOn, ItemParams, mustChange } from './item-routes.ts'
import { limitShelfWrites } from './limits.ts'
import { announceComment, announceItem, commentToWire } from './notices.ts'

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema }
const CommentParams = Type.Object({ ...ItemParams.properties, comment: ShelfCommentIdSchema })

export const commentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post('/api/workspaces/:ws/shelves/:place/items/:item/comments', {
    preHandler: authenticate,
    schema: { summary: 'Comment on an item (the desk’s owner and the shelf’s followers hear of it)', params: ItemParams, body: CommentBody, response: { 201: ShelfCommentSchema, 409: ErrorBodySchema, 429: ErrorBodySchema, ...errors } },
  }, async (request, reply) => {
    const { member } = inWorkspace(request, request.params.ws)
    const ws = member.workspaceId
    const seen = await seeShelf(app, member, request.params.place)
    const item = await itemOn(app, seen, ws, request.params.item)
    await limitShelfWrites(app, member, 'write')
    const made = await app.store.addShelfComment(ws, { id: newId('shc', 16), itemId: item.id, authorId: member.id, body: request.body.body.trim(), createdAt: app.now() }, SHELF_LIMITS.comments)
    if (made === null) throw notFound('item')
    if (made === 'full') throw conflict(`this item has ${SHELF_LIMITS.comments} comments, the most it keeps`)
    const now = await app.store.getShelfItem(ws, item.id)
    if (now) announceItem(app, ws, seen.place, now)
    announceComment(app, ws, seen.place, item, made)
    reply.code(201)
    return commentToWire(made)
  })

  app.patch('/api/workspaces/:ws/shelves/:place/items/:item/comments/:comment', {
    preHandler: authenticate,
    schema: { summary: 'Edit a comment', params: CommentParams, body: CommentBody, response: { 200: ShelfCommentSchema, 429: ErrorBodySchema, ...errors } },
  }, async (request) => {
    const { member } = inWorkspace(request, request.params.ws)
    const ws = member.workspaceId
    const seen = await seeShelf(app, member, request.params.place)
    const item = await itemOn(app, seen, ws, request.params.item)
    const comment = await app.store.getShelfComment(ws, request.params.comment)
    if (!comment || comment.itemId !== item.id) throw notFound('comment')
    mustChange(seen, member, comment.authorId, 'comment')
    await limitShelfWrites(app, member, 'write')
    const changed = await app.store.updateShelfComment(ws, comment.id, request.body.body.trim(), app.now())
    if (!changed) throw notFound('comment')
    return commentToWire(changed)
  })

  app.delete('/api/workspaces/:ws/shelves/:place/items/:item/comments/:comment', {
    preHandler: authenticate,
    schema: { summary: 'Remove a comment', params: CommentParams, response: { 204: Type.Null(), 429: ErrorBodySchema, ...errors } },
  }, async (request, reply) => {
    const { member } = inWorkspace(request, request.params.ws)
    const ws = member.workspaceId
    const seen = await seeShelf(app, member, request.params.place)
    const item = await itemOn(app, seen, ws, request.params.item)
    const comment = await app.store.getShelfComment(ws, request.params.comment)
    if (!comment || comment.itemId !== item.id) throw notFound('comment')
    mustChange(seen, member, comment.authorId, 'comment')
    await limitShelfWrites(app, member, 'write')
    if (await app.store.deleteShelfComment(ws, comment.id)) {
      const now = await app.store.getShelfItem(ws, item.id)
      if (now) announceItem(app, ws, seen.place, now)
    }
    return reply.code(204).send(null)
  })
}
