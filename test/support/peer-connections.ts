/**
 * Keeps every RTCPeerConnection a page makes (livekit-client keeps its own to itself), for tests
 * that read what arrives over them or count and follow them. The page's `__pcs`, in order made.
 */
import type { BrowserContext, Page } from 'playwright-core'

/** Installs the recorder in every page of `context`; call before the page loads. */
export async function recordConnections(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const pcs: RTCPeerConnection[] = []
    const w = window as unknown as { __pcs: RTCPeerConnection[]; RTCPeerConnection: typeof RTCPeerConnection }
    w.__pcs = pcs
    const Original = w.RTCPeerConnection
    w.RTCPeerConnection = class extends Original {
      constructor(config?: RTCConfiguration) {
        super(config)
        pcs.push(this)
      }
    }
  })
}

/** The page's connections: how many it made, and how many are up now. */
export const connections = (page: Page): Promise<{ made: number; up: number }> =>
  page.evaluate(() => {
    const pcs = (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs
    return { made: pcs.length, up: pcs.filter((pc) => pc.connectionState === 'connected').length }
  })

/**
 * Waits until exactly one of the page's connections is open (a member at their desk: the lobby's
 * alone), and returns how many the page had made then, read in the same breath (two reads would
 * let a connection made between them pass for one made before).
 */
export async function madeWhenOneOpen(page: Page, timeout = 20_000): Promise<number> {
  const made = await page.waitForFunction(
    () => {
      const pcs = (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs
      const open = pcs.filter((pc) => pc.connectionState !== 'closed' && pc.connectionState !== 'failed').length
      return open === 1 && pcs.length
    },
    undefined,
    { timeout, polling: 100 },
  )
  return (await made.jsonValue()) as number
}

/** The states of the connections the page made after its first `from`. */
export const statesSince = (page: Page, from: number): Promise<RTCPeerConnectionState[]> =>
  page.evaluate((n) => (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs.slice(n).map((pc) => pc.connectionState), from)

/**
 * What the connections made after the page's first `from` receive: how many of their transceivers
 * are negotiated to receive (a subscription in place), and the media bytes received over them, video and audio.
 */
export const receivingSince = (page: Page, from: number): Promise<{ receivers: number; videoBytes: number; audioBytes: number; videoFrames: number; videoWidest: number }> =>
  page.evaluate(async (n) => {
    const pcs = (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs.slice(n)
    let receivers = 0
    let videoBytes = 0
    let audioBytes = 0
    let videoFrames = 0
    let videoWidest = 0
    for (const pc of pcs) {
      receivers += pc.getTransceivers().filter((t) => t.currentDirection === 'recvonly' || t.currentDirection === 'sendrecv').length
      ;(await pc.getStats()).forEach((s: { type: string; kind?: string; bytesReceived?: number; framesDecoded?: number; frameWidth?: number }) => {
        if (s.type !== 'inbound-rtp') return
        if (s.kind === 'audio') return void (audioBytes += s.bytesReceived ?? 0)
        videoBytes += s.bytesReceived ?? 0
        videoFrames += s.framesDecoded ?? 0
        videoWidest = Math.max(videoWidest, s.frameWidth ?? 0)
      })
    }
    return { receivers, videoBytes, audioBytes, videoFrames, videoWidest }
  }, from)

/** The largest `field` of the page's media-source stats of `kind` (what it captures) over its open connections; 0 when none. */
const capturedMost = (page: Page, kind: 'audio' | 'video', field: 'width' | 'totalSamplesDuration'): Promise<number> =>
  page.evaluate(
    async ([kind, field]) => {
      let most = 0
      for (const pc of (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs) {
        if (pc.connectionState === 'closed') continue
        ;(await pc.getStats()).forEach((s: Record<string, unknown>) => {
          if (s.type === 'media-source' && s.kind === kind) most = Math.max(most, Number(s[field] ?? 0))
        })
      }
      return most
    },
    [kind, field] as const,
  )

/** The width of the camera the page sends (its capture, before simulcast scales it down), 0 when none. */
export const cameraWidth = (page: Page): Promise<number> => capturedMost(page, 'video', 'width')

/**
 * Seconds of microphone audio the page has captured for its calls: a clock that runs whether anyone
 * listens or not, and whether the room is quiet or not (its packets are no clock: on silence, Opus
 * DTX sends about 5 a second instead of 50).
 */
export const microphoneSeconds = (page: Page): Promise<number> => capturedMost(page, 'audio', 'totalSamplesDuration')
