/**
 * Live chat notices: after a change has committed, the data itself goes to its readers' lobby
 * connections (LiveKit sendData with destination identities), never to anyone else. A notice that
 * cannot be sent is logged and dropped: readers catch up over HTTP from their last seq.
 */
import type { FastifyInstance } from 'fastify'
import { MAX_CHAT_NOTICE_BYTES, type ChatNotice } from '../../protocol/chat.ts'
import { topics } from '../../protocol/presence.ts'

export function deliver(app: FastifyInstance, ws: string, memberIds: readonly string[], notice: ChatNotice, opts: { lossy?: boolean } = {}): void {
  if (memberIds.length === 0) return
  if (Buffer.byteLength(JSON.stringify(notice)) > MAX_CHAT_NOTICE_BYTES) {
    app.log.warn({ workspaceId: ws, type: notice.type }, 'chat notice too large to send live; readers catch up')
    return
  }
  void app.rooms.sendToMembers(ws, memberIds, topics.chat, notice, opts).catch((err: unknown) => app.log.warn({ err, workspaceId: ws }, 'could not send a chat notice'))
}
