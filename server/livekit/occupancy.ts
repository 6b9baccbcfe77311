/**
 * Room occupancy, as LiveKit knows it. A webhook says that something changed in a media room; the
 * room's participant list says who is in it now (webhooks may arrive late, out of order, or many
 * at once). The result lives in the store, never in memory, and is pushed to the workspace's lobby.
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

/**
 * Per store (one per server, shared by every plugin context), the refresh running for each room
 * (`workspace/room`), and whether another was asked for meanwhile.
 */
const running = new WeakMap<object, Map<string, { again: boolean; done: Promise<void> }>>()

/**
 * Brings one room's occupancy up to LiveKit's participant list. Refreshes of a room run one at a
 * time, so an older list is never written after a newer one; one asked for while another runs
 * reads the list again after it (however many were asked for, one more read), and resolves once
 * that read is written. The store also refuses a list read before the one it holds (another
 * server instance's).
 */
export function refreshOccupancy(app: FastifyInstance, workspaceId: string, roomId: string): Promise<void> {
  const lanes = running.get(app.store) ?? running.set(app.store, new Map()).get(app.store)!
  const key = `${workspaceId}/${roomId}`
  const lane = lanes.get(key)
  if (lane) {
    lane.again = true
    return lane.done
  }
  const next = { again: false, done: Promise.resolve() }
  next.done = (async () => {
    try {
      do {
        next.again = false
        try {
          await readAndWrite(app, workspaceId, roomId)
        } catch (err) {
          // A read asked for since still runs: it may well succeed, and it is the one that counts.
          if (!next.again) throw err
          app.log.warn({ err, workspaceId, roomId }, 'could not refresh the occupancy of a room; reading it again')
        }
      } while (next.again)
    } finally {
      lanes.delete(key)
    }
  })()
  lanes.set(key, next)
  return next.done
}

async function readAndWrite(app: FastifyInstance, workspaceId: string, roomId: string): Promise<void> {
  const readAt = app.now()
  const identities = await app.rooms.participants(mediaRoomName(workspaceId, roomId))
  // Only members count: someone removed moments ago may still be on their way out of LiveKit.
  const members = new Set((await app.store.listMembers(workspaceId)).map((m) => m.id))
  const changed = await app.store.setOccupants(workspaceId, roomId, identities.filter((id) => members.has(id)), readAt)
  // Written is what counts: lobby clients that miss this notice get the occupancy when they connect.
  if (changed) await publishOccupancy(app, workspaceId).catch((err: unknown) => app.log.warn({ err, workspaceId }, 'could not push the occupancy to the lobby'))
}

export async function publishOccupancy(app: FastifyInstance, workspaceId: string): Promise<void> {
  const notice: OccupancyNotice = { rooms: await app.store.occupancy(workspaceId) }
  await app.rooms.sendToLobby(workspaceId, topics.occupancy, notice)
}
