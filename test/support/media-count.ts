/**
 * Counts device acquisitions in a browser context: every getUserMedia / getDisplayMedia call,
 * whoever makes it (the app through its Platform, or livekit-client behind its back), and which
 * of the tracks they returned are still live (a camera whose light is on).
 */
import type { BrowserContext, Page } from 'playwright-core'

export interface MediaCounts {
  /** getUserMedia calls that asked for video / audio; getDisplayMedia calls. */
  camera: number
  microphone: number
  screen: number
  /** Camera tracks still running (the light is on). */
  liveCameras: number
}

/** Installs the counter in every page of `context`; call before the page loads. */
export async function countMedia(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const seen = { camera: 0, microphone: 0, screen: 0, cameras: [] as MediaStreamTrack[] }
    ;(window as unknown as { __media: typeof seen }).__media = seen
    const proto = MediaDevices.prototype
    const gum = proto.getUserMedia
    proto.getUserMedia = async function (this: MediaDevices, c?: MediaStreamConstraints) {
      if (c?.video) seen.camera++
      if (c?.audio) seen.microphone++
      const stream = await gum.call(this, c)
      seen.cameras.push(...stream.getVideoTracks())
      return stream
    }
    const gdm = proto.getDisplayMedia
    proto.getDisplayMedia = function (this: MediaDevices, o?: DisplayMediaStreamOptions) {
      seen.screen++
      return gdm.call(this, o)
    }
  })
}

export function mediaCounts(page: Page): Promise<MediaCounts> {
  return page.evaluate(() => {
    const seen = (window as unknown as { __media: { camera: number; microphone: number; screen: number; cameras: MediaStreamTrack[] } }).__media
    return { camera: seen.camera, microphone: seen.microphone, screen: seen.screen, liveCameras: seen.cameras.filter((t) => t.readyState === 'live').length }
  })
}
