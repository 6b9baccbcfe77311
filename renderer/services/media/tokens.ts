/**
 * Room tokens fetched before the door: while the avatar walks towards a room, or while the
 * pointer rests on it. A prefetch also warms the connection to the media server
 * (Room.prepareConnection: DNS and TLS; nothing to win on loopback, a round trip or two elsewhere).
 */
import { Room } from 'livekit-client'
import type { RoomToken } from '../../../protocol/api.ts'
import type { Api } from '../api.ts'

/**
 * A prefetched token is for the click that follows the approach or the hover, seconds later: an
 * older one could carry a door decision since overturned (the room locked, the member removed).
 */
const TOKEN_REUSE_MS = 20_000
const REFUSED_QUIET_MS = 30_000

export interface RoomTokens {
  prefetch(roomId: string): Promise<RoomToken>
  /** The token for one join: prefetched or fetched now; the next visit fetches a fresh one. */
  take(roomId: string): Promise<RoomToken>
}

export function createRoomTokens(api: Api, workspaceId: string): RoomTokens {
  const tokens = new Map<string, { at: number; token: Promise<RoomToken> }>()
  /** Rooms that refused us lately: hovering over a locked room does not ask again and again. */
  const refused = new Map<string, number>()
  const warmer = new Room()
  let warmed: string | null = null

  const prefetch = (id: string) => {
    const cached = tokens.get(id)
    if (cached && Date.now() - cached.at < TOKEN_REUSE_MS) return cached.token
    const token = api.roomDoor(workspaceId, id, 'token')
    tokens.set(id, { at: Date.now(), token })
    token.then(
      ({ url, token: jwt }) => {
        if (warmed === url) return
        warmed = url
        void warmer.prepareConnection(url, jwt).catch(() => (warmed = null))
      },
      () => {
        tokens.delete(id)
        refused.set(id, Date.now())
      },
    )
    return token
  }

  return {
    prefetch(id) {
      if (Date.now() - (refused.get(id) ?? 0) < REFUSED_QUIET_MS) return Promise.reject(new Error('refused lately'))
      return prefetch(id)
    },
    take(id) {
      refused.delete(id)
      const token = prefetch(id)
      tokens.delete(id)
      return token
    },
  }
}
