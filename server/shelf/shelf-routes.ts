/**
 * Shelves as a whole (issue 14): how many items each shelf the caller sees holds (the marks on the
 * floor), a search over what they may see, one shelf's items, and following a shelf.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { ErrorBodySchema } from '../../protocol/errors.ts'
import { FollowingSchema, PlaceIdSchema, SHELF_LIMITS, ShelfCountsSchema, ShelfSchema, ShelfSearchQuery, ShelfSearchSchema } from '../../protocol/shelf.ts'
import { authenticate, inWorkspace } from '../auth/authenticate.ts'
import { seeShelf, shelvesSeenBy } from './access.ts'
import { summaryOf } from './notices.ts'

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema }
export const WsParams = Type.Object({ ws: Type.String({ maxLength: 64 }) })
export const ShelfParams = Type.Object({ ws: Type.String({ maxLength: 64 }), place: PlaceIdSchema })

export const shelfRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/workspaces/:ws/shelves', {
    preHandler: authenticate,
    schema: { summary: 'How many items each shelf you may see holds (shelves holding none are left out)', params: WsParams, response: { 200: ShelfCountsSchema, ...errors } },
  }, async (request) => {
    const { member } = inWorkspace(request, request.params.ws)
    const [seen, counts] = await Promise.all([shelvesSeenBy(app, member), app.store.shelfCounts(member.workspaceId)])
    return { shelves: counts.filter((c) => seen.has(c.placeId)) }
  })

  app.get('/api/workspaces/:ws/shelves/search', {
    preHandler: authenticate,
    schema: { summary: 'Notes (titles and text) and files (names) holding some text, on the shelves you may see', params: WsParams, querystring: ShelfSearchQuery, response: { 200: ShelfSearchSchema, ...errors } },
  }, async (request) => {
    const { member } = inWorkspace(request, request.params.ws)
    const seen = await shelvesSeenBy(app, member)
    const found = await app.store.searchShelves(member.workspaceId, [...seen.keys()], request.query.q.trim(), SHELF_LIMITS.results)
    return { results: found.map((i) => ({ item: summaryOf(i), placeName: seen.get(i.placeId)?.name ?? '' })) }
  })

  app.get('/api/workspaces/:ws/shelves/:place', {
    preHandler: authenticate,
    schema: { summary: 'A shelf: its notes and files, newest first, and what you may do there', params: ShelfParams, response: { 200: ShelfSchema, ...errors } },
  }, async (request) => {
    const { member } = inWorkspace(request, request.params.ws)
    const { place, mayAdd, moderates } = await seeShelf(app, member, request.params.place)
    const [items, followers] = await Promise.all([app.store.listShelfItems(member.workspaceId, place.id), app.store.shelfFollowers(member.workspaceId, place.id)])
    const following = followers.includes(member.id) || (place.kind === 'desk' && place.ownerId === member.id)
    return { placeId: place.id, kind: place.kind, name: place.name, following, mayAdd, moderates, items: items.map(summaryOf) }
  })

  for (const on of [true, false]) {
    app.route({
      method: on ? 'PUT' : 'DELETE',
      url: '/api/workspaces/:ws/shelves/:place/follow',
      preHandler: authenticate,
      schema: {
        summary: on ? 'Follow a shelf: hear of its comments' : 'Stop following a shelf (a desk’s owner still hears of their desk’s comments)',
        params: ShelfParams, response: { 200: FollowingSchema, ...errors },
      },
      handler: async (request) => {
        const { member } = inWorkspace(request, request.params.ws)
        const { place } = await seeShelf(app, member, request.params.place)
        await app.store.setShelfFollow(member.workspaceId, place.id, member.id, on, app.now())
        return { following: on || (place.kind === 'desk' && place.ownerId === member.id) }
      },
    })
  }
}
