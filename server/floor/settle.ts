/**
 * Nobody is left stranded by a floor change (an applied edit, a published draft, a removed floor):
 * - people in a room the change removed are sent out of its LiveKit media room;
 * - a room whose capacity the change lowered below its occupants sends out its latest arrivals;
 * - members whose assigned desk is gone get free ones (seatMembers: one batch per floor for all of
 *   them), or none when there is none.
 * The occupancy is updated and pushed to the lobby as LiveKit's own changes are. Runs after the
 * change is committed: a failure here is logged, never turned into a failed edit.
 */
import type { FastifyInstance } from 'fastify'
import type { Floor } from '../../protocol/floor/records.ts'
import { mediaRoomName } from '../../protocol/presence.ts'
import { publishOccupancy } from '../livekit/occupancy.ts'
import { seatMembers } from './edits.ts'

/**
 * The rooms this change removed (capacity 0) or resized, with their new capacity. Only these send
 * anyone out: a room already over capacity (entered with tokens issued before an earlier shrink) is
 * not emptied by someone renaming a desk.
 */
function resizedRooms(before: Floor, after: Floor | null): { roomId: string; capacity: number }[] {
  const now = new Map(after?.rooms.map((r) => [r.id, r.capacity]) ?? [])
  return before.rooms.flatMap((room) => {
    const capacity = now.get(room.id) ?? 0
    return capacity === room.capacity ? [] : [{ roomId: room.id, capacity }]
  })
}

/** Who must leave which of these rooms. */
function roomLeavers(rooms: readonly { roomId: string; capacity: number }[], occupancy: Readonly<Record<string, readonly string[]>>): { roomId: string; stay: string[]; leave: string[] }[] {
  return rooms.flatMap(({ roomId, capacity }) => {
    const inside = occupancy[roomId] ?? []
    // Occupants are listed earliest arrival first: the latest arrivals are the ones beyond capacity.
    const stay = inside.slice(0, capacity)
    return inside.length > stay.length ? [{ roomId, stay, leave: inside.slice(stay.length) }] : []
  })
}

/** The author the edit log records for desks the server hands out after a change. */
const SETTLER = 'server'

/** Members whose assigned desk was on `before` and is not on `after`. */
function deskless(before: Floor, after: Floor | null): string[] {
  const kept = new Set(after?.desks.map((d) => d.id) ?? [])
  return before.desks.flatMap((d) => (d.assigneeId !== null && !kept.has(d.id) ? [d.assigneeId] : []))
}

export async function settleFloorChange(app: FastifyInstance, workspaceId: string, before: Floor, after: Floor | null): Promise<void> {
  try {
    const resized = resizedRooms(before, after)
    const leavers = resized.length === 0 ? [] : roomLeavers(resized, await app.store.occupancy(workspaceId))
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
  const unseated = deskless(before, after)
  if (unseated.length === 0) return
  try {
    await seatMembers(app, workspaceId, unseated, SETTLER)
  } catch (err) {
    app.log.warn({ err, workspaceId, members: unseated.length }, 'could not give new desks to members whose desks were removed')
  }
}
