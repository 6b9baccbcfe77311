/**
 * Live shelf notices (issue 14): after a change has committed, the record itself goes to the lobby
 * connections of those who see the shelf (LiveKit sendData with destination identities), never
 * awaited by the request. A comment goes as an alert to the desk's owner and the shelf's followers
 * who still see it, never to its writer. A notice that cannot be sent is logged and dropped:
 * clients read the shelf again when they open it.
 */
import type { FastifyInstance } from 'fastify'
import { MAX_SHELF_NOTICE_BYTES, SHELF_TOPIC, type ShelfComment, type ShelfItem, type ShelfItemSummary, type ShelfNotice } from '../../protocol/shelf.ts'
import type { ShelfCommentRecord, ShelfItemRecord } from '../store/shelf-store.ts'
import { shelfReaders, type ShelfPlace } from './access.ts'

export const summaryOf = (i: ShelfItemRecord): ShelfItemSummary => ({
  id: i.id, placeId: i.placeId, kind: i.kind, title: i.title, authorId: i.authorId, createdAt: i.createdAt, updatedAt: i.updatedAt, comments: i.comments,
  file: i.file ? { type: i.file.type, size: i.file.size } : null,
})
export const itemToWire = (i: ShelfItemRecord): ShelfItem => ({ ...summaryOf(i), body: i.body })
export const commentToWire = (c: ShelfCommentRecord): ShelfComment => ({ ...c })

function send(app: FastifyInstance, ws: string, to: readonly string[], notice: ShelfNotice): void {
  if (to.length === 0) return
  if (Buffer.byteLength(JSON.stringify(notice)) > MAX_SHELF_NOTICE_BYTES) {
    app.log.warn({ workspaceId: ws, type: notice.type }, 'shelf notice too large to send live; clients read the shelf again')
    return
  }
  void app.rooms.sendToMembers(ws, to, SHELF_TOPIC, notice).catch((err: unknown) => app.log.warn({ err, workspaceId: ws }, 'could not send a shelf notice'))
}

/** Runs `work` after the answer, logging what fails: a notice never holds up or fails a request. */
const later = (app: FastifyInstance, work: () => Promise<void>) => {
  void work().catch((err: unknown) => app.log.warn({ err }, 'could not announce a shelf change'))
}

const countOn = async (app: FastifyInstance, ws: string, placeId: string) => (await app.store.shelfCounts(ws)).find((c) => c.placeId === placeId)?.items ?? 0

/** An item added or changed (its count of comments too), with its shelf's count, to those who see the shelf. */
export function announceItem(app: FastifyInstance, ws: string, place: ShelfPlace, item: ShelfItemRecord): void {
  later(app, async () => send(app, ws, await shelfReaders(app, ws, place), { type: 'item', item: summaryOf(item), items: await countOn(app, ws, place.id) }))
}

export function announceItemGone(app: FastifyInstance, ws: string, place: ShelfPlace, itemId: string): void {
  later(app, async () => send(app, ws, await shelfReaders(app, ws, place), { type: 'item-gone', placeId: place.id, itemId, items: await countOn(app, ws, place.id) }))
}

/** Who hears of a comment: the desk's owner and the shelf's followers who see it, never its writer. */
export async function notified(app: FastifyInstance, ws: string, place: ShelfPlace, writerId: string): Promise<string[]> {
  const followers = await app.store.shelfFollowers(ws, place.id)
  const wanted = new Set(place.kind === 'desk' && place.ownerId ? [place.ownerId, ...followers] : followers)
  wanted.delete(writerId)
  if (wanted.size === 0) return []
  return (await shelfReaders(app, ws, place)).filter((id) => wanted.has(id))
}

export function announceComment(app: FastifyInstance, ws: string, place: ShelfPlace, item: ShelfItemRecord, comment: ShelfCommentRecord): void {
  later(app, async () => {
    const to = await notified(app, ws, place, comment.authorId ?? '')
    send(app, ws, to, { type: 'comment', placeId: place.id, placeName: place.name, item: { id: item.id, title: item.title, kind: item.kind }, comment: commentToWire(comment) })
  })
}
