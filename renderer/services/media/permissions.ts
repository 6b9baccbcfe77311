/**
 * Who may publish in the call, as LiveKit says (the token's grant, changed in place when a host
 * brings someone on stage or takes them off), and the words for those who may not. The media
 * rooms service asks it before publishing and follows its changes; the call UI disables the
 * microphone and camera with the reason.
 */
import { ParticipantEvent, RoomEvent, type Participant, type Room } from 'livekit-client'

export const AUDIENCE_REASON = 'Only speakers talk on stage; raise your hand'

/** Unknown permissions (not connected yet) count as allowed: outside stage rooms everyone publishes. */
export const canPublish = (p: Participant | undefined): boolean => p?.permissions?.canPublish !== false

/**
 * Calls `changed(identity, may)` whenever someone's publishing permission changes in `room` (the
 * local participant's identity included); returns the unsubscribe.
 */
export function onPublishPermission(room: Room, changed: (identity: string, may: boolean) => void): () => void {
  const listener = (_previous: unknown, p: Participant) => changed(p.identity, canPublish(p))
  room.on(RoomEvent.ParticipantPermissionsChanged, listener)
  return () => void room.off(RoomEvent.ParticipantPermissionsChanged, listener)
}

/**
 * For the media rooms service: publishes the member's tracks once LiveKit lets them (at once when
 * it does already), and unpublishes them when it stops letting them (taken off stage). Returns the
 * unsubscribe.
 */
export function publishWhenAllowed(room: Room, tracks: { publishAll(room: Room): Promise<void>; unpublishAll(room: Room): Promise<void> }): () => void {
  const me = room.localParticipant
  if (canPublish(me)) void tracks.publishAll(room).catch(() => undefined)
  // The participant's own event: it is wired from the start, the room's only once connected.
  const changed = () => void (canPublish(me) ? tracks.publishAll(room) : tracks.unpublishAll(room)).catch(() => undefined)
  me.on(ParticipantEvent.ParticipantPermissionsChanged, changed)
  return () => void me.off(ParticipantEvent.ParticipantPermissionsChanged, changed)
}
