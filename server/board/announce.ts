/**
 * Tells every member but guests about a change of someone's board entry, through the lobby: the
 * entry as it is now, so nobody calls the server back. Announcements of one workspace go out one
 * after another, in the order the changes were made, without holding up the request that made
 * them; a failure is logged, never thrown (clients read the board again when they open it).
 */
import type { FastifyInstance } from 'fastify'
import { MAX_BOARD_NOTICE_BYTES, type BoardEntry, type BoardNotice } from '../../protocol/board.ts'
import { topics } from '../../protocol/presence.ts'

/** Per app (one per server), each workspace's last announcement in line. */
const lines = new WeakMap<FastifyInstance, Map<string, Promise<void>>>()

export function announceBoardEntry(app: FastifyInstance, workspaceId: string, entry: BoardEntry): Promise<void> {
  const byWorkspace = lines.get(app) ?? lines.set(app, new Map()).get(app)!
  const next = (byWorkspace.get(workspaceId) ?? Promise.resolve()).then(() => send(app, workspaceId, entry))
  byWorkspace.set(workspaceId, next)
  void next.then(() => {
    if (byWorkspace.get(workspaceId) === next) byWorkspace.delete(workspaceId)
  })
  return next
}

async function send(app: FastifyInstance, workspaceId: string, entry: BoardEntry): Promise<void> {
  try {
    const notice: BoardNotice = { type: 'entry', entry }
    if (Buffer.byteLength(JSON.stringify(notice)) > MAX_BOARD_NOTICE_BYTES) return
    const to = (await app.store.listMembers(workspaceId)).filter((m) => m.role !== 'guest' && m.removingSince == null).map((m) => m.id)
    await app.rooms.sendToMembers(workspaceId, to, topics.board, notice)
  } catch (err) {
    app.log.warn({ err, workspaceId, memberId: entry.memberId }, 'could not announce a board change')
  }
}
