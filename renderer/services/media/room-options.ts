/**
 * How a media room is opened and what it publishes. Light by default: adaptive stream (tiles
 * receive the resolution they show; a hidden window pauses video) and dynacast (layers nobody
 * watches are not encoded); the camera is published with simulcast so a viewer can start on a
 * small layer.
 */
import { Track, VideoPresets, type ReconnectContext, type RoomOptions, type TrackPublishOptions } from 'livekit-client'
import { REJOIN_WINDOW_MS } from './types.ts'


/**
 * LiveKit's own resume is used only while this machine is, or was during the drop, offline: then
 * the server still holds the session and a resume keeps every subscription. When the network
 * stayed up, the server went away (LiveKit restarted): a resume there could leave the call
 * connected but silent, so the call is joined afresh instead (floor-changes.ts), which keeps the
 * camera and microphone tracks and takes about 1 s.
 */
let offlineAt = -1
export function createReconnectPolicy() {
  if (offlineAt < 0) {
    offlineAt = navigator.onLine ? 0 : Date.now()
    window.addEventListener('offline', () => (offlineAt = Date.now()))
  }
  return {
    nextRetryDelayInMs(ctx: ReconnectContext): number | null {
      const wentOffline = !navigator.onLine || Date.now() - offlineAt <= ctx.elapsedMs + 1_000
      if (!wentOffline || ctx.elapsedMs > REJOIN_WINDOW_MS) return null
      return [0, 300, 600, 1_000][ctx.retryCount] ?? 1_000
    },
  }
}

export function roomOptions(): RoomOptions {
  return {
    adaptiveStream: { pauseVideoInBackground: true },
    dynacast: true,
    stopLocalTrackOnUnpublish: false,
    disconnectOnPageLeave: true,
    reconnectPolicy: createReconnectPolicy(),
  }
}

/** Camera: simulcast with a 180p layer under the 360p capture. */
export const cameraPublish: TrackPublishOptions = {
  source: Track.Source.Camera,
  simulcast: true,
  videoSimulcastLayers: [VideoPresets.h180],
  videoEncoding: VideoPresets.h360.encoding,
}

export const micPublish: TrackPublishOptions = { source: Track.Source.Microphone, dtx: true, red: true }

export const screenPublish: TrackPublishOptions = { source: Track.Source.ScreenShare, simulcast: false }
