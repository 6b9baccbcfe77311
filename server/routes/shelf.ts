/**
 * Issue 14: shelves of desks and rooms, under /api/workspaces/:ws/shelves: notes and files, their
 * comments, search, and who follows a shelf (server/shelf/*). The wire contract is protocol/shelf.ts.
 */
import type { FastifyPluginAsync } from 'fastify'
import type { BlobStore } from '../chat/blobs.ts'
import { commentRoutes } from '../shelf/comment-routes.ts'
import { fileRoutes } from '../shelf/file-routes.ts'
import { itemRoutes } from '../shelf/item-routes.ts'
import { shelfRoutes } from '../shelf/shelf-routes.ts'

const shelf: FastifyPluginAsync<{ blobs: BlobStore }> = async (app, { blobs }) => {
  await app.register(shelfRoutes)
  await app.register(itemRoutes, { blobs })
  await app.register(commentRoutes)
  // Its own scope: it reads every body as bytes, and names the 25 MB limit when one is larger.
  await app.register(fileRoutes, { blobs })
}

export default shelf
