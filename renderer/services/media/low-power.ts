/**
 * Low power: video only for the active speaker (the last one who spoke stays on while nobody
 * does), a pinned person and screen shares; every other camera is unsubscribed, so it is neither
 * sent nor decoded. Off again, every camera comes back.
 */
import { RoomEvent, Track, type Participant, type Room } from 'livekit-client'
import type { MediaStore } from '../../stores/media/store.ts'

export function watchLowPower(room: Room, media: MediaStore): () => void {
  let speaker: string | null = null
  const apply = () => {
    const { lowPower, pinned } = media.getState()
    for (const p of room.remoteParticipants.values()) {
      const camera = p.getTrackPublication(Track.Source.Camera)
      if (!camera) continue
      // Unsubscribed rather than disabled: a disabled track would no longer follow adaptive
      // stream's visibility (hidden window, tile off screen) once enabled again.
      const wanted = !lowPower || p.identity === speaker || p.identity === pinned
      if (camera.isDesired !== wanted) camera.setSubscribed(wanted)
    }
  }
  const onSpeakers = (speakers: Participant[]) => {
    const remote = speakers.find((p) => p !== room.localParticipant)
    if (remote) speaker = remote.identity
    apply()
  }
  room.on(RoomEvent.ActiveSpeakersChanged, onSpeakers)
  room.on(RoomEvent.TrackPublished, apply)
  room.on(RoomEvent.Connected, apply)
  const off = media.subscribe((s, prev) => {
    if (s.lowPower !== prev.lowPower || s.pinned !== prev.pinned) apply()
  })
  return () => {
    off()
    room.off(RoomEvent.ActiveSpeakersChanged, onSpeakers)
    room.off(RoomEvent.TrackPublished, apply)
    room.off(RoomEvent.Connected, apply)
  }
}
