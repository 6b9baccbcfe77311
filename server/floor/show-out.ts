/**
 * Showing people out of media rooms they may no longer be in: by the entry rule of
 * protocol/rules.ts (decideEntry) after a room is locked, made private or has its allowed list
 * narrowed, or after their role is lowered. Out of LiveKit first (with retries), then the
 * occupancy, then the lobby is told, as for a removed room (settle.ts).
 */
import type { FastifyInstance } from 'fastify'
import type { Room } from '../../protocol/floor/records.ts'
import { mediaRoomName } from '../../protocol/presence.ts'
import { decideEntry, type Entrant } from '../../protocol/rules.ts'
import { entrantOf } from '../companies/entrants.ts'
import { publishOccupancy } from '../livekit/occupancy.ts'
import { withRetries } from '../retry.ts'

export interface Leavers {
  roomId: string
  stay: string[]
  leave: string[]
}

/**
 * Whether the rule still lets `who` be in `room`. Capacity aside: a full room sends out its latest
 * arrivals only when its capacity changes (settle.ts). Someone no longer a member may not stay.
 */
export const mayStay = (room: Room, who: Entrant | undefined, admitted: boolean): boolean =>
  who !== undefined && decideEntry(room, who, { admitted, occupants: 0 }).ok

/**
 * Whether a knock let `memberId` into `roomId`. An admission opens the door for some minutes,
 * but it covers the visit it opened: an expired one still counts for someone inside.
 */
export const wasAdmitted = (app: FastifyInstance, workspaceId: string, roomId: string, memberId: string): Promise<boolean> =>
  app.store.isAdmitted(workspaceId, roomId, memberId, 0)

/** Sends out `leave` of each room, then records `stay` as its occupants and tells the lobby. Throws when LiveKit does not answer. */
export async function showOut(app: FastifyInstance, workspaceId: string, leavers: readonly Leavers[]): Promise<void> {
  const moving = leavers.filter((l) => l.leave.length > 0)
  for (const { roomId, stay, leave } of moving) {
    // Out of LiveKit first, so the participant list a webhook reads next agrees with the store.
    await Promise.all(leave.map((id) => withRetries(() => app.rooms.removeParticipant(mediaRoomName(workspaceId, roomId), id))))
    await app.store.setOccupants(workspaceId, roomId, stay, app.now())
  }
  // Not awaited: the change is made; the lobby's notice must not hold up the answer.
  if (moving.length > 0) {
    void publishOccupancy(app, workspaceId).catch((err: unknown) => app.log.warn({ err, workspaceId }, 'could not push the occupancy to the lobby'))
  }
}

/**
 * After a member's role changed: shows them out of the rooms the rule no longer lets them be in
 * (a host made a member leaves a locked room; a member made a guest, every room their invite
 * does not name). Logged, never failing the role change, which is made.
 */
export async function showOutMember(app: FastifyInstance, workspaceId: string, memberId: string): Promise<void> {
  try {
    const [occupancy, floors, member] = await Promise.all([app.store.occupancy(workspaceId), app.store.listFloors(workspaceId), app.store.getMember(workspaceId, memberId)])
    const who = member ? await entrantOf(app, member) : null
    const rooms = new Map(floors.flatMap((f) => f.rooms.map((r) => [r.id, r] as const)))
    const leavers: Leavers[] = []
    for (const [roomId, inside] of Object.entries(occupancy)) {
      const room = rooms.get(roomId)
      if (!room || !inside.includes(memberId)) continue
      if (mayStay(room, who ?? undefined, await wasAdmitted(app, workspaceId, roomId, memberId))) continue
      leavers.push({ roomId, stay: inside.filter((id) => id !== memberId), leave: [memberId] })
    }
    await showOut(app, workspaceId, leavers)
  } catch (err) {
    app.log.warn({ err, workspaceId, memberId }, 'could not show a member out of the rooms their new role does not let them in')
  }
}
