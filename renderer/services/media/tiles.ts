/**
 * The hand-written tiles of today's call panel (renderer/media/Stage.tsx): one per person, from
 * the active room. Kept until the call UI reads tracks through components-react.
 */
import { RoomEvent, Track, type Participant, type Room } from 'livekit-client'
import type { MediaStore, Tile } from '../../stores/media/store.ts'

const TILE_EVENTS = [
  RoomEvent.ParticipantConnected, RoomEvent.ParticipantDisconnected, RoomEvent.TrackSubscribed, RoomEvent.TrackUnsubscribed,
  RoomEvent.TrackMuted, RoomEvent.TrackUnmuted, RoomEvent.LocalTrackPublished, RoomEvent.LocalTrackUnpublished, RoomEvent.ActiveSpeakersChanged,
] as const

function tileOf(p: Participant, isLocal: boolean): Tile {
  const video = p.getTrackPublication(Track.Source.Camera)
  const audio = p.getTrackPublication(Track.Source.Microphone)
  return {
    identity: p.identity,
    name: p.name || p.identity,
    local: isLocal,
    video: video?.track && !video.isMuted ? video.track : null,
    audio: isLocal ? null : (audio?.track ?? null),
    micMuted: audio ? audio.isMuted : true,
    speaking: p.isSpeaking,
  }
}

/** Refreshes the store's tiles from `room` while it is the active one; returns the refresh. */
export function watchTiles(room: Room, media: MediaStore): () => void {
  const refresh = () => {
    if (media.getState().room !== room) return
    media.getState().setTiles([tileOf(room.localParticipant, true), ...[...room.remoteParticipants.values()].map((p) => tileOf(p, false))])
  }
  for (const event of TILE_EVENTS) room.on(event, refresh)
  return refresh
}
