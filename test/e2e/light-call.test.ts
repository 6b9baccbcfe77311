/**
 * A call that is light to keep open all day: a hidden window stops receiving video (adaptive
 * stream pauses the subscriptions) and gets it back when shown; a thumbnail receives half the
 * frames; Low power receives only the featured camera and a pinned one; an idle desk runs no audio.
 *
 * A window the OS hides cannot exist in headless Chromium, so the page is told it is hidden the
 * way the OS tells it (visibilityState and the visibilitychange event). What is received is read
 * from the page's own RTCPeerConnections' getStats, not from anything the app says.
 */
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { audioContexts, recordAudioContexts } from '../support/audio-contexts.ts'
import { team } from '../support/factories.ts'
import { officeSuite } from '../support/office-suite.ts'
import { cameraWidth, connections, madeWhenOneOpen, microphoneSeconds, receivingSince, recordConnections, statesSince } from '../support/peer-connections.ts'
import { videoFlowing } from '../support/video-flowing.ts'
import type { Account, OfficePage } from './pages/office-page.ts'

const ana: Account = { name: 'Ana Silva', email: 'ana@example.com', password: 'correct horse 1' }
const bo: Account = { name: 'Bo Lee', email: 'bo@example.com', password: 'battery staple 2' }
const cy: Account = { name: 'Cy Park', email: 'cy@example.com', password: 'correct staple 3' }
const ROOM = 'Meeting room'

interface InboundVideo {
  id: string
  bytes: number
  fps: number
}

/** The page's inbound video streams now, over all its open connections. */
const inboundVideo = (page: Page): Promise<InboundVideo[]> =>
  page.evaluate(async () => {
    const streams: InboundVideo[] = []
    for (const pc of (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs) {
      if (pc.connectionState === 'closed') continue
      ;(await pc.getStats()).forEach((r: { type: string; id: string; kind?: string; bytesReceived?: number; framesPerSecond?: number }) => {
        if (r.type === 'inbound-rtp' && r.kind === 'video') streams.push({ id: r.id, bytes: r.bytesReceived ?? 0, fps: r.framesPerSecond ?? 0 })
      })
    }
    return streams
  })

/** Video bytes this page has received so far. */
const inboundVideoBytes = async (page: Page) => (await inboundVideo(page)).reduce((sum, s) => sum + s.bytes, 0)

/** The highest frame rate among the page's inbound video streams. */
const inboundFps = async (page: Page) => Math.max(0, ...(await inboundVideo(page)).map((s) => s.fps))

/** How many inbound video streams received bytes since the last call for this page (the first call: any that did). */
const bytesSeen = new WeakMap<Page, Map<string, number>>()
async function videoStreamsGrowing(page: Page): Promise<number> {
  const before = bytesSeen.get(page) ?? new Map<string, number>()
  bytesSeen.set(page, before)
  let growing = 0
  for (const s of await inboundVideo(page)) {
    if (s.bytes > (before.get(s.id) ?? 0)) growing++
    before.set(s.id, s.bytes)
  }
  return growing
}

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
    // Its connections counted: the pointer parked, so that it looks in at no door by itself.
    await office.signIn(account, { parked: watched })
    return office
  }
  const enter = async (office: OfficePage) => {
    await office.walkInto(ROOM)
    await office.stage(ROOM).getByText('Connected').waitFor()
  }

  beforeAll(async () => {
    await team(suite.http(), ana, [bo, cy])
  })

  /** Enters after the pointer rested on the room long enough to look in: the call is the preview, its microphones held and its cameras at their lowest layer until the click. */
  const enterThroughPreview = async (office: OfficePage) => {
    const made = (await connections(office.page)).made
    await office.room(ROOM).hover()
    await expect.poll(() => statesSince(office.page, made), { timeout: 15_000 }).toContain('connected')
    await enter(office)
  }

  for (const [way, enterA] of [
    ['', enter],
    [', also in a call entered through its door preview', enterThroughPreview],
  ] as const) {
  it(`a hidden window stops receiving video, and gets it back when shown${way}`, async () => {
    const a = await signIn(ana, true)
    const b = await signIn(bo)
    await enter(b)
    await enterA(a)
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
  }

  it('at an idle desk no audio runs (the lobby carries no sound); in a call it does', async () => {
    const { office: a } = await suite.open(undefined, { beforeLoad: recordAudioContexts })
    await a.signIn(ana)
    // LiveKit ran the lobby's AudioContext to test playback while connecting; it is suspended after.
    await expect.poll(async () => { const c = await audioContexts(a.page); return c.ran > 0 && c.running === 0 }, { timeout: 20_000 }).toBe(true)

    await enter(a)
    await expect.poll(async () => (await audioContexts(a.page)).running, { timeout: 20_000 }).toBeGreaterThan(0)
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

  it('a camera Low power turns to while the member looks in at the door comes at its lowest layer only until the click', async () => {
    const a = await signIn(ana, true)
    const b = await signIn(bo)
    const c = await signIn(cy, true)
    // Bo first: with nobody speaking, his is the camera Low power keeps.
    await enter(b)
    await enter(c)
    const dialog = await a.openSettings()
    await dialog.getByRole('checkbox', { name: 'Low power' }).check()
    await a.closeSettings(dialog)
    await a.page.mouse.move(5, 5)
    const atDesk = await madeWhenOneOpen(a.page)

    // Ana rests on the room: she looks in, Bo's camera at its lowest layer, Cy's not subscribed (Low power).
    await a.room(ROOM).hover()
    await expect.poll(() => statesSince(a.page, atDesk), { timeout: 15_000 }).toContain('connected')
    // Bo walks out: Low power turns to Cy's camera, and subscribes to it while Ana only looks in.
    await b.stage(ROOM).getByRole('button', { name: 'Leave room' }).click()
    await a.room(ROOM, 1).waitFor()
    // Two seconds of Cy's microphone later, no more than her camera's lowest layer has reached Ana:
    // a new subscription starts at the server's top layer, and the hold (a camera's lowest layer)
    // is said again as it is made (without that, 80 kB of her camera came, the top layer's).
    const clock = await microphoneSeconds(c.page)
    await expect.poll(() => microphoneSeconds(c.page), { timeout: 15_000 }).toBeGreaterThanOrEqual(clock + 2)
    expect((await receivingSince(a.page, atDesk)).videoWidest, 'widest frame received before the click: a lowest layer').toBeLessThanOrEqual((await cameraWidth(c.page)) / 2)

    // The click: in through the same connection, and Cy's camera plays.
    await enter(a)
    await videoFlowing(a.page, cy.name)
    expect((await connections(a.page)).made - atDesk, 'connections made to enter').toBe(1)
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
