/**
 * What the LiveKit webhook does for moderation. A room token outlives a removal by up to its TTL:
 * someone removed who joins again with an older token is shown out again while their ban lasts.
 * A speaker brought on stage who leaves the room stays a speaker for SPEAKER_GRACE_MS, so that the
 * fresh token of a rejoin after a drop keeps them on stage; walking back in later, they listen.
 */
import type { FastifyInstance } from 'fastify'
import { mediaRoomName } from '../../protocol/presence.ts'

/** As long as a call rejoins by itself after a network drop. */
export const SPEAKER_GRACE_MS = 60_000

export async function followModeration(app: FastifyInstance, room: { workspaceId: string; roomId: string }, identity: string, what: 'joined' | 'left'): Promise<void> {
  const { workspaceId, roomId } = room
  const name = mediaRoomName(workspaceId, roomId)
  const now = app.now()
  if (what === 'joined' && (await app.store.roomBan(workspaceId, roomId, identity, now))) {
    await app.rooms.removeParticipant(name, identity)
    return
  }
  // Every join and leave of every room comes here: only a speaker's costs a write (reads are cheap).
  if (!(await app.store.isSpeaker(workspaceId, roomId, identity, now))) return
  if (what === 'joined') {
    // Back within the grace (or never gone): on stage for good again.
    await app.store.speakerAway(workspaceId, roomId, identity, null)
    return
  }
  // A webhook may be older news than a rejoin since: someone who is in the room again has not left.
  if ((await app.rooms.participants(name)).includes(identity)) return
  await app.store.speakerAway(workspaceId, roomId, identity, now + SPEAKER_GRACE_MS)
}
