/**
 * LiveKit connections follow the sessions they were issued to (session-seal.ts): the join webhook
 * shows out whoever joins on a session that ended, and ending sessions (a new password, a sign-out)
 * shows out the connections still open on them, in the lobby and every media room.
 */
import type { FastifyInstance } from 'fastify'
import { lobbyRoomName, mediaRoomName } from '../../protocol/presence.ts'
import { withRetries } from '../retry.ts'
import { openSession, SESSION_ATTRIBUTE } from './session-seal.ts'

/** Whether the session a token was issued to (its sealed attribute) is still open, and is `identity`'s. */
export async function sessionLives(app: FastifyInstance, identity: string, attributes: Record<string, string> | undefined): Promise<boolean> {
  const tokenHash = openSession(app.livekit.apiSecret, attributes?.[SESSION_ATTRIBUTE])
  const session = tokenHash ? await app.store.getSession(tokenHash) : null
  return session !== null && session.memberId === identity && session.expiresAt > app.now()
}

/**
 * After sessions of an account ended: every connection of its members whose session is gone is
 * shown out (the one that asked keeps its own). Logged, never failing the request that ended them.
 */
export async function showOutEndedSessions(app: FastifyInstance, accountId: string): Promise<void> {
  const showOut = async (memberId: string, room: string) => {
    const connection = await app.rooms.connectionOf(room, memberId)
    // Only the connection read: one made since on a live session (signed in again) stays.
    if (connection && !(await sessionLives(app, memberId, connection.attributes))) await withRetries(() => app.rooms.removeParticipant(room, memberId, connection.sid))
  }
  try {
    for (const member of await app.store.membersOfAccount(accountId)) {
      const floors = await app.store.listFloors(member.workspaceId)
      const rooms = [lobbyRoomName(member.workspaceId), ...floors.flatMap((f) => f.rooms.map((r) => mediaRoomName(member.workspaceId, r.id)))]
      // Each room on its own: one LiveKit error does not leave the other rooms unchecked.
      const results = await Promise.allSettled(rooms.map((room) => showOut(member.id, room)))
      for (const r of results) if (r.status === 'rejected') app.log.warn({ err: r.reason, memberId: member.id }, 'could not show an ended session out of a LiveKit room')
    }
  } catch (err) {
    app.log.warn({ err, accountId }, 'could not show out the LiveKit connections of ended sessions')
  }
}
