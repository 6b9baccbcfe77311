/**
 * What the member publishes in the active room: microphone (muted or not), camera when on, and a
 * screen share. The same track objects move from room to room; a track is published in one room
 * at a time (a LocalTrack has one sender), so the old room unpublishes before the next publishes.
 */
import { LocalVideoTrack, Track, type LocalAudioTrack, type LocalTrack, type Room, type TrackPublishOptions } from 'livekit-client'
import type { PlatformMedia } from '../../platform/platform.ts'
import type { MediaStore } from '../../stores/media/store.ts'
import type { LocalMedia } from './local-tracks.ts'
import { cameraPublish, micPublish, screenPublish } from './room-options.ts'

export interface Publisher {
  /** Acquires what the member's choices need (first entry only; later a no-op). */
  prepare(): Promise<void>
  publishAll(room: Room): Promise<void>
  /** Unpublishes the member's tracks from `room` without stopping them. */
  unpublishAll(room: Room): Promise<void>
  setMic(room: Room | null, on: boolean): Promise<void>
  /** `byRoom`: the room's kind decided it (the entry policy), not the member: the device lingers. */
  setCamera(room: Room | null, on: boolean, byRoom?: boolean): Promise<void>
  startScreen(platform: PlatformMedia, room: Room | null): Promise<void>
  stopScreen(room: Room | null): Promise<void>
}

/** How long a camera turned off by a room's kind keeps running, in case the next room wants it. */
const CAMERA_LINGER_MS = 60_000

export function createPublisher(local: LocalMedia, media: MediaStore): Publisher {
  let screen: LocalVideoTrack | null = null

  const publish = async (room: Room, track: LocalAudioTrack | LocalVideoTrack, opts: TrackPublishOptions) => {
    const lp = room.localParticipant
    if ([...lp.trackPublications.values()].some((p) => p.track === track)) return
    // livekit-client's typings reject its own subclasses under exactOptionalPropertyTypes (processor?).
    await lp.publishTrack(track as unknown as LocalTrack, opts)
  }

  const applyMic = async (on: boolean) => {
    const audio = media.getState().localAudio
    if (audio && audio.isMuted === on) await (on ? audio.unmute() : audio.mute())
  }

  const api: Publisher = {
    async prepare() {
      await Promise.all([local.audio(), media.getState().camOn ? local.video() : null])
    },
    async publishAll(room) {
      const { micOn, camOn } = media.getState()
      const audio = local.audio().then(async (track) => {
        await applyMic(micOn)
        await publish(room, track, micPublish)
      })
      const video = camOn ? local.video().then((track) => publish(room, track, cameraPublish)) : null
      await Promise.all([audio, video, screen ? publish(room, screen, screenPublish) : null])
    },
    async unpublishAll(room) {
      const lp = room.localParticipant
      await Promise.all([...lp.trackPublications.values()].map((p) => (p.track ? lp.unpublishTrack(p.track, false) : null)))
    },
    async setMic(_room, on) {
      media.getState().setDevices({ micOn: on })
      await applyMic(on)
    },
    async setCamera(room, on, byRoom = false) {
      media.getState().setDevices({ camOn: on })
      if (!on) return local.stopCamera(byRoom ? CAMERA_LINGER_MS : 0)
      if (!room) return // acquired when entering a room
      const track = await local.video()
      if (!media.getState().camOn) return local.stopCamera() // turned off again meanwhile
      if (track.isMuted) await track.unmute()
      await publish(room, track, cameraPublish)
    },
    async startScreen(platform, room) {
      if (screen) return
      const stream = await platform.getDisplayMedia({ video: { frameRate: 15 }, audio: false })
      const mst = stream.getVideoTracks()[0]!
      const track = new LocalVideoTrack(mst, undefined, true)
      track.source = Track.Source.ScreenShare
      screen = track
      // The browser's own "Stop sharing" ends the track.
      mst.addEventListener('ended', () => void api.stopScreen(media.getState().room))
      media.getState().setDevices({ screenOn: true })
      if (room) await publish(room, track, screenPublish)
    },
    async stopScreen(room) {
      const track = screen
      screen = null
      media.getState().setDevices({ screenOn: false })
      if (!track) return
      if (room) await room.localParticipant.unpublishTrack(track, false).catch(() => undefined)
      track.stop()
    },
  }
  return api
}
