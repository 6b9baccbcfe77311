/**
 * The people already inside the rooms of the room-entry benchmark, without the office around them:
 * each is a LiveKit participant of its own (a Room per person, all in this one page) publishing the
 * fake camera and microphone with the app's own publish options, and watching the others in the
 * room the way a call strip does (the small layer). They note when a newcomer's microphone first
 * reaches them: the moment the room hears the one who walked in. On a real floor they are other people's
 * machines; here they share two cores with the member who is measured, so they carry no office UI.
 */
import { Room, RoomEvent, Track, VideoQuality, createLocalTracks, type RemoteTrackPublication } from 'livekit-client'
import { connectOptions } from '../../../renderer/services/livekit-options.ts'
import { CAPTURE } from '../../../renderer/services/media/local-tracks.ts'
import { cameraPublish, micPublish } from '../../../renderer/services/media/room-options.ts'

const rooms: Room[] = []
/** When each person's microphone first reached someone here (its first packet), wall-clock ms. */
const heard: Record<string, number[]> = {}

/** Sits one person in a room: connected, camera and microphone published, the others watched small. */
async function sit(url: string, token: string): Promise<void> {
  const room = new Room({ adaptiveStream: false, dynacast: true, disconnectOnPageLeave: true })
  const small = (pub: RemoteTrackPublication) => {
    if (pub.kind === Track.Kind.Video) pub.setVideoQuality(VideoQuality.LOW)
  }
  room.on(RoomEvent.TrackSubscribed, (track, pub, from) => {
    small(pub)
    if (track.kind !== Track.Kind.Audio) return
    const at = () => void (heard[from.identity] ??= []).push(performance.timeOrigin + performance.now())
    if (track.mediaStreamTrack.muted) track.mediaStreamTrack.addEventListener('unmute', at, { once: true })
    else at()
  })
  await room.connect(url, token, connectOptions(url))
  const tracks = await createLocalTracks({ audio: true, video: { resolution: CAPTURE } })
  for (const track of tracks) await room.localParticipant.publishTrack(track, track.kind === Track.Kind.Video ? cameraPublish : micPublish)
  rooms.push(room)
}

async function leaveAll(): Promise<void> {
  await Promise.all(rooms.splice(0).map((r) => r.disconnect(true)))
}

/** When `identity`'s microphone first reached each of the people here, wall-clock ms, oldest first. */
const heardFrom = (identity: string): number[] => heard[identity] ?? []

Object.assign(window, { sit, leaveAll, heardFrom })
