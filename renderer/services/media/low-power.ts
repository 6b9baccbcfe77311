/**
 * Low power: video only for the active speaker (the last one who spoke stays on while nobody
 * does; before anyone has spoken, whoever has been in the room longest, by the server's
 * occupancy order, the same on every client), a pinned person and
 * screen shares; every other camera is unsubscribed, so it is neither sent nor decoded. Off
 * again, every camera comes back.
 */
import { RoomEvent, Track, type Participant, type Room } from 'livekit-client'
import type { MediaStore } from '../../stores/media/store.ts'

/** `arrivals`: who is in this room by the server's occupancy, earliest arrival first. */
export function watchLowPower(room: Room, media: MediaStore, arrivals: () => readonly string[]): () => void {
  let speaker: string | null = null
  /** The one camera Low power shows besides a pin: the last speaker still here, else the longest in the room. */
  const shown = (): string | null => {
    if (speaker && room.remoteParticipants.has(speaker)) return speaker
    const withCamera = (id: string) => !!room.remoteParticipants.get(id)?.getTrackPublication(Track.Source.Camera)
    // LiveKit's own joinedAt counts whole seconds: two who came in the same second would tie.
    const first = arrivals().find(withCamera)
    return first ?? [...room.remoteParticipants.keys()].find(withCamera) ?? null
  }
  const apply = () => {
    const { lowPower, pinned } = media.getState()
    const featured = lowPower ? shown() : null
    for (const p of room.remoteParticipants.values()) {
      const camera = p.getTrackPublication(Track.Source.Camera)
      if (!camera) continue
      // Unsubscribed rather than disabled: a disabled track would no longer follow adaptive
      // stream's visibility (hidden window, tile off screen) once enabled again.
      const wanted = !lowPower || p.identity === featured || p.identity === pinned
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
  room.on(RoomEvent.ParticipantDisconnected, apply)
  room.on(RoomEvent.Connected, apply)
  const off = media.subscribe((s, prev) => {
    if (s.lowPower !== prev.lowPower || s.pinned !== prev.pinned) apply()
  })
  return () => {
    off()
    room.off(RoomEvent.ActiveSpeakersChanged, onSpeakers)
    room.off(RoomEvent.TrackPublished, apply)
    room.off(RoomEvent.ParticipantDisconnected, apply)
    room.off(RoomEvent.Connected, apply)
  }
}
