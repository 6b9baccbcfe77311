/**
 * Files on a shelf (issue 14), kept as chat attachments are: the raw bytes in the BlobStore (disk or
 * S3), their type found from the content (file-type.ts). Up to 25 MB: a larger one is refused with
 * 413 naming the limit, before its bytes are read when its length is announced. Who may not see the
 * shelf gets 404 before anything else, its body unread. Downloads carry headers that stop a browser
 * from running or sniffing them.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyError, FastifyRequest } from 'fastify'
import { ErrorBodySchema, errorCodes } from '../../protocol/errors.ts'
import { FileQuery, SHELF_LIMITS, ShelfItemSchema } from '../../protocol/shelf.ts'
import { authenticate, inWorkspace } from '../auth/authenticate.ts'
import { newId } from '../auth/tokens.ts'
import type { BlobStore } from '../chat/blobs.ts'
import { HttpError, badRequest, forbidden, notFound } from '../http-error.ts'
import { seeShelf, type SeenShelf } from './access.ts'
import { fileTypeOf } from './file-type.ts'
import { limitShelfWrites } from './limits.ts'
import { fullShelf, itemOn, ItemParams } from './item-routes.ts'
import { announceItem, itemToWire } from './notices.ts'
import { ShelfParams } from './shelf-routes.ts'

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema }
const tooLarge = () => new HttpError(413, { error: errorCodes.tooLarge, message: 'files on a shelf go up to 25 MB; this one is larger', field: 'body' })
const unsupported = (message: string) => new HttpError(415, { error: errorCodes.badRequest, message, field: 'body' })

/** A file name for content-disposition: ASCII fallback plus the exact name, RFC 6266 / 5987. */
const disposition = (name: string) => `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`

export const fileRoutes: FastifyPluginAsyncTypebox<{ blobs: BlobStore }> = async (app, { blobs }) => {
  // Here only: every body is bytes, whatever it claims to be.
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: SHELF_LIMITS.fileBytes }, (_request, body, done) => done(null, body))
  // A body that outgrows the limit while read (no length announced): the same 413 naming it; anything else goes to the app's handler.
  app.setErrorHandler((error: FastifyError) => {
    throw error.statusCode === 413 && !(error instanceof HttpError) ? tooLarge() : error
  })

  const seenFor = new WeakMap<FastifyRequest, SeenShelf>()

  app.post('/api/workspaces/:ws/shelves/:place/files', {
    // Before the body is read: who may not see the shelf learns nothing, and a file announced too large is not read.
    onRequest: [authenticate, async (request) => {
      const params = request.params as { ws: string; place: string }
      const { member } = inWorkspace(request, params.ws)
      const seen = await seeShelf(app, member, params.place)
      if (!seen.mayAdd) throw forbidden(seen.place.kind === 'desk' ? 'only the desk’s owner and hosts add to this desk’s shelf' : 'guests read and comment on shelves, and do not add to them')
      if (Number(request.headers['content-length'] ?? 0) > SHELF_LIMITS.fileBytes) throw tooLarge()
      await limitShelfWrites(app, member, 'file')
      seenFor.set(request, seen)
    }],
    schema: {
      summary: 'Add a file to a shelf (raw bytes, up to 25 MB; the type is found from the content)', params: ShelfParams, querystring: FileQuery,
      response: { 201: ShelfItemSchema, 409: ErrorBodySchema, 413: ErrorBodySchema, 415: ErrorBodySchema, 429: ErrorBodySchema, ...errors },
    },
  }, async (request, reply) => {
    const { member } = inWorkspace(request, request.params.ws)
    const seen = seenFor.get(request) ?? (await seeShelf(app, member, request.params.place))
    const bytes = request.body as Buffer | undefined
    if (!Buffer.isBuffer(bytes) || bytes.length === 0) throw badRequest('the body holds the file’s bytes, and it is empty', 'body')
    const name = request.query.name.trim()
    if (/[\\/]/.test(name)) throw badRequest('name is a file name, without folders', 'name')
    const found = fileTypeOf(bytes, name)
    if (!found.ok) throw unsupported(found.message)
    const storageKey = newId('blob', 24).slice(5)
    // The bytes first: a failed upload leaves no item behind; and an item not made leaves no bytes.
    await blobs.put(storageKey, bytes)
    const made = await app.store
      .addShelfItem(member.workspaceId, {
        id: newId('shi', 16), placeId: seen.place.id, kind: 'file', title: name, body: '', file: { storageKey, type: found.type, size: bytes.length }, authorId: member.id, createdAt: app.now(),
      }, SHELF_LIMITS.items)
      .catch(async (err: unknown) => {
        await blobs.delete(storageKey).catch(() => undefined)
        throw err
      })
    if (made === 'full') {
      await blobs.delete(storageKey)
      throw fullShelf()
    }
    announceItem(app, member.workspaceId, seen.place, made)
    reply.code(201)
    return itemToWire(made)
  })

  app.get('/api/workspaces/:ws/shelves/:place/items/:item/file', {
    preHandler: authenticate,
    schema: { summary: 'A file’s bytes, as a download', params: ItemParams, response: { ...errors } },
  }, async (request, reply) => {
    const { member } = inWorkspace(request, request.params.ws)
    const seen = await seeShelf(app, member, request.params.place)
    const item = await itemOn(app, seen, member.workspaceId, request.params.item)
    if (!item.file) throw notFound('file')
    const bytes = await blobs.get(item.file.storageKey)
    if (!bytes) throw notFound('file')
    reply
      .header('content-type', item.file.type)
      .header('x-content-type-options', 'nosniff')
      .header('content-disposition', disposition(item.title))
      .header('content-security-policy', "sandbox; default-src 'none'")
      .header('cache-control', 'private, no-store')
    return reply.send(bytes as never)
  })
}
