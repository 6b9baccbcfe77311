/**
 * Nobody is left stranded by a floor change (an applied edit, a published draft, a removed floor):
 * - people in a room the change removed are sent out of its LiveKit media room;
 * - a room the change locked, made private or company-only, or whose owner, allowed list or
 *   company it changed, sends out
 *   whoever the entry rule (protocol/rules.ts decideEntry) no longer lets in, except those a
 *   knock let in;
 * - a room whose capacity the change lowered below its occupants sends out its latest arrivals;
 * - members whose assigned desk is gone get free ones (seatMembers: one batch per floor for all of
 *   them), or none when there is none.
 * The occupancy is updated and pushed to the lobby as LiveKit's own changes are. Runs after the
 * change is committed: a failure here is logged, never turned into a failed edit.
 */
import type { FastifyInstance } from 'fastify'
import type { Floor, Room } from '../../protocol/floor/records.ts'
import type { Entrant } from '../../protocol/rules.ts'
import { entrantsOf } from '../companies/entrants.ts'
import { seatMembers } from './edits.ts'
import { mayStay, showOut, wasAdmitted, type Leavers } from './show-out.ts'

/** A room of `before` that this change removed or changed in a way that may send people out. */
export interface ChangedRoom {
  roomId: string
  /** The room after the change; null when it was removed. */
  after: Room | null
  /** Its capacity changed (or it was removed): only then are the latest arrivals sent out beyond it. */
  resized: boolean
  /** Its lock, kind, owner or allowed list changed: its occupants are checked against the entry rule. */
  door: boolean
}

const sameDoor = (a: Room, b: Room) =>
  a.locked === b.locked && a.kind === b.kind && a.ownerId === b.ownerId && a.allowed.length === b.allowed.length && a.allowed.every((id, i) => id === b.allowed[i]) &&
  (a.companyId ?? null) === (b.companyId ?? null) && (a.companyOnly ?? false) === (b.companyOnly ?? false)

/**
 * The rooms this change removed, resized or re-doored. Only these send anyone out: a room already
 * over capacity (entered with tokens issued before an earlier shrink) is not emptied by someone
 * renaming a desk.
 */
export function changedRooms(before: Floor, after: Floor | null): ChangedRoom[] {
  const now = new Map(after?.rooms.map((r) => [r.id, r]) ?? [])
  return before.rooms.flatMap((room): ChangedRoom[] => {
    const next = now.get(room.id) ?? null
    if (!next) return [{ roomId: room.id, after: null, resized: true, door: false }]
    const resized = next.capacity !== room.capacity
    const door = !sameDoor(room, next)
    return resized || door ? [{ roomId: room.id, after: next, resized, door }] : []
  })
}

/**
 * Who must leave which of these rooms (pure): everyone from a removed room; from a re-doored one,
 * whoever the entry rule no longer lets in (`admitted`: let in by a knock, who stay); then, from a
 * resized one, the latest arrivals beyond its capacity.
 */
export function roomLeavers(
  rooms: readonly ChangedRoom[],
  occupancy: Readonly<Record<string, readonly string[]>>,
  members: ReadonlyMap<string, Entrant>,
  admitted: (roomId: string, memberId: string) => boolean,
): Leavers[] {
  return rooms.flatMap(({ roomId, after, resized, door }) => {
    const inside = occupancy[roomId] ?? []
    if (!after) return inside.length > 0 ? [{ roomId, stay: [], leave: [...inside] }] : []
    const ruledOut = door ? inside.filter((id) => !mayStay(after, members.get(id), admitted(roomId, id))) : []
    const rest = inside.filter((id) => !ruledOut.includes(id))
    // Occupants are listed earliest arrival first: the latest arrivals are the ones beyond capacity.
    const stay = resized ? rest.slice(0, after.capacity) : rest
    const leave = [...ruledOut, ...rest.slice(stay.length)]
    return leave.length > 0 ? [{ roomId, stay, leave }] : []
  })
}

/** Knock admissions of the occupants of re-doored rooms, as `roomId/memberId`. */
async function admissionsIn(app: FastifyInstance, workspaceId: string, rooms: readonly ChangedRoom[], occupancy: Readonly<Record<string, readonly string[]>>): Promise<Set<string>> {
  const asked = rooms.filter((r) => r.door).flatMap((r) => (occupancy[r.roomId] ?? []).map((id) => [r.roomId, id] as const))
  const answers = await Promise.all(asked.map(([roomId, id]) => wasAdmitted(app, workspaceId, roomId, id)))
  return new Set(asked.filter((_, i) => answers[i]).map(([roomId, id]) => `${roomId}/${id}`))
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
    const changed = changedRooms(before, after)
    const occupancy = changed.length === 0 ? {} : await app.store.occupancy(workspaceId)
    if (changed.some((r) => (occupancy[r.roomId] ?? []).length > 0)) {
      const [members, admitted] = await Promise.all([app.store.listMembers(workspaceId), admissionsIn(app, workspaceId, changed, occupancy)])
      const byId = await entrantsOf(app, workspaceId, members)
      await showOut(app, workspaceId, roomLeavers(changed, occupancy, byId, (roomId, id) => admitted.has(`${roomId}/${id}`)))
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
