/**
 * The member's own microphone and camera, acquired through the Platform and kept across rooms.
 * They are "user-provided" tracks to livekit-client, so it never stops or re-acquires them itself:
 * muting the microphone only disables it; turning the camera off stops the device (its light goes
 * off) and turning it on acquires it once; a device switch acquires that device once (choosing the
 * device already in use acquires nothing). Room switches never touch a device.
 */
import { LocalAudioTrack, LocalVideoTrack, Track, VideoPresets } from 'livekit-client'
import type { PlatformMedia } from '../../platform/platform.ts'
import type { MediaKind, MediaStore } from '../../stores/media/store.ts'

export interface LocalMedia {
  /** The microphone track, acquired on first use. */
  audio(): Promise<LocalAudioTrack>
  /** The camera track with a live device, acquired on first use or after it was turned off. */
  video(): Promise<LocalVideoTrack>
  /**
   * Mutes the camera and stops the device (light off); the track object stays for the next
   * `video()`. With `lingerMs` the device stops only after that long: a room whose kind starts
   * with the camera off (a lounge) does not cost a re-acquisition when the member walks on into
   * a meeting room. The member's own "camera off" stops it at once.
   */
  stopCamera(lingerMs?: number): Promise<void>
  switchDevice(kind: 'audioinput' | 'videoinput', deviceId: string): Promise<void>
  setAudioProcessing(opts: AudioProcessing): Promise<void>
  stop(): void
}

export interface AudioProcessing {
  noiseSuppression: boolean
  echoCancellation: boolean
}

export const CAPTURE = VideoPresets.h360.resolution

type Own = LocalAudioTrack | LocalVideoTrack

export function createLocalMedia(media: PlatformMedia, store: MediaStore, lost: (kind: MediaKind, deviceId: string) => void): LocalMedia {
  let processing: AudioProcessing = { noiseSuppression: true, echoCancellation: true }
  let audio: Promise<LocalAudioTrack> | null = null
  /** The camera track object (kept while the camera is off), and the acquisition that made it live. */
  let video: LocalVideoTrack | null = null
  let videoLive: Promise<LocalVideoTrack> | null = null
  /** A camera off only because of the room's kind keeps running a little (see stopCamera). */
  let stopping: ReturnType<typeof setTimeout> | null = null

  const device = (kind: MediaKind) => store.getState().activeDevices[kind]
  const audioConstraints = (): MediaTrackConstraints => ({ ...processing, autoGainControl: true, ...(device('audioinput') ? { deviceId: { exact: device('audioinput') } } : {}) })
  const videoConstraints = (): MediaTrackConstraints => ({
    width: CAPTURE.width,
    height: CAPTURE.height,
    frameRate: CAPTURE.frameRate ?? 30,
    ...(device('videoinput') ? { deviceId: { exact: device('videoinput') } } : {}),
  })

  /** One acquisition through the Platform; an unplugged device ends the track and is reported. */
  const acquire = async (kind: 'audioinput' | 'videoinput'): Promise<MediaStreamTrack> => {
    const stream = await media.getUserMedia(kind === 'audioinput' ? { audio: audioConstraints() } : { video: videoConstraints() })
    const mst = kind === 'audioinput' ? stream.getAudioTracks()[0]! : stream.getVideoTracks()[0]!
    mst.addEventListener('ended', () => lost(kind, mst.getSettings().deviceId ?? ''))
    return mst
  }

  const wrap = <T extends Own>(kind: 'audioinput' | 'videoinput', mst: MediaStreamTrack): T => {
    const track = kind === 'audioinput' ? new LocalAudioTrack(mst, audioConstraints(), true) : new LocalVideoTrack(mst, videoConstraints(), true)
    track.source = kind === 'audioinput' ? Track.Source.Microphone : Track.Source.Camera
    store.getState().setLocal(kind === 'audioinput' ? { localAudio: track as LocalAudioTrack } : { localVideo: track as LocalVideoTrack })
    return track as T
  }

  /**
   * Puts a new device track under `track`: a published track keeps its publication (replaceTrack);
   * one published nowhere (between rooms) is simply wrapped anew. Muted stays muted.
   */
  const replace = async <T extends Own>(kind: 'audioinput' | 'videoinput', track: T, next: MediaStreamTrack): Promise<T> => {
    const old = track.mediaStreamTrack
    next.enabled = !track.isMuted
    let result = track
    if (track.sender) {
      await track.replaceTrack(next, { userProvidedTrack: true })
    } else {
      result = wrap<T>(kind, next)
      if (track.isMuted) await result.mute()
    }
    old.stop()
    return result
  }

  const api: LocalMedia = {
    audio() {
      audio ??= acquire('audioinput').then((mst) => wrap<LocalAudioTrack>('audioinput', mst))
      audio.catch(() => (audio = null))
      return audio
    },
    video() {
      if (stopping) clearTimeout(stopping)
      stopping = null
      videoLive ??= acquire('videoinput').then(async (mst) => (video = video ? await replace('videoinput', video, mst) : wrap<LocalVideoTrack>('videoinput', mst)))
      videoLive.catch(() => (videoLive = null))
      return videoLive.then(async (track) => {
        if (track.isMuted) await track.unmute()
        store.getState().setLocal({ localVideo: track })
        return track
      })
    },
    async stopCamera(lingerMs = 0) {
      const live = videoLive
      const track = await live?.catch(() => null)
      if (!track || videoLive !== live) return
      if (!track.isMuted) await track.mute()
      store.getState().setLocal({ localVideo: null })
      const halt = () => {
        stopping = null
        if (videoLive !== live) return // turned on again meanwhile
        videoLive = null
        track.mediaStreamTrack.stop()
      }
      if (stopping) clearTimeout(stopping)
      stopping = lingerMs > 0 ? setTimeout(halt, lingerMs) : null
      if (lingerMs <= 0) halt()
    },
    async switchDevice(kind, deviceId) {
      store.getState().setActiveDevice(kind, deviceId)
      // A camera that is off and only lingers for the next room is not switched (the new one would
      // run with nobody to stop it): it stops now, and the next acquisition uses the new device.
      if (kind === 'videoinput' && stopping) return api.stopCamera()
      const current = await (kind === 'audioinput' ? audio : videoLive)?.catch(() => null)
      // Not acquired (or the camera is off): the next acquisition uses the new device.
      if (!current || current.mediaStreamTrack.readyState !== 'live') return
      // The device already in use (e.g. the remembered choice applied at start): nothing to acquire.
      if (deviceId && current.mediaStreamTrack.getSettings().deviceId === deviceId) return
      const next = replace(kind, current, await acquire(kind))
      if (kind === 'audioinput') audio = next as Promise<LocalAudioTrack>
      else videoLive = (next as Promise<LocalVideoTrack>).then((t) => (video = t))
      await next
    },
    async setAudioProcessing(next) {
      processing = next
      const track = await audio?.catch(() => null)
      if (!track) return
      // Chromium applies these only at capture time: one re-acquisition of the microphone.
      audio = replace('audioinput', track, await acquire('audioinput'))
      await audio
    },
    stop() {
      if (stopping) clearTimeout(stopping)
      void audio?.then((t) => t.stop()).catch(() => undefined)
      video?.stop()
      audio = null
      video = null
      videoLive = null
      store.getState().setLocal({ localAudio: null, localVideo: null })
    },
  }
  return api
}
