/**
 * Removing a company, in an order a retry can finish after a failure anywhere (the company stays
 * until the last step, so the same DELETE again carries on):
 * 1. its tags are cleared from every floor (its rooms become ordinary rooms, live for everyone);
 * 2. its invites are revoked;
 * 3. it goes, and every member is detached from it (the store's cascade);
 * 4. its tags are cleared once more: a host's edit that tagged a room with it between steps 1 and
 *    3 (the company still existed) would otherwise leave a company-only room that shuts out
 *    everyone, hosts too, for a company nobody can belong to. From step 3 on, no edit may tag it.
 * Nobody is shown out: once step 1 is done its rooms no longer shut anyone out.
 *
 * What its company-only rooms held (their shelves, whiteboards and chat) was the company's alone:
 * it is erased before step 1, never handed to everyone with the rooms. A retry erases again.
 */
import type { FastifyInstance } from 'fastify'
import { clearCompanyTags } from './floor-tags.ts'
import { revokeCompanyInvites } from './leaving.ts'
import { companyOnly } from '../../protocol/rules.ts'
import type { BlobStore } from '../chat/blobs.ts'
import { roomConversationId } from '../chat/conversations.ts'
import type { Message } from '../../protocol/chat.ts'

const PAGE = 200

/** Every message of a conversation, replies too, paged as a reader would. */
async function messagesOf(app: FastifyInstance, ws: string, conversationId: string, thread: string | null = null): Promise<Message[]> {
  const all: Message[] = []
  for (let before: number | undefined; ; ) {
    const page = await app.store.history(ws, conversationId, { limit: PAGE, thread, ...(before === undefined ? {} : { before }) })
    all.push(...page.messages)
    if (!page.more || page.messages.length === 0) break
    before = page.messages[0]!.seq
  }
  if (thread === null) for (const m of [...all]) if (m.replies > 0) all.push(...(await messagesOf(app, ws, conversationId, m.id)))
  return all
}

/** Erases a room's shelf (its files' bytes too), its whiteboard with its versions, and its chat's messages. */
async function eraseRoomContent(app: FastifyInstance, blobs: BlobStore, ws: string, roomId: string): Promise<void> {
  for (const item of await app.store.listShelfItems(ws, roomId)) {
    if ((await app.store.deleteShelfItem(ws, item.id)) && item.file) await blobs.delete(item.file.storageKey)
  }
  await app.store.deleteWhiteboard(ws, roomId)
  const now = app.now()
  for (const m of await messagesOf(app, ws, roomConversationId(roomId))) await app.store.deleteMessage(ws, m.id, now)
}

export async function removeCompany(app: FastifyInstance, blobs: BlobStore, workspaceId: string, companyId: string, authorId: string): Promise<string[] | null> {
  // A private office tagged with it stays its owner's (decideEntry): what it holds stays too.
  const rooms = (await app.store.listFloors(workspaceId)).flatMap((f) => f.rooms).filter((r) => r.companyId === companyId && companyOnly(r) && r.kind !== 'private')
  for (const room of rooms) await eraseRoomContent(app, blobs, workspaceId, room.id)
  await clearCompanyTags(app, workspaceId, companyId, authorId)
  // Written while the erasing ran (a message, a stroke), when only the company could: erased too.
  for (const room of rooms) await eraseRoomContent(app, blobs, workspaceId, room.id)
  await revokeCompanyInvites(app, workspaceId, companyId, null)
  const detached = await app.store.deleteCompany(workspaceId, companyId)
  await clearCompanyTags(app, workspaceId, companyId, authorId)
  return detached
}
