/**
 * What the room-entry bench reads in the mover's page: the app's 'office:entry:*' measures (from
 * the click) and, from wrappers installed before the app runs, when each connection's ICE and then
 * DTLS finished (livekit-client keeps its connections to itself), when a remote video was put in
 * a tile, and when its first frame was received, presented and called back (requestVideoFrameCallback:
 * the app's own first-frame mark is that frame's expected display time; the callback itself waits
 * for the page's main thread).
 */
import type { BrowserContext, Page } from 'playwright-core'

export const ENTRY_STEPS = ['token', 'signal', 'connected', 'subscribed', 'first-packet', 'first-frame', 'first-audio'] as const
export type EntryStep = (typeof ENTRY_STEPS)[number]

export interface Entry {
  steps: Partial<Record<EntryStep, number>>
  /** Click → ICE connected / DTLS (connection 'connected') of the connection made for this entry. */
  ice?: number
  dtls?: number
  /** Click → a video element given a stream (the first after the subscription: the tile's). */
  attached?: number
  /** Click → the first presented frame's last packet received, and that frame presented. */
  received?: number
  presented?: number
  /** Click → the page's callback for that frame (the main thread's turn; the entry clock reads the frame's display time). */
  called?: number
  /** The click, wall-clock ms (performance.timeOrigin + its time). */
  clickWall: number
}

/** A frame called back by requestVideoFrameCallback: when, and its metadata's times (performance.now()). */
interface FrameRecord {
  at: number
  received: number
  presented: number
}

/** A connection the page made, and when it was made and finished ICE and DTLS (performance.now()). */
interface PcRecord {
  pc: RTCPeerConnection
  created: number
  ice?: number
  dtls?: number
}

export async function probeConnections(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const log: PcRecord[] = []
    const frames: FrameRecord[] = []
    const attached: number[] = []
    const w = window as unknown as { __pcs: typeof log; __frames: typeof frames; __attached: typeof attached; RTCPeerConnection: typeof RTCPeerConnection }
    w.__pcs = log
    w.__frames = frames
    w.__attached = attached
    const rvfc = HTMLVideoElement.prototype.requestVideoFrameCallback
    HTMLVideoElement.prototype.requestVideoFrameCallback = function (callback) {
      return rvfc.call(this, (now, meta) => {
        frames.push({ at: performance.now(), received: meta.receiveTime ?? meta.presentationTime, presented: meta.presentationTime })
        callback(now, meta)
      })
    }
    // A <video> with a stream put in the page (a tile adopts one the app warmed up before the click).
    new MutationObserver((records) => {
      for (const r of records)
        r.addedNodes.forEach((n) => {
          const videos = n instanceof HTMLVideoElement ? [n] : n instanceof Element ? [...n.querySelectorAll('video')] : []
          if (videos.some((v) => v.srcObject)) attached.push(performance.now())
        })
    }).observe(document, { childList: true, subtree: true })
    const Original = w.RTCPeerConnection
    w.RTCPeerConnection = class extends Original {
      constructor(config?: RTCConfiguration) {
        super(config)
        const rec: PcRecord = { pc: this, created: performance.now() }
        log.push(rec)
        this.addEventListener('iceconnectionstatechange', () => {
          if (this.iceConnectionState === 'connected' || this.iceConnectionState === 'completed') rec.ice ??= performance.now()
        })
        this.addEventListener('connectionstatechange', () => {
          if (this.connectionState === 'connected') rec.dtls ??= performance.now()
        })
      }
    }
  })
}

/**
 * How many keyframe requests (PLI) the receivers of each of the page's connections have sent so
 * far, by connection (null once closed): a first frame that needed one waited for the publisher's
 * next keyframe.
 */
export const keyframeRequests = (page: Page): Promise<(number | null)[]> =>
  page.evaluate(() =>
    Promise.all(
      (window as unknown as { __pcs: PcRecord[] }).__pcs.map(async ({ pc }) => {
        if (pc.connectionState === 'closed') return null
        let plis = 0
        ;(await pc.getStats()).forEach((s: { type: string; kind?: string; pliCount?: number }) => {
          if (s.type === 'inbound-rtp' && s.kind === 'video') plis += s.pliCount ?? 0
        })
        return plis
      }),
    ),
  )

/** The keyframe requests sent between two readings of keyframeRequests (by connections still open at the second). */
export const keyframesSince = (before: (number | null)[], after: (number | null)[]): number =>
  after.reduce<number>((n, plis, i) => n + Math.max(0, (plis ?? 0) - (before[i] ?? 0)), 0)

/** How many entries have reached their first frame (or given up) so far. */
export const entriesDone = (page: Page) => page.evaluate(() => performance.getEntriesByName('office:entry:first-frame').length)

/** The newest entry, once its first frame is in (`framesBefore`: entriesDone before its click). */
export async function readEntry(page: Page, framesBefore: number): Promise<Entry> {
  await page.waitForFunction((n) => performance.getEntriesByName('office:entry:first-frame').length > n, framesBefore, { timeout: 20_000, polling: 20 })
  // The first audio packet may follow the first frame: give it a moment (it is reported as missing otherwise).
  await page
    .waitForFunction(() => {
      const at = performance.getEntriesByName('office:entry:first-frame').at(-1)!.startTime
      return performance.getEntriesByName('office:entry:first-audio').some((e) => e.startTime === at)
    }, null, { timeout: 3_000, polling: 20 })
    .catch(() => undefined)
  return page.evaluate((steps) => {
    const frame = performance.getEntriesByName('office:entry:first-frame').at(-1)!
    const clickAt = frame.startTime
    const out: Omit<Entry, 'steps'> & { steps: Record<string, number> } = { steps: {}, clickWall: performance.timeOrigin + clickAt }
    for (const step of steps) {
      const m = performance.getEntriesByName(`office:entry:${step}`).filter((e) => e.startTime === clickAt).at(-1)
      if (m) out.steps[step] = m.duration
    }
    const pcs = (window as unknown as { __pcs: PcRecord[] }).__pcs.filter((p) => p.created >= clickAt)
    const pc = pcs[0]
    if (pc?.ice) out.ice = pc.ice - clickAt
    if (pc?.dtls) out.dtls = pc.dtls - clickAt
    const w = window as unknown as { __frames: FrameRecord[]; __attached: number[] }
    // The camera preview of this member's own tile is put in the page before anything is subscribed.
    const subscribedAt = clickAt + (out.steps.subscribed ?? 0)
    const attach = w.__attached.find((t) => t >= subscribedAt)
    if (attach !== undefined) out.attached = attach - clickAt
    // The entry clock's own callback: the first after the click.
    const first = w.__frames.find((f) => f.at >= clickAt)
    if (first) {
      out.received = first.received - clickAt
      out.presented = first.presented - clickAt
      out.called = first.at - clickAt
    }
    return out
  }, ENTRY_STEPS)
}
