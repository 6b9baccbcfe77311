/**
 * What the room-entry bench reads in the mover's page: the app's 'office:entry:*' measures (from
 * the click) and, from a wrapper round RTCPeerConnection installed before the app runs, when each
 * connection's ICE and then DTLS finished (livekit-client keeps its connections to itself).
 */
import type { BrowserContext, Page } from 'playwright-core'

export const ENTRY_STEPS = ['token', 'signal', 'connected', 'subscribed', 'first-packet', 'first-frame', 'first-audio'] as const
export type EntryStep = (typeof ENTRY_STEPS)[number]

export interface Entry {
  steps: Partial<Record<EntryStep, number>>
  /** Click → ICE connected / DTLS (connection 'connected') of the connection made for this entry. */
  ice?: number
  dtls?: number
  /** The click, wall-clock ms (performance.timeOrigin + its time). */
  clickWall: number
}

export async function probeConnections(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const log: { created: number; ice?: number; dtls?: number }[] = []
    const w = window as unknown as { __pcs: typeof log; RTCPeerConnection: typeof RTCPeerConnection }
    w.__pcs = log
    const Original = w.RTCPeerConnection
    w.RTCPeerConnection = class extends Original {
      constructor(config?: RTCConfiguration) {
        super(config)
        const rec: (typeof log)[number] = { created: performance.now() }
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
    const out: { steps: Record<string, number>; ice?: number; dtls?: number; clickWall: number } = { steps: {}, clickWall: performance.timeOrigin + clickAt }
    for (const step of steps) {
      const m = performance.getEntriesByName(`office:entry:${step}`).filter((e) => e.startTime === clickAt).at(-1)
      if (m) out.steps[step] = m.duration
    }
    const pcs = (window as unknown as { __pcs: { created: number; ice?: number; dtls?: number }[] }).__pcs.filter((p) => p.created >= clickAt)
    const pc = pcs[0]
    if (pc?.ice) out.ice = pc.ice - clickAt
    if (pc?.dtls) out.dtls = pc.dtls - clickAt
    return out
  }, ENTRY_STEPS)
}
