/**
 * Attachments: POST /attachments takes the raw bytes (whatever content-type the sender claims),
 * finds their type from the content, refuses a type that is not allowed or that the file name's
 * extension does not match (415 naming the type found), and keeps the bytes in the BlobStore.
 * GET serves them only to readers of the conversation of a message that carries them (and to
 * the uploader before that), with headers that stop a browser from running or sniffing them.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { AttachmentParamsSchema, AttachmentSchema, MAX_ATTACHMENT_BYTES, UploadQuerySchema } from '../../protocol/chat.ts'
import { ErrorBodySchema, errorCodes } from '../../protocol/errors.ts'
import { authenticate, inWorkspace } from '../auth/authenticate.ts'
import { newId } from '../auth/tokens.ts'
import { HttpError, badRequest, notFound } from '../http-error.ts'
import type { BlobStore } from './blobs.ts'
import { seeConversation } from './conversations.ts'
import { extensionOf, sniff } from './sniff.ts'

const base = '/api/workspaces/:workspaceId/chat'
const unsupported = (message: string) => new HttpError(415, { error: errorCodes.badRequest, message, field: 'body' })

/** A file name for content-disposition: ASCII fallback plus the exact name, RFC 6266 / 5987. */
const disposition = (kind: 'inline' | 'attachment', name: string) =>
  `${kind}; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`

export const attachmentRoutes: FastifyPluginAsyncTypebox<{ blobs: BlobStore }> = async (app, { blobs }) => {
  // Here only: every body is bytes, whatever it claims to be.
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES }, (_request, body, done) => done(null, body))

  app.post(`${base}/attachments`, {
    preHandler: authenticate,
    schema: { summary: 'Upload an attachment (raw bytes; the type is found from the content)', params: Type.Object({ workspaceId: Type.String() }), querystring: UploadQuerySchema, response: { 201: AttachmentSchema, 400: ErrorBodySchema, 404: ErrorBodySchema, 413: ErrorBodySchema, 415: ErrorBodySchema } },
  }, async (request, reply) => {
    const { member } = inWorkspace(request, request.params.workspaceId, 'member')
    const bytes = request.body as Buffer | undefined
    if (!Buffer.isBuffer(bytes) || bytes.length === 0) throw badRequest('the body holds the file’s bytes, and it is empty', 'body')
    const name = request.query.name.trim()
    // eslint-disable-next-line no-control-regex -- control characters are what it refuses
    if (!name || /[\\/\u0000-\u001f]/.test(name)) throw badRequest('name is a file name, without folders or control characters', 'name')
    const found = sniff(bytes)
    if (!found) throw unsupported('this kind of file cannot be attached (allowed: PNG, JPEG, GIF, WebP, PDF, ZIP, plain text)')
    if (!found.extensions.includes(extensionOf(name))) {
      throw unsupported(`the content is ${found.type.split(';')[0]}, which the name ${name} does not match (expected .${found.extensions.join(', .')})`)
    }
    const id = newId('att', 20)
    const storageKey = newId('blob', 24).slice(5)
    await blobs.put(storageKey, bytes)
    const attachment = { id, name, type: found.type, size: bytes.length, ...(found.width ? { width: found.width, height: found.height! } : {}) }
    await app.store.createAttachment({ ...attachment, workspaceId: member.workspaceId, uploaderId: member.id, storageKey, createdAt: app.now() })
    reply.code(201)
    return attachment
  })

  app.get(`${base}/attachments/:attachmentId`, {
    preHandler: authenticate,
    schema: { summary: 'An attachment’s bytes, to readers of its message', params: AttachmentParamsSchema, response: { 404: ErrorBodySchema } },
  }, async (request, reply) => {
    const { member } = inWorkspace(request, request.params.workspaceId)
    const att = await app.store.getAttachment(member.workspaceId, request.params.attachmentId)
    if (!att) throw notFound('attachment')
    if (att.messageId === null) {
      if (att.uploaderId !== member.id) throw notFound('attachment')
    } else {
      const message = await app.store.getMessage(member.workspaceId, att.messageId)
      if (!message || message.deleted) throw notFound('attachment')
      await seeConversation(app, member, message.conversationId).catch(() => {
        throw notFound('attachment')
      })
    }
    const bytes = await blobs.get(att.storageKey)
    if (!bytes) throw notFound('attachment')
    const image = att.type.startsWith('image/')
    reply
      .header('content-type', att.type)
      .header('x-content-type-options', 'nosniff')
      .header('content-disposition', disposition(image ? 'inline' : 'attachment', att.name))
      .header('content-security-policy', "sandbox; default-src 'none'")
      .header('cache-control', 'private, max-age=31536000, immutable')
    return reply.send(bytes as never)
  })
}

