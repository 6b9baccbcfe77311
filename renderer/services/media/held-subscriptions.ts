/**
 * A preview's subscriptions (connect before the door, rooms.ts). The preview joins without
 * autoSubscribe and subscribes to every track itself, disabled in the same breath, so that the
 * subscriptions are negotiated before the click while the media server forwards nothing: the
 * member neither sees nor hears the room until they walk in. Walking in enables them, which is one
 * signalling message (the server resumes with a keyframe), not a renegotiation after the join:
 * that is what takes the click → first frame below the two-peer floor's reach.
 *
 * The room keeps autoSubscribe off for its whole life, so tracks published later are subscribed
 * here too, as autoSubscribe would; Low power (low-power.ts, listening after this) may then
 * unsubscribe a camera it does not show.
 */
import { RoomEvent, type RemoteTrack, type RemoteTrackPublication, type Room } from 'livekit-client'

export interface HeldSubscriptions {
  /** Lets the media flow: every held track is enabled (video follows adaptive stream again). */
  release(): void
  stop(): void
}

/** livekit-client keeps an explicit enable for good; cleared, a video track follows its tiles' visibility again. */
const followAdaptiveStream = (pub: RemoteTrackPublication) => {
  ;(pub as unknown as { requestedDisabled: boolean | undefined }).requestedDisabled = undefined
  pub.emitTrackUpdate()
}

export function holdSubscriptions(room: Room): HeldSubscriptions {
  let held = true
  const taken = new WeakSet<RemoteTrackPublication>()
  const disabled = new Set<RemoteTrackPublication>()
  const take = (pub: RemoteTrackPublication) => {
    if (taken.has(pub)) return
    taken.add(pub)
    pub.setSubscribed(true)
    if (!held) return
    pub.setEnabled(false)
    disabled.add(pub)
  }
  const takeAll = () => {
    for (const p of room.remoteParticipants.values()) for (const pub of p.trackPublications.values()) take(pub)
  }
  // Subscribed again while held (Low power turning a camera back on): LiveKit's new subscription
  // starts enabled, and livekit-client does not say again that it is disabled. Say it.
  const resubscribed = (_track: RemoteTrack, pub: RemoteTrackPublication) => {
    if (held && disabled.has(pub)) pub.emitTrackUpdate()
  }
  room.on(RoomEvent.TrackPublished, take)
  room.on(RoomEvent.TrackSubscribed, resubscribed)
  room.on(RoomEvent.Connected, takeAll)
  takeAll()
  return {
    release() {
      if (!held) return
      held = false
      for (const pub of disabled) followAdaptiveStream(pub)
      disabled.clear()
    },
    stop() {
      room.off(RoomEvent.TrackPublished, take)
      room.off(RoomEvent.TrackSubscribed, resubscribed)
      room.off(RoomEvent.Connected, takeAll)
    },
  }
}
