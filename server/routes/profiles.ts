/** Issue 13: the profiles routes — the directory (server/profiles/directory-routes.ts) and photos (photo-routes.ts, bytes in its own scope). */
import type { FastifyPluginAsync } from 'fastify'
import type { BlobStore } from '../chat/blobs.ts'
import { directoryRoutes } from '../profiles/directory-routes.ts'
import { photoRoutes } from '../profiles/photo-routes.ts'

const profiles: FastifyPluginAsync<{ blobs: BlobStore }> = async (app, { blobs }) => {
  await app.register(directoryRoutes)
  await app.register(photoRoutes, { blobs })
}

export default profiles
