/**
 * What the LiveKit webhook does for moderation. A room token outlives what it was issued under by
 * up to its TTL, and LiveKit hands a connected participant fresh copies: whoever joins with one is
 * checked again. Someone removed is shown out again while their ban lasts; someone the room's door
 * no longer lets in (locked, made private or company-only, their name taken off its list, their
 * role lowered) is shown out, as settle.ts shows out those inside at the change; someone taken
 * off stage whose token still lets them publish is made a listener again. A speaker brought on
 * stage who leaves the room stays a speaker for SPEAKER_GRACE_MS, so that the fresh token of a
 * rejoin after a drop keeps them on stage; walking back in later, they listen.
 */
import type { FastifyInstance } from 'fastify'
import type { Room } from '../../protocol/floor/records.ts'
import { mediaRoomName } from '../../protocol/presence.ts'
import type { MemberRecord } from '../store/store.ts'
import { entrantOf } from '../companies/entrants.ts'
import { mayStay, wasAdmitted } from '../floor/show-out.ts'
import { mayPublish } from '../room-moderation.ts'

/** As long as a call rejoins by itself after a network drop. */
export const SPEAKER_GRACE_MS = 60_000

/** A join as the webhook reports it: the room as the floor has it now, the member, and whether the token lets them publish. */
export interface Joined {
  room: Room
  member: MemberRecord
  publishing: boolean
}

export async function followModeration(app: FastifyInstance, room: { workspaceId: string; roomId: string }, identity: string, joined: Joined | 'left'): Promise<void> {
  const { workspaceId, roomId } = room
  const name = mediaRoomName(workspaceId, roomId)
  const now = app.now()
  if (joined !== 'left') {
    const shut = (await app.store.roomBan(workspaceId, roomId, identity, now)) || !mayStay(joined.room, await entrantOf(app, joined.member), await wasAdmitted(app, workspaceId, roomId, identity))
    if (shut) {
      await app.rooms.removeParticipant(name, identity)
      return
    }
    if (joined.publishing && !(await mayPublish(app, joined.room, joined.member))) await app.rooms.setPublishing(name, identity, false)
  }
  // Every join and leave of every room comes here: only a speaker's costs a write (reads are cheap).
  if (!(await app.store.isSpeaker(workspaceId, roomId, identity, now))) return
  if (joined !== 'left') {
    // Back within the grace (or never gone): on stage for good again.
    await app.store.speakerAway(workspaceId, roomId, identity, null)
    return
  }
  // A webhook may be older news than a rejoin since: someone who is in the room again has not left.
  if ((await app.rooms.participants(name)).includes(identity)) return
  await app.store.speakerAway(workspaceId, roomId, identity, now + SPEAKER_GRACE_MS)
}
