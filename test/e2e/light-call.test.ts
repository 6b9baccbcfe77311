/**
 * A call that is light to keep open all day: a hidden window stops receiving video (adaptive
 * stream pauses the subscriptions) and gets it back when shown; Low power receives one camera
 * only, whoever has been in the room longest until someone speaks, then the speaker's.
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
  const mute = (office: OfficePage) => office.stage(ROOM).getByRole('button', { name: 'Mute microphone' }).click()
  const videoOf = (office: OfficePage, who: Account) => office.stage(ROOM).locator(`video[aria-label="Video of ${who.name}"]`)

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

  it('Low power receives one camera: the longest in the room until someone speaks, then the speaker', async () => {
    const a = await signIn(ana, true)
    const b = await signIn(bo)
    const c = await signIn(cy)
    // Bo is in first, then Cy; both muted, so nobody speaks.
    await enter(b)
    await mute(b)
    await enter(c)
    await mute(c)
    await enter(a)
    await mute(a)
    await Promise.all([videoFlowing(a.page, bo.name), videoFlowing(a.page, cy.name)])

    const dialog = await a.openSettings()
    await dialog.getByRole('checkbox', { name: 'Low power' }).check()
    await a.closeSettings(dialog)
    // Nobody speaks: Bo, in the room longest, is the one camera received.
    await videoOf(a, cy).waitFor({ state: 'detached' })
    await videoFlowing(a.page, bo.name)

    // Cy speaks: his camera comes, Bo's goes.
    // (His voice filters off first, as a member could: they take the fake microphone's beep for noise.)
    await c.speakWithoutVoiceFilters()
    await c.stage(ROOM).getByRole('button', { name: 'Unmute microphone' }).click()
    await a.callTile(ROOM, cy.name).and(a.page.locator('.tile-active, .tile-speaking')).waitFor({ timeout: 20_000 })
    await videoOf(a, bo).waitFor({ state: 'detached', timeout: 15_000 })
    await videoFlowing(a.page, cy.name)

    // Low power off: every camera again.
    const again = await a.openSettings()
    await again.getByRole('checkbox', { name: 'Low power' }).uncheck()
    await a.closeSettings(again)
    await Promise.all([videoFlowing(a.page, bo.name), videoFlowing(a.page, cy.name)])
  })
})
