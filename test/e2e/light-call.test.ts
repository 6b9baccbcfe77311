/**
 * A call that is light to keep open all day: a hidden window stops receiving video (adaptive
 * stream pauses the subscriptions) and gets it back when shown.
 *
 * A window the OS hides cannot exist in headless Chromium, so the page is told it is hidden the
 * way the OS tells it (visibilityState and the visibilitychange event). What is received is read
 * from the page's own RTCPeerConnections' getStats, not from anything the app says.
 */
import type { BrowserContext, Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { team } from '../support/factories.ts'
import { officeSuite } from '../support/office-suite.ts'
import { videoFlowing } from '../support/video-flowing.ts'
import type { Account, OfficePage } from './pages/office-page.ts'

const ana: Account = { name: 'Ana Silva', email: 'ana@example.com', password: 'correct horse 1' }
const bo: Account = { name: 'Bo Lee', email: 'bo@example.com', password: 'battery staple 2' }
const cy: Account = { name: 'Cy Park', email: 'cy@example.com', password: 'correct staple 3' }
const ROOM = 'Meeting room'

/** Keeps every RTCPeerConnection the page makes, for inboundVideoBytes. */
async function recordConnections(context: BrowserContext): Promise<void> {
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

/** Video bytes this page has received so far, over all its open connections. */
const inboundVideoBytes = (page: Page) =>
  page.evaluate(async () => {
    let bytes = 0
    for (const pc of (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs) {
      if (pc.connectionState === 'closed') continue
      ;(await pc.getStats()).forEach((r: { type: string; kind?: string; bytesReceived?: number }) => {
        if (r.type === 'inbound-rtp' && r.kind === 'video') bytes += r.bytesReceived ?? 0
      })
    }
    return bytes
  })

/** Resolves once no video byte arrives between two reads 0.7 s apart (video at any frame rate would). */
async function videoStopped(page: Page): Promise<void> {
  let last = -1
  await expect
    .poll(
      async () => {
        const now = await inboundVideoBytes(page)
        const still = now === last
        last = now
        return still
      },
      { interval: 700, timeout: 20_000 },
    )
    .toBe(true)
}

/** Tells the page the window is hidden or shown, as the OS does when it is minimised or restored. */
const setHidden = (page: Page, hidden: boolean) =>
  page.evaluate((h) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (h ? 'hidden' : 'visible') })
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => h })
    document.dispatchEvent(new Event('visibilitychange'))
  }, hidden)

describe('a light call', () => {
  const suite = officeSuite()
  const signIn = async (account: Account, watched = false) => {
    const { office } = await suite.open(undefined, watched ? { beforeLoad: recordConnections } : {})
    await office.signIn(account)
    return office
  }
  const enter = async (office: OfficePage) => {
    await office.walkInto(ROOM)
    await office.stage(ROOM).getByText('Connected').waitFor()
  }

  beforeAll(async () => {
    await team(suite.http(), ana, [bo, cy])
  })

  it('a hidden window stops receiving video, and gets it back when shown', async () => {
    const a = await signIn(ana, true)
    const b = await signIn(bo)
    await enter(b)
    await enter(a)
    await videoFlowing(a.page, bo.name)

    await setHidden(a.page, true)
    await videoStopped(a.page)
    // Still in the call: hiding the window pauses video, it does not leave.
    expect(await a.stage(ROOM).getByText('Connected').count()).toBe(1)

    const before = await inboundVideoBytes(a.page)
    await setHidden(a.page, false)
    await expect.poll(() => inboundVideoBytes(a.page), { timeout: 15_000 }).toBeGreaterThan(before)
    await videoFlowing(a.page, bo.name)
  })
})
