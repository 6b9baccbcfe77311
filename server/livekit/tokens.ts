/**
 * LiveKit access tokens by rule. Lobby tokens are data-only presence; room tokens join exactly one
 * media room. Grants are set explicitly so nothing is wider than the rule allows.
 */
import { AccessToken, RoomConfiguration, TrackSource } from 'livekit-server-sdk'
import { lobbyRoomName, mediaRoomName } from '../../protocol/presence.ts'
import type { LivekitConfig } from './config.ts'
import { SESSION_ATTRIBUTE, sealSession } from './session-seal.ts'

export const LOBBY_TTL_SECONDS = 15 * 60
export const ROOM_TTL_SECONDS = 10 * 60

export interface TokenSubject {
  workspaceId: string
  memberId: string
  name: string
  /** The stored hash of the session asking (session-seal.ts): the token lets its holder in only while that session lives. */
  session: string
}

const sessionAttributes = (lk: LivekitConfig, who: TokenSubject) => ({ [SESSION_ATTRIBUTE]: sealSession(lk.apiSecret, who.session) })

export function lobbyToken(lk: LivekitConfig, who: TokenSubject): Promise<string> {
  const at = new AccessToken(lk.apiKey, lk.apiSecret, { identity: who.memberId, name: who.name, ttl: LOBBY_TTL_SECONDS, attributes: sessionAttributes(lk, who) })
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

const MEDIA_SOURCES = [TrackSource.CAMERA, TrackSource.MICROPHONE, TrackSource.SCREEN_SHARE, TrackSource.SCREEN_SHARE_AUDIO]

/**
 * What someone in a media room may do: everyone listens, watches and sends data (raised hands,
 * reactions); only those who may `publish` send camera, microphone and screen. The token grants
 * it at entry, and RoomService.updateParticipant (which replaces the whole set) when a host brings
 * someone on stage or takes them off, so both come from here.
 */
export function mediaPermission(publish: boolean) {
  return {
    canSubscribe: true,
    canPublishData: true,
    canPublish: publish,
    // An empty list would mean every source: someone who may not publish gets none by canPublish.
    canPublishSources: publish ? [...MEDIA_SOURCES] : [],
    canUpdateMetadata: false,
  }
}

/**
 * Looking in at the door ("connect before the door"): a hidden participant that sends nothing and
 * is not seen. Its connection (signalling, ICE, DTLS) and its subscriptions are made while the
 * pointer rests on the room, so that entering is one RoomService call away (mediaPermission plus
 * hidden: false). It may subscribe: the app holds every subscription disabled until the click
 * (renderer/services/media/held-subscriptions.ts), which is what lets the first frame follow the
 * click at once. The server cannot hold them itself; a client that did not would receive the
 * room's media unseen, and that is bounded like its data packets (previews.ts): only for a member
 * the door lets in now, who could walk in and watch, and for at most PREVIEW_MAX_MS.
 */
export function previewPermission() {
  return { canSubscribe: true, canPublishData: false, canPublish: false, canPublishSources: [], canUpdateMetadata: false, hidden: true }
}

/** How long a preview token may be used to join (it is used at once, while the pointer rests). */
export const PREVIEW_TTL_SECONDS = 60

export function previewToken(lk: LivekitConfig, who: TokenSubject, room: { id: string; capacity: number }): Promise<string> {
  const name = mediaRoomName(who.workspaceId, room.id)
  const at = new AccessToken(lk.apiKey, lk.apiSecret, { identity: who.memberId, name: who.name, ttl: PREVIEW_TTL_SECONDS, attributes: sessionAttributes(lk, who) })
  const { canUpdateMetadata, ...grants } = previewPermission()
  at.addGrant({ roomJoin: true, room: name, ...grants, canUpdateOwnMetadata: canUpdateMetadata })
  at.roomConfig = roomConfig(name, room)
  return at.toJwt()
}

/** Rooms are created on join; their settings travel in the token (no CreateRoom round trip). */
const roomConfig = (name: string, room: { capacity: number }) => new RoomConfiguration({ name, maxParticipants: room.capacity, emptyTimeout: 60, departureTimeout: 10 })

/**
 * A media token for one room. `publish`: false for the audience of a stage room (only hosts, the
 * room's owner and people brought on stage speak there); true everywhere else.
 */
export function roomToken(lk: LivekitConfig, who: TokenSubject, room: { id: string; capacity: number }, publish = true): Promise<string> {
  const name = mediaRoomName(who.workspaceId, room.id)
  const at = new AccessToken(lk.apiKey, lk.apiSecret, { identity: who.memberId, name: who.name, ttl: ROOM_TTL_SECONDS, attributes: sessionAttributes(lk, who) })
  const { canUpdateMetadata, ...grants } = mediaPermission(publish)
  at.addGrant({ roomJoin: true, room: name, ...grants, canUpdateOwnMetadata: canUpdateMetadata })
  at.roomConfig = roomConfig(name, room)
  return at.toJwt()
}
