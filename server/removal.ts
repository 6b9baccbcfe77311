/**
 * Removing a member, in steps that a retry can finish after a failure anywhere:
 * 1. the removal begins (store.beginRemoval): they are signed out everywhere, their invites are
 *    revoked, and they can neither sign in nor be let back into LiveKit (the webhook shows out
 *    whoever getMember does not find);
 * 2. they are shown out of LiveKit, the lobby and every media room, with retries;
 * 3. their desk, offices and places on allowed lists are freed, on every floor;
 * 4. the member record goes and the removal is recorded as complete.
 * When LiveKit does not answer, step 2 fails and nothing after it happens: the same DELETE again,
 * once LiveKit is back, carries on from there.
 */
import type { FastifyInstance } from 'fastify'
import { errorCodes } from '../protocol/errors.ts'
import { applyEdit } from './floor/edits.ts'
import { HttpError } from './http-error.ts'
import { withRetries } from './retry.ts'

/** Tries at showing someone out of LiveKit before the removal answers 503 (about 3 s with the backoff). */
const KICK_ATTEMPTS = 4

/** Takes a member off a floor's desks, ownerships and allow-lists; a concurrent edit is caught up with. */
async function releaseFromFloor(app: FastifyInstance, workspaceId: string, floorId: string, memberId: string, authorId: string): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const floor = await app.store.getFloor(workspaceId, floorId)
    if (!floor) return
    const ops = [
      ...floor.desks.filter((d) => d.assigneeId === memberId).map((d) => ({ op: 'desk.update', id: d.id, changes: { assigneeId: null } })),
      ...floor.rooms
        .filter((r) => r.ownerId === memberId || r.allowed.includes(memberId))
        .map((r) => ({ op: 'room.update', id: r.id, changes: { ownerId: r.ownerId === memberId ? null : r.ownerId, allowed: r.allowed.filter((a) => a !== memberId) } })),
    ]
    if (ops.length === 0) return
    // Freeing a removed member's office is the removal's doing, not a host's edit of someone's office.
    const outcome = await applyEdit(app, workspaceId, floorId, { baseVersion: floor.version, ops }, authorId, { serverChange: true })
    if (outcome.kind !== 'conflict') return
  }
  throw new Error(`could not release ${memberId} from ${floorId}: the floor kept changing`)
}

/** Carries a removal that has begun (store.beginRemoval) through to the end; see the steps above. */
export async function finishRemoval(app: FastifyInstance, workspaceId: string, memberId: string, authorId: string): Promise<void> {
  try {
    await withRetries(() => app.rooms.removeMember(workspaceId, memberId), { attempts: KICK_ATTEMPTS })
  } catch (err) {
    app.log.warn({ err, workspaceId, memberId }, 'could not show a removed member out of LiveKit; the removal waits for a retry')
    throw new HttpError(503, {
      error: errorCodes.unavailable,
      message: 'the media server did not answer, so they could not be shown out of the office yet. They are signed out and cannot come back in; remove them again to finish',
    })
  }
  // The floor must never name a non-member: their desk and room rights go before their record.
  for (const { id: floorId } of await app.store.listFloors(workspaceId)) {
    await releaseFromFloor(app, workspaceId, floorId, memberId, authorId)
  }
  await app.store.removeMember(workspaceId, memberId, app.now())
}
