/**
 * Issue 13: the community routes (groups, events, open events, guest links), and the sweeper that
 * removes guests when their pass ends, running from ready until the app closes.
 */
import type { FastifyPluginAsync } from 'fastify'
import type { BlobStore } from '../chat/blobs.ts'
import { eventRoutes } from '../community/event-routes.ts'
import { groupRoutes } from '../community/group-routes.ts'
import { guestLinkRoutes } from '../community/guest-link-routes.ts'
import { publicEventRoutes } from '../community/public-event-routes.ts'
import { startSweeper, type Sweeper } from '../community/sweeper.ts'

const community: FastifyPluginAsync<{ blobs: BlobStore }> = async (app) => {
  await app.register(guestLinkRoutes)
  await app.register(eventRoutes)
  await app.register(publicEventRoutes)
  await app.register(groupRoutes)
  let sweeper: Sweeper | null = null
  app.addHook('onReady', async () => {
    sweeper = startSweeper(app)
  })
  // Before onClose, where the store closes: the sweep under way finishes first.
  app.addHook('preClose', async () => {
    await sweeper?.stop()
  })
}

export default community
