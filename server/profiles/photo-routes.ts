/**
 * Profile photos: PUT takes the raw bytes (whatever content-type the sender claims), keeps only
 * the square re-encoded by photo.ts, under a new key and version; GET serves it to anyone in the
 * workspace (guests see avatars too) with headers that stop a browser from sniffing or running it.
 * The URL carries the version, so that a new photo is a new URL and an old one may be cached for good.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { WorkspaceParams } from '../../protocol/api.ts'
import { ErrorBodySchema, errorCodes } from '../../protocol/errors.ts'
import { MemberIdSchema } from '../../protocol/floor/records.ts'
import { PROFILE_LIMITS, PhotoSchema, photoPath } from '../../protocol/profiles.ts'
import { authenticate, inWorkspace } from '../auth/authenticate.ts'
import { newId } from '../auth/tokens.ts'
import type { BlobStore } from '../chat/blobs.ts'
import { HttpError, notFound } from '../http-error.ts'
import { PHOTO_TYPE, processPhoto } from './photo.ts'

const errors = { 400: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema, 413: ErrorBodySchema, 415: ErrorBodySchema, 429: ErrorBodySchema }

export const photoRoutes: FastifyPluginAsyncTypebox<{ blobs: BlobStore }> = async (app, { blobs }) => {
  // Here only (this plugin's scope): every body is bytes, whatever it claims to be.
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: PROFILE_LIMITS.photoBytes }, (_request, body, done) => done(null, body))

  app.put('/api/workspaces/:ws/profile/photo', {
    preHandler: authenticate,
    schema: { summary: 'Upload your photo (raw PNG, JPEG or WebP bytes; stored as a 256 px square)', params: WorkspaceParams, response: { 200: PhotoSchema, ...errors } },
  }, async (request) => {
    const { member } = inWorkspace(request, request.params.ws, 'member')
    const now = app.now()
    const hits = await app.store.countHit(`photo:${member.workspaceId}:${member.id}`, PROFILE_LIMITS.photoRate.windowMs, now)
    if (hits.count > PROFILE_LIMITS.photoRate.limit) {
      throw new HttpError(429, { error: errorCodes.rateLimited, message: `too many photo uploads; wait ${Math.ceil((hits.resetAt - now) / 60_000)} min`, until: hits.resetAt })
    }
    const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0)
    const image = await processPhoto(bytes)
    const photo = { key: newId('photo', 24), version: newId('v', 10).slice(2) }
    await blobs.put(photo.key, image)
    const result = await app.store.setPhoto(member.workspaceId, member.id, photo, app.now())
    if (result === 'no-member') throw notFound('member')
    // The photo it replaces is no longer served: its bytes go.
    if (result.replaced) await blobs.delete(result.replaced)
    return { photoUrl: photoPath(member.workspaceId, member.id, photo.version) }
  })

  app.delete('/api/workspaces/:ws/profile/photo', {
    preHandler: authenticate,
    schema: { summary: 'Remove your photo', params: WorkspaceParams, response: { 200: PhotoSchema, ...errors } },
  }, async (request) => {
    const { member } = inWorkspace(request, request.params.ws, 'member')
    const result = await app.store.setPhoto(member.workspaceId, member.id, null, app.now())
    if (result === 'no-member') throw notFound('member')
    if (result.replaced) await blobs.delete(result.replaced)
    return { photoUrl: null }
  })

  app.get('/api/workspaces/:ws/photos/:memberId', {
    preHandler: authenticate,
    schema: {
      summary: 'A member’s photo (the re-encoded image; `v` is its version)',
      params: Type.Object({ ws: WorkspaceParams.properties.ws, memberId: MemberIdSchema }),
      querystring: Type.Object({ v: Type.Optional(Type.String({ maxLength: 40 })) }),
      response: { 404: ErrorBodySchema },
    },
  }, async (request, reply) => {
    const { member } = inWorkspace(request, request.params.ws, 'guest')
    const photo = await app.store.photoOf(member.workspaceId, request.params.memberId)
    const bytes = photo && (await blobs.get(photo.key))
    if (!photo || !bytes) throw notFound('photo')
    reply
      .header('content-type', PHOTO_TYPE)
      .header('x-content-type-options', 'nosniff')
      .header('content-disposition', 'inline; filename="photo.webp"')
      .header('content-security-policy', "sandbox; default-src 'none'")
      // The current version's URL never changes meaning; any other asks again next time.
      .header('cache-control', request.query.v === photo.version ? 'private, max-age=31536000, immutable' : 'private, no-cache')
    return reply.send(bytes as never)
  })
}
