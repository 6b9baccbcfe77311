/**
 * Nobody is left stranded by a floor change (an applied edit, a published draft, a removed floor):
 * - people in a room that is gone are sent out of its LiveKit media room;
 * - a room whose capacity dropped below its occupants sends out its latest arrivals;
 * - a member whose assigned desk is gone gets a free one (ensureDesk), or none when there is none.
 * The occupancy is updated and pushed to the lobby as LiveKit's own changes are. Runs after the
 * change is committed: a failure here is logged, never turned into a failed edit.
 */
import type { FastifyInstance } from 'fastify'
import type { Floor } from '../../protocol/floor/records.ts'
import { mediaRoomName } from '../../protocol/presence.ts'
import { publishOccupancy } from '../livekit/occupancy.ts'
import { ensureDesk } from './edits.ts'

/** Who must leave which room after `before` became `after` (null: the whole floor is gone). */
function roomLeavers(before: Floor, after: Floor | null, occupancy: Readonly<Record<string, readonly string[]>>): { roomId: string; stay: string[]; leave: string[] }[] {
  const now = new Map(after?.rooms.map((r) => [r.id, r]) ?? [])
  return before.rooms.flatMap((room) => {
    const inside = occupancy[room.id] ?? []
    // Occupants are listed earliest arrival first: the latest arrivals are the ones beyond capacity.
    const stay = inside.slice(0, now.get(room.id)?.capacity ?? 0)
    return inside.length > stay.length ? [{ roomId: room.id, stay, leave: inside.slice(stay.length) }] : []
  })
}

/** Members whose assigned desk was on `before` and is not on `after`. */
function deskless(before: Floor, after: Floor | null): string[] {
  const kept = new Set(after?.desks.map((d) => d.id) ?? [])
  return before.desks.flatMap((d) => (d.assigneeId !== null && !kept.has(d.id) ? [d.assigneeId] : []))
}

export async function settleFloorChange(app: FastifyInstance, workspaceId: string, before: Floor, after: Floor | null): Promise<void> {
  try {
    const leavers = roomLeavers(before, after, await app.store.occupancy(workspaceId))
    for (const { roomId, stay, leave } of leavers) {
      // Out of LiveKit first, so the participant list a webhook reads next agrees with the store.
      await Promise.all(leave.map((id) => app.rooms.removeParticipant(mediaRoomName(workspaceId, roomId), id)))
      await app.store.setOccupants(workspaceId, roomId, stay, app.now())
    }
    // Not awaited: the change is made; the lobby's notice must not hold up the host's answer.
    if (leavers.length > 0) {
      void publishOccupancy(app, workspaceId).catch((err: unknown) => app.log.warn({ err, workspaceId }, 'could not push the occupancy to the lobby'))
    }
  } catch (err) {
    app.log.warn({ err, workspaceId, floorId: before.id }, 'could not move people out of changed rooms')
  }
  // One at a time: each takes a desk in its own edit, and the next must see it taken.
  for (const memberId of deskless(before, after)) {
    try {
      await ensureDesk(app, workspaceId, memberId)
    } catch (err) {
      app.log.warn({ err, workspaceId, memberId }, 'could not give a new desk to a member whose desk was removed')
    }
  }
}
