/**
 * Room occupancy, as LiveKit knows it. A webhook says that something changed in a media room; the
 * room's participant list says who is in it now (webhooks may arrive late or out of order). The
 * result lives in the store, never in memory, and is pushed to the workspace's lobby.
 */
import type { FastifyInstance } from 'fastify'
import { mediaRoomName, topics, type OccupancyNotice } from '../../protocol/presence.ts'

/** `<workspaceId>.<roomId>` → its parts; null for the lobby and for names that are not ours. */
export function parseMediaRoomName(name: string): { workspaceId: string; roomId: string } | null {
  const match = /^(ws_[A-Za-z0-9_-]+)\.(room_[A-Za-z0-9_-]+)$/.exec(name)
  return match ? { workspaceId: match[1]!, roomId: match[2]! } : null
}

/** `<workspaceId>.lobby` → the workspace id; null otherwise. */
export const parseLobbyRoomName = (name: string): string | null => /^(ws_[A-Za-z0-9_-]+)\.lobby$/.exec(name)?.[1] ?? null

export async function refreshOccupancy(app: FastifyInstance, workspaceId: string, roomId: string, known?: string[]): Promise<void> {
  const identities = known ?? (await app.rooms.participants(mediaRoomName(workspaceId, roomId)))
  // Only members count: someone removed moments ago may still be on their way out of LiveKit.
  const members = new Set((await app.store.listMembers(workspaceId)).map((m) => m.id))
  const changed = await app.store.setOccupants(workspaceId, roomId, identities.filter((id) => members.has(id)), app.now())
  if (changed) await publishOccupancy(app, workspaceId)
}

export async function publishOccupancy(app: FastifyInstance, workspaceId: string): Promise<void> {
  const notice: OccupancyNotice = { rooms: await app.store.occupancy(workspaceId) }
  await app.rooms.sendToLobby(workspaceId, topics.occupancy, notice)
}
