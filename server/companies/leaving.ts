/**
 * What leaving a company takes with it (issue 13, "nothing lingers"), once the store no longer has
 * them in it: no room token lets them back into its company-only rooms from then on, and here
 * - their knock admissions to those rooms end (an admission would let them stay, show-out.ts);
 * - they are shown out of those rooms in LiveKit, the occupancy and the lobby (show-out.ts);
 * - the company's open invites they made are revoked when they were its admin.
 */
import type { FastifyInstance } from 'fastify'
import { companyOnly } from '../../protocol/rules.ts'
import { mayStay, showOut, type Leavers } from '../floor/show-out.ts'
import { entrantOf } from './entrants.ts'

/** The company's open invites made by `memberIds` (all of them when null), revoked. */
export async function revokeCompanyInvites(app: FastifyInstance, workspaceId: string, companyId: string, madeBy: ReadonlySet<string> | null): Promise<void> {
  const linked = new Set(await app.store.companyInviteIds(workspaceId, companyId))
  if (linked.size === 0) return
  const now = app.now()
  const open = await app.store.listOpenInvites(workspaceId, now)
  // An invite whose creator has left lists no creator: an admin's leaving took it with them already.
  const doomed = open.filter((i) => linked.has(i.id) && (madeBy === null || (i.createdBy !== null && madeBy.has(i.createdBy))))
  for (const invite of doomed) await app.store.revokeInvite(workspaceId, invite.id, now)
}

/** Shows `memberIds` out of the rooms of `companyId` they may no longer be in. Throws when LiveKit does not answer. */
export async function showOutOfCompanyRooms(app: FastifyInstance, workspaceId: string, companyId: string, memberIds: readonly string[]): Promise<void> {
  const [floors, occupancy] = await Promise.all([app.store.listFloors(workspaceId), app.store.occupancy(workspaceId)])
  const rooms = floors.flatMap((f) => f.rooms).filter((r) => r.companyId === companyId && companyOnly(r))
  const leavers: Leavers[] = []
  for (const room of rooms) {
    const inside = occupancy[room.id] ?? []
    const leave: string[] = []
    for (const id of memberIds) {
      // Their admissions to the company's rooms are not extended: they end now, inside or not.
      if (await app.store.isAdmitted(workspaceId, room.id, id, 0)) await app.store.admit(workspaceId, room.id, id, 0)
      if (!inside.includes(id)) continue
      const member = await app.store.getMember(workspaceId, id)
      if (!mayStay(room, member ? await entrantOf(app, member) : undefined, false)) leave.push(id)
    }
    if (leave.length > 0) leavers.push({ roomId: room.id, stay: inside.filter((id) => !leave.includes(id)), leave })
  }
  await showOut(app, workspaceId, leavers)
}

/** After `memberId` left `companyId` (or was taken out of it); `wasAdmin`: they were one of its admins. */
export async function afterLeaving(app: FastifyInstance, workspaceId: string, companyId: string, memberId: string, wasAdmin: boolean): Promise<void> {
  if (wasAdmin) await revokeCompanyInvites(app, workspaceId, companyId, new Set([memberId]))
  await showOutOfCompanyRooms(app, workspaceId, companyId, [memberId])
}
