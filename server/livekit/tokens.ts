/**
 * LiveKit access tokens by rule. Lobby tokens are data-only presence; room tokens join exactly one
 * media room. Grants are set explicitly so nothing is wider than the rule allows.
 */
import { AccessToken, RoomConfiguration, TrackSource } from 'livekit-server-sdk'
import { lobbyRoomName, mediaRoomName } from '../../protocol/presence.ts'
import type { LivekitConfig } from './config.ts'

export const LOBBY_TTL_SECONDS = 15 * 60
export const ROOM_TTL_SECONDS = 10 * 60

export interface TokenSubject {
  workspaceId: string
  memberId: string
  name: string
}

export function lobbyToken(lk: LivekitConfig, who: TokenSubject): Promise<string> {
  const at = new AccessToken(lk.apiKey, lk.apiSecret, { identity: who.memberId, name: who.name, ttl: LOBBY_TTL_SECONDS })
  at.addGrant({
    roomJoin: true,
    room: lobbyRoomName(who.workspaceId),
    canPublish: false,
    canPublishSources: [],
    canSubscribe: false,
    // Move packets, goodbyes and RPCs (knock, wave, meet).
    canPublishData: true,
    // Status and position attributes. LiveKit ties renaming and metadata to the same grant, so a
    // lobby participant can call itself anything: clients take names from the member directory.
    canUpdateOwnMetadata: true,
  })
  return at.toJwt()
}

export function roomToken(lk: LivekitConfig, who: TokenSubject, room: { id: string; capacity: number }): Promise<string> {
  const name = mediaRoomName(who.workspaceId, room.id)
  const at = new AccessToken(lk.apiKey, lk.apiSecret, { identity: who.memberId, name: who.name, ttl: ROOM_TTL_SECONDS })
  at.addGrant({
    roomJoin: true,
    room: name,
    canPublish: true,
    canPublishSources: [TrackSource.CAMERA, TrackSource.MICROPHONE, TrackSource.SCREEN_SHARE, TrackSource.SCREEN_SHARE_AUDIO],
    canSubscribe: true,
    canPublishData: true,
    canUpdateOwnMetadata: false,
  })
  // Rooms are created on join; their settings travel in the token (no CreateRoom round trip).
  at.roomConfig = new RoomConfiguration({ name, maxParticipants: room.capacity, emptyTimeout: 60, departureTimeout: 10 })
  return at.toJwt()
}
