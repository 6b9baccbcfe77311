/**
 * A room's whiteboard as one member may see it, and saving into it. A board is seen by whoever the
 * room's chat is read by (server/chat/access.ts readRoom: the door's rules, except locks and
 * capacity); to anyone else it does not exist (404), whether or not it does. Saving merges the
 * sent elements into the board (protocol/whiteboard.ts), so two people saving at once both keep
 * their strokes; a save that changes nothing makes no version.
 */
import type { FastifyInstance } from 'fastify'
import type { Room } from '../../protocol/floor/records.ts'
import { drawn, mergeElements, MAX_BOARD_BYTES, MAX_ELEMENTS, VERSIONS_KEPT, type Board, type Element } from '../../protocol/whiteboard.ts'
import { readRoom } from '../chat/access.ts'
import { roomsOf } from '../chat/conversations.ts'
import { entrantOf } from '../companies/entrants.ts'
import { HttpError, notFound } from '../http-error.ts'
import { errorCodes } from '../../protocol/errors.ts'
import type { MemberRecord } from '../store/store.ts'
import type { WhiteboardRecord } from '../store/whiteboard-store.ts'

/** The room `roomId` if `who` may see its board; 404 otherwise. */
export async function boardRoom(app: FastifyInstance, who: MemberRecord, roomId: string): Promise<Room> {
  const ws = who.workspaceId
  const room = (await roomsOf(app, ws)).get(roomId)
  const admitted = room ? await app.store.isAdmitted(ws, roomId, who.id, app.now()) : false
  if (!room || !readRoom(room, await entrantOf(app, who), admitted)) throw notFound('whiteboard')
  return room
}

/**
 * A board as clients load it. One saved past MAX_ELEMENTS before the limit was kept (no client
 * could open it, so nobody could save it smaller) is read within it: its oldest deleted elements
 * first, then, if it must, its oldest live ones.
 */
export const toBoard = (roomId: string, rec: WhiteboardRecord | null): Board => {
  if (!rec) return { roomId, version: 0, elements: [], savedAt: null, savedBy: null }
  const all = JSON.parse(rec.elements) as Element[]
  const elements = withinElements(all) ?? withinElements(all.filter((e) => !e.isDeleted).slice(-MAX_ELEMENTS))!
  return { roomId, version: rec.version, elements, savedAt: rec.savedAt, savedBy: rec.savedBy }
}

const ATTEMPTS = 5

/**
 * A board of at most MAX_ELEMENTS elements (beyond it, no client can load it: BoardSchema), or
 * null. Deleted elements count too, so that a deletion wins in every copy; past the limit the
 * oldest of them (earliest in the list) go first, and only live elements past it refuse the save.
 * A copy that still held one of those and had not seen its deletion could bring it back.
 */
function withinElements<E extends Element>(elements: E[]): E[] | null {
  let over = elements.length - MAX_ELEMENTS
  if (over <= 0) return elements
  const kept = elements.filter((e) => !(e.isDeleted && over-- > 0))
  return kept.length <= MAX_ELEMENTS ? kept : null
}

/** Merges `elements` into the board of `roomId` and writes it as a new version if anything changed. */
export async function saveBoard(app: FastifyInstance, ws: string, roomId: string, elements: readonly Element[], by: string): Promise<Board> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const current = await app.store.getWhiteboard(ws, roomId)
    const board = toBoard(roomId, current)
    const merged = mergeElements(board.elements, elements)
    if (!merged.changed) return board
    const kept = withinElements(merged.elements)
    if (!kept) {
      throw new HttpError(413, { error: errorCodes.tooLarge, message: `the board would hold more than ${MAX_ELEMENTS} elements; delete something first` })
    }
    const json = JSON.stringify(kept)
    if (Buffer.byteLength(json) > MAX_BOARD_BYTES) {
      throw new HttpError(413, { error: errorCodes.tooLarge, message: `the board would grow past ${MAX_BOARD_BYTES / 1024 / 1024} MB; delete something first` })
    }
    const next = { roomId, version: board.version + 1, elements: json, drawn: drawn(kept), savedAt: app.now(), savedBy: by }
    if (await app.store.saveWhiteboard(ws, board.version, next, VERSIONS_KEPT)) return toBoard(roomId, next)
  }
  throw new HttpError(409, { error: errorCodes.conflict, message: 'the board kept changing while saving; try again' })
}
