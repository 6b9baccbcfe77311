/**
 * A shelf's items (issue 14): adding a note, reading an item with its comment thread, editing it
 * (a note's title and text, a file's name) and removing it, by its author, hosts or the place's
 * owner. Files are added by file-routes.ts. Every route answers 404 to whoever does not see the shelf.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import Type from 'typebox'
import { ErrorBodySchema } from '../../protocol/errors.ts'
import { EditItemBody, NewNoteBody, SHELF_LIMITS, ShelfItemIdSchema, ShelfItemSchema, ShelfItemThreadSchema } from '../../protocol/shelf.ts'
import { authenticate, inWorkspace } from '../auth/authenticate.ts'
import { newId } from '../auth/tokens.ts'
import type { BlobStore } from '../chat/blobs.ts'
import { extensionOf } from '../chat/sniff.ts'
import { badRequest, conflict, forbidden, notFound } from '../http-error.ts'
import type { ShelfItemRecord } from '../store/shelf-store.ts'
import type { MemberRecord } from '../store/store.ts'
import { mayChange, seeShelf, type SeenShelf } from './access.ts'
import { limitShelfWrites } from './limits.ts'
import { announceItem, announceItemGone, commentToWire, itemToWire } from './notices.ts'
import { ShelfParams } from './shelf-routes.ts'

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema }
export const ItemParams = Type.Object({ ...ShelfParams.properties, item: ShelfItemIdSchema })

/** The item `itemId` on the shelf `seen`, or 404. */
export async function itemOn(app: FastifyInstance, seen: SeenShelf, ws: string, itemId: string): Promise<ShelfItemRecord> {
  const item = await app.store.getShelfItem(ws, itemId)
  if (!item || item.placeId !== seen.place.id) throw notFound('item')
  return item
}

/** 403 unless `who` may change what `authorId` wrote here. */
export function mustChange(seen: SeenShelf, who: MemberRecord, authorId: string | null, what: string): void {
  if (!mayChange(seen, who, authorId)) throw forbidden(`only its author, hosts and the ${seen.place.kind}’s owner may change or remove this ${what}`)
}

export const fullShelf = () => conflict(`this shelf is full: it holds ${SHELF_LIMITS.items} items at most; remove some first`)

export const itemRoutes: FastifyPluginAsyncTypebox<{ blobs: BlobStore }> = async (app, { blobs }) => {
  app.post('/api/workspaces/:ws/shelves/:place/notes', {
    preHandler: authenticate,
    schema: { summary: 'Add a Markdown note to a shelf', params: ShelfParams, body: NewNoteBody, response: { 201: ShelfItemSchema, 409: ErrorBodySchema, 429: ErrorBodySchema, ...errors } },
  }, async (request, reply) => {
    const { member } = inWorkspace(request, request.params.ws)
    const seen = await seeShelf(app, member, request.params.place)
    if (!seen.mayAdd) throw forbidden(seen.place.kind === 'desk' ? 'only the desk’s owner and hosts add to this desk’s shelf' : 'guests read and comment on shelves, and do not add to them')
    await limitShelfWrites(app, member, 'write')
    const ws = member.workspaceId
    const made = await app.store.addShelfItem(ws, {
      id: newId('shi', 16), placeId: seen.place.id, kind: 'note', title: request.body.title.trim(), body: request.body.body, file: null, authorId: member.id, createdAt: app.now(),
    }, SHELF_LIMITS.items)
    if (made === 'full') throw fullShelf()
    announceItem(app, ws, seen.place, made)
    reply.code(201)
    return itemToWire(made)
  })

  app.get('/api/workspaces/:ws/shelves/:place/items/:item', {
    preHandler: authenticate,
    schema: { summary: 'An item with its text and its comments, oldest first', params: ItemParams, response: { 200: ShelfItemThreadSchema, ...errors } },
  }, async (request) => {
    const { member } = inWorkspace(request, request.params.ws)
    const seen = await seeShelf(app, member, request.params.place)
    const item = await itemOn(app, seen, member.workspaceId, request.params.item)
    return { item: itemToWire(item), comments: (await app.store.listShelfComments(member.workspaceId, item.id)).map(commentToWire) }
  })

  app.patch('/api/workspaces/:ws/shelves/:place/items/:item', {
    preHandler: authenticate,
    schema: { summary: 'Edit a note’s title and text, or rename a file (keeping its extension)', params: ItemParams, body: EditItemBody, response: { 200: ShelfItemSchema, 429: ErrorBodySchema, ...errors } },
  }, async (request) => {
    const { member } = inWorkspace(request, request.params.ws)
    const seen = await seeShelf(app, member, request.params.place)
    const item = await itemOn(app, seen, member.workspaceId, request.params.item)
    mustChange(seen, member, item.authorId, item.kind)
    await limitShelfWrites(app, member, 'write')
    const title = request.body.title?.trim()
    if (item.kind === 'file') {
      if (request.body.body !== undefined) throw badRequest('a file has no text to edit; only its name changes', 'body')
      if (title !== undefined && extensionOf(title) !== extensionOf(item.title)) throw badRequest(`a file keeps its extension: the name ends in .${extensionOf(item.title)}`, 'title')
    }
    const changed = await app.store.updateShelfItem(member.workspaceId, item.id, { ...(title !== undefined ? { title } : {}), ...(request.body.body !== undefined ? { body: request.body.body } : {}) }, app.now())
    if (!changed) throw notFound('item')
    announceItem(app, member.workspaceId, seen.place, changed)
    return itemToWire(changed)
  })

  app.delete('/api/workspaces/:ws/shelves/:place/items/:item', {
    preHandler: authenticate,
    schema: { summary: 'Remove an item and its comments', params: ItemParams, response: { 204: Type.Null(), 429: ErrorBodySchema, ...errors } },
  }, async (request, reply) => {
    const { member } = inWorkspace(request, request.params.ws)
    const seen = await seeShelf(app, member, request.params.place)
    const item = await itemOn(app, seen, member.workspaceId, request.params.item)
    mustChange(seen, member, item.authorId, item.kind)
    await limitShelfWrites(app, member, 'write')
    if (await app.store.deleteShelfItem(member.workspaceId, item.id)) {
      announceItemGone(app, member.workspaceId, seen.place, item.id)
      // A file's bytes go with it.
      if (item.file) await blobs.delete(item.file.storageKey)
    }
    return reply.code(204).send(null)
  })
}
