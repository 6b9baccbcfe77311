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

/** The states of the connections the page made after its first `from`. */
export const statesSince = (page: Page, from: number): Promise<RTCPeerConnectionState[]> =>
  page.evaluate((n) => (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs.slice(n).map((pc) => pc.connectionState), from)
