/**
 * A call that is light to keep open all day: a hidden window stops receiving video (adaptive
 * stream pauses the subscriptions) and gets it back when shown; a thumbnail receives half the
 * frames; Low power receives only the featured camera and a pinned one.
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

/** How many inbound video streams received bytes since the last call on this page (the first call: any that did). */
const videoStreamsGrowing = (page: Page) =>
  page.evaluate(async () => {
    const w = window as unknown as { __pcs: RTCPeerConnection[]; __videoBytes?: Record<string, number> }
    const before = (w.__videoBytes ??= {})
    let growing = 0
    for (const pc of w.__pcs) {
      if (pc.connectionState === 'closed') continue
      ;(await pc.getStats()).forEach((r: { type: string; id: string; kind?: string; bytesReceived?: number }) => {
        if (r.type !== 'inbound-rtp' || r.kind !== 'video') return
        if ((r.bytesReceived ?? 0) > (before[r.id] ?? 0)) growing++
        before[r.id] = r.bytesReceived ?? 0
      })
    }
    return growing
  })

/** The highest frame rate among the inbound video streams, as the page's own connections count it. */
const inboundFps = (page: Page) =>
  page.evaluate(async () => {
    let fps = 0
    for (const pc of (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs) {
      if (pc.connectionState === 'closed') continue
      ;(await pc.getStats()).forEach((r: { type: string; kind?: string; framesPerSecond?: number }) => {
        if (r.type === 'inbound-rtp' && r.kind === 'video') fps = Math.max(fps, r.framesPerSecond ?? 0)
      })
    }
    return fps
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
  // Silent microphones: nobody speaks, so Low power's featured camera is the longest in the room's.
  const suite = officeSuite({ silentMicrophone: true })
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

  it('a thumbnail in the strip receives a camera at half its frame rate; the focus view gets all of it', async () => {
    const a = await signIn(ana, true)
    const b = await signIn(bo)
    await enter(b)
    await enter(a)
    await videoFlowing(a.page, bo.name)
    // Chromium's fake camera sends 20 frames a second: a thumbnail receives 10 of them.
    await expect.poll(() => inboundFps(a.page), { interval: 500, timeout: 20_000 }).toBeLessThanOrEqual(12)
    expect(await inboundFps(a.page)).toBeGreaterThan(0)

    await a.expandCall(ROOM)
    await expect.poll(() => inboundFps(a.page), { interval: 500, timeout: 20_000 }).toBeGreaterThanOrEqual(16)
  })

  it('Low power receives only the camera of whoever has been in the room longest and a pinned one; off, every camera comes back', async () => {
    const a = await signIn(ana, true)
    const [b, c] = [await signIn(bo), await signIn(cy)]
    // Bo first: with nobody speaking, his is the camera Low power keeps.
    await enter(b)
    await enter(c)
    await enter(a)
    await videoFlowing(a.page, bo.name)
    await videoFlowing(a.page, cy.name)
    const video = (who: string) => a.page.locator(`video[aria-label="Video of ${who}"]`)

    let dialog = await a.openSettings()
    await dialog.getByRole('checkbox', { name: 'Low power' }).check()
    await a.closeSettings(dialog)
    // Cy's camera is unsubscribed (neither sent to Ana nor decoded): her tile shows initials; Bo's plays on.
    await video(cy.name).waitFor({ state: 'detached' })
    await videoFlowing(a.page, bo.name)
    await expect.poll(() => a.page.evaluate(() => document.querySelectorAll('video[aria-label^="Video of "]:not([aria-label="Video of you"])').length)).toBe(1)
    // What arrives, by the page's own connections: one camera's stream.
    await expect.poll(() => videoStreamsGrowing(a.page), { interval: 700, timeout: 20_000 }).toBe(1)

    // A pinned person is shown as well.
    await a.stage(ROOM).getByRole('button', { name: `Pin ${cy.name}`, exact: true }).click()
    await videoFlowing(a.page, cy.name)
    await videoFlowing(a.page, bo.name)
    await a.stage(ROOM).getByRole('button', { name: `Unpin ${cy.name}`, exact: true }).click()
    await video(cy.name).waitFor({ state: 'detached' })

    // Off again: every camera comes back.
    dialog = await a.openSettings()
    await dialog.getByRole('checkbox', { name: 'Low power' }).uncheck()
    await a.closeSettings(dialog)
    await videoFlowing(a.page, cy.name)
    await videoFlowing(a.page, bo.name)
    await expect.poll(() => videoStreamsGrowing(a.page), { interval: 700, timeout: 20_000 }).toBe(2)
  })
})
