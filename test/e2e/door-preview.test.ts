/**
 * Connect before the door (issue 11): while Ana's pointer rests on the meeting room, her app joins
 * it as a hidden preview, so the connection and the subscriptions to Bo's tracks are made before
 * she clicks. Of Bo, only his camera's lowest layer reaches her meanwhile, playing in a <video>
 * nobody sees; his microphone is held. Bo, inside, sees nobody arrive and the floor counts one
 * person in the room; the click then needs no new connection, and they see and hear each other,
 * Bo in that <video>. A preview left alone is let go, its <video> too; one let go because the
 * pointer moved on to another room never takes the member's place when they then enter its room.
 */
import type { BrowserContext } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { SignedIn } from '../../protocol/api.ts'
import { cuttableSockets, signallingTo, type SocketCut } from '../support/network-cut.ts'
import { officeSuite } from '../support/office-suite.ts'
import { cameraWidth, connections, madeWhenOneOpen, microphoneSeconds, receivingSince, recordConnections, statesSince } from '../support/peer-connections.ts'
import { videoFlowing } from '../support/video-flowing.ts'
import type { Account } from './pages/office-page.ts'

const ana: Account = { name: 'Ana Silva', email: 'ana@example.com', password: 'correct horse 1' }
const bo: Account = { name: 'Bo Lee', email: 'bo@example.com', password: 'battery staple 2' }
const ROOM = 'Meeting room'

describe('connect before the door', () => {
  const suite = officeSuite()

  /**
   * Bo in the meeting room's call; Ana signed in at her desk, her page's connections recorded, only
   * the lobby's up (`prepare` readies her browser further before it loads).
   */
  const boInsideAnaAtDesk = async (prepare?: (context: BrowserContext) => Promise<void>) => {
    const http = suite.http()
    const owner = (await http.post<SignedIn>('/api/workspaces', { name: 'Acme', owner: ana })).body
    const invite = await http.post<{ code: string }>(`/api/workspaces/${owner.workspace.id}/invites`, { role: 'member' }, owner.session.token)
    await http.post(`/api/invites/${invite.body.code}/accept`, bo)
    const { office: b } = await suite.open(undefined, { beforeLoad: recordConnections })
    await b.signIn(bo)
    await b.walkInto(ROOM)
    await b.stage(ROOM).getByText('Connected').waitFor()
    const beforeLoad = async (context: BrowserContext) => {
      await recordConnections(context)
      await prepare?.(context)
    }
    const { office: a } = await suite.open(undefined, { beforeLoad })
    await a.signIn(ana, { parked: true })
    await a.room(ROOM, 1).waitFor()
    // At the desk: the lobby's connection is up (presence), and no other (her pointer parked off
    // the floor at sign-in, so it rests on no room).
    return { a, b, atDesk: await madeWhenOneOpen(a.page) }
  }

  /** Records on the page each state the call in `room` shows (window.callStates), as it changes. */
  const recordCallStates = (room: string) => {
    const states: string[] = []
    ;(window as unknown as { callStates: string[] }).callStates = states
    const read = () => {
      const now = document.querySelector(`[aria-label="Call in ${room}"] .call-state`)?.textContent
      if (now && now !== states.at(-1)) states.push(now)
    }
    new MutationObserver(read).observe(document.body, { subtree: true, childList: true, characterData: true })
  }

  /**
   * Whether this page's own avatar rests inside room `room`: there, and not moved over two frames.
   * (Found as the page's own, not by member id: each test here makes another workspace of Ana's,
   * and the member id of the newest need not be the one she is signed in as.)
   */
  const restsIn = async (room: string) => {
    const at = () => document.querySelector('[aria-label="People"] .avatar-self [data-roving]')?.getBoundingClientRect()
    const box = document.querySelector(`[aria-label="Rooms"] [data-roving="${room}"]`)?.getBoundingClientRect()
    const before = at()
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
    const avatar = at()
    if (!box || !avatar || JSON.stringify(avatar) !== JSON.stringify(before)) return false
    const [x, y] = [avatar.x + avatar.width / 2, avatar.y + avatar.height / 2]
    return x > box.left && x < box.right && y > box.top && y < box.bottom
  }

  it('resting on a room connects to it unseen; the click enters without a new connection', async () => {
    const { a, b, atDesk } = await boInsideAnaAtDesk()

    // The pointer rests on the room: a connection to it comes up.
    await a.room(ROOM).hover()
    await expect.poll(() => statesSince(a.page, atDesk), { timeout: 15_000 }).toContain('connected')
    const looking = await connections(a.page)
    // Subscribed to Bo's camera and microphone at the door, and nothing of them reaching her.
    await expect.poll(async () => (await receivingSince(a.page, atDesk)).receivers, { timeout: 15_000 }).toBeGreaterThanOrEqual(2)
    // Unseen: Bo's call has only him, and both floors count one person in the room.
    expect(await b.stage(ROOM).getByRole('figure').count()).toBe(1)
    await b.room(ROOM, 1).waitFor()
    await a.room(ROOM, 1).waitFor()
    // While she rests there, Bo's camera reaches her at its lowest layer only, decoded in a <video>
    // nobody sees, so that the click shows him at once; his microphone not at all, and for good:
    // while it sends another second and a half, nothing of it reaches her but what the server sends
    // when it holds a track that was flowing for a moment (livekit-server enables a subscription of
    // a client that says it adapts its streams as it is bound, and takes the hold again only after
    // a debounce): one second of Opus silence frames (53 packets, 4.6 kB;
    // pkg/sfu/downtrack.go RTPBlankFramesMuteSeconds), and then nothing more.
    // (His microphone is the clock: the seconds of it captured.)
    await expect.poll(async () => (await receivingSince(a.page, atDesk)).videoFrames, { timeout: 15_000 }).toBeGreaterThan(0)
    const clock = await microphoneSeconds(b.page)
    await expect.poll(() => microphoneSeconds(b.page), { timeout: 15_000 }).toBeGreaterThanOrEqual(clock + 1.5)
    const held = await receivingSince(a.page, atDesk)
    await expect.poll(() => microphoneSeconds(b.page), { timeout: 15_000 }).toBeGreaterThanOrEqual(clock + 3)
    const before = await receivingSince(a.page, atDesk)
    expect(before.videoFrames, 'frames of his camera decoded while she rests on the room').toBeGreaterThan(held.videoFrames)
    expect(before.videoWidest, 'widest frame of his camera received before the click: his lowest layer').toBeLessThanOrEqual((await cameraWidth(b.page)) / 2)
    expect(held.audioBytes, 'audio bytes received while held: at most a second of silence frames').toBeLessThan(6_000)
    expect(before.audioBytes, 'audio bytes received in the second and a half before the click').toBe(held.audioBytes)

    // Bo's camera plays in a <video> nobody sees, marked here.
    expect(await a.page.evaluate(() => [...document.querySelectorAll('video')].map((v) => ((v.dataset.before = 'click'), v.checkVisibility({ opacityProperty: true })))), 'videos before the click, and whether each is seen').toEqual([false])
    // Shown nowhere: nothing but the floor is drawn where she looks (the call is not open).
    expect(await a.page.getByRole('figure').count(), 'tiles before the click').toBe(0)

    // The click: in the call, through the connection made at the door.
    await a.walkInto(ROOM)
    await a.stage(ROOM).getByText('Connected').waitFor()
    await videoFlowing(a.page, bo.name)
    // His tile shows him in that very <video>, not one made after the click.
    expect(await a.page.locator(`video[aria-label="Video of ${bo.name}"]`).getAttribute('data-before')).toBe('click')
    await videoFlowing(b.page, ana.name)
    // And she hears him: his microphone reaches her over the connection made at the door.
    await expect.poll(async () => (await receivingSince(a.page, atDesk)).audioBytes, { timeout: 15_000 }).toBeGreaterThan(0)
    await Promise.all([a.room(ROOM, 2).waitFor(), b.room(ROOM, 2).waitFor()])
    expect((await connections(a.page)).made, 'connections made by the click').toBe(looking.made)
  })

  it('a click on the heels of the press that starts the preview shows the call once it is connected, before the server lets her in', async () => {
    // The server's answer to her entry is held here until Bo shows in her call.
    let answer = () => {}
    const answered = new Promise<void>((resolve) => (answer = resolve))
    let asked = false
    const { a, b } = await boInsideAnaAtDesk(async (context) => {
      await context.route((url) => url.pathname.endsWith('/rooms/room_meeting/enter'), async (route) => {
        asked = true
        await answered
        await route.fulfill({ response: await route.fetch() })
      })
    })
    // A straight click: the press starts the preview, the click comes before it is connected.
    await a.walkInto(ROOM)
    // Bo plays in her call while the server has not answered: his camera's frames were flowing as
    // soon as the preview was connected, and the call shows them then.
    await videoFlowing(a.page, bo.name)
    expect(asked, 'her entry asked of the server').toBe(true)
    // The people inside see her only once the server has let her in.
    expect(await b.stage(ROOM).getByRole('figure').count(), 'tiles in Bo\'s call before the answer').toBe(1)
    answer()
    await a.stage(ROOM).getByText('Connected').waitFor()
    await videoFlowing(b.page, ana.name)
    await Promise.all([a.room(ROOM, 2).waitFor(), b.room(ROOM, 2).waitFor()])
  })

  it('a click while the preview is reconnecting after a network drop enters the room all the same, seen and heard', async () => {
    let signalling: SocketCut | null = null
    const { a, b, atDesk } = await boInsideAnaAtDesk(async (context) => {
      signalling = await cuttableSockets(context, signallingTo((room) => room.endsWith('.room_meeting')))
    })
    await a.room(ROOM).hover()
    // Looking in: connected, its subscriptions in place. (Cut while it connects, livekit-client
    // says it is connected once its connection is up, signalling down or not, and only then notices.)
    await expect.poll(() => statesSince(a.page, atDesk), { timeout: 15_000 }).toEqual(['connected'])
    await expect.poll(async () => (await receivingSince(a.page, atDesk)).receivers, { timeout: 15_000 }).toBeGreaterThanOrEqual(2)

    // The network drops, and her preview's signalling with it: it is reconnecting (each attempt
    // refused) when she clicks. Of her requests, only the click's reveal reaches the server, passed
    // on from here; so the preview stays reconnecting for as long as this needs (the app's
    // watchdog, resume-watchdog.ts, starts only once the network is back).
    const context = a.page.context()
    await context.route((url) => url.pathname.endsWith('/rooms/room_meeting/enter'), async (route) => route.fulfill({ response: await route.fetch() }))
    await context.setOffline(true)
    await signalling!.cut()
    await expect.poll(() => signalling!.refused(), { timeout: 15_000 }).toBeGreaterThan(0)
    // The click: the server reveals her (the preview is still in the room at LiveKit, its media up).
    await a.page.evaluate(recordCallStates, ROOM)
    await a.walkInto(ROOM)
    await b.room(ROOM, 2).waitFor()
    // Her call says what it is doing: reconnecting, and never that it is connected before it is.
    await a.stage(ROOM).getByText('Reconnecting…').waitFor()
    expect(await a.page.evaluate(() => (window as unknown as { callStates: string[] }).callStates), 'what the call said before it was back').not.toContain('Connected')
    // The network is back: she is in the call, once, and they see each other. (livekit-client makes
    // a refused resume a full reconnect, and the app joins afresh if the call has not come back 3 s
    // after the network did.)
    await context.setOffline(false)
    await signalling!.restore()
    await a.stage(ROOM).getByText('Connected', { exact: true }).waitFor({ timeout: 20_000 })
    await videoFlowing(a.page, bo.name)
    await videoFlowing(b.page, ana.name)
    expect(await b.stage(ROOM).getByRole('figure').count()).toBe(2)
    await Promise.all([a.room(ROOM, 2).waitFor(), b.room(ROOM, 2).waitFor()])
  })

  it('walking past a door on the way into another room does not look in there', async () => {
    const { a, atDesk } = await boInsideAnaAtDesk()
    // From her desk, under the meeting room, the way into the lounge passes the meeting room's door
    // (an approach is within 60 px of a room).
    await a.walkInto('Lounge')
    await a.stage('Lounge').getByText('Connected').waitFor()
    await expect.poll(() => a.page.evaluate(restsIn, 'room_lounge'), { timeout: 15_000 }).toBe(true)
    // One connection, the lounge's (looked in at the press, and entered through), and none to the
    // meeting room: walking past its door on the way in elsewhere is not approaching it.
    expect((await connections(a.page)).made - atDesk, 'connections made on the way into the lounge').toBe(1)
  })

  it('the pointer crossing rooms before the click: the member enters and stays, counted by everyone', async () => {
    const { a, b, atDesk } = await boInsideAnaAtDesk()

    // The meeting room's preview starts, and is let go (perhaps still connecting) for the lounge's.
    await a.room(ROOM).hover()
    await expect.poll(async () => (await connections(a.page)).made, { timeout: 15_000 }).toBeGreaterThan(atDesk)
    await a.room('Lounge').hover()
    await expect.poll(async () => (await connections(a.page)).made, { timeout: 15_000 }).toBeGreaterThan(atDesk + 1)
    // Then the click on the meeting room: whichever way she gets in, her own late preview never replaces her there.
    await a.walkInto(ROOM)
    await a.stage(ROOM).getByText('Connected').waitFor()
    await a.page.mouse.move(5, 5)
    // Every preview gone: only the lobby and her call are up.
    await expect.poll(async () => (await connections(a.page)).up, { timeout: 20_000 }).toBe(2) // the lobby's and the call's
    await Promise.all([a.room(ROOM, 2).waitFor(), b.room(ROOM, 2).waitFor()])
    await expect(a.stage(ROOM).getByText('Connected').isVisible()).resolves.toBe(true)
    await videoFlowing(b.page, ana.name)
  })

  it('a preview left alone is let go', async () => {
    const http = suite.http()
    await http.post<SignedIn>('/api/workspaces', { name: 'Acme', owner: ana })
    const { office: a } = await suite.open(undefined, { beforeLoad: recordConnections })
    await a.signIn(ana, { parked: true })
    await a.room(ROOM, 0).waitFor()
    // At the desk: the lobby's connection is up (presence), and no other.
    const atDesk = await madeWhenOneOpen(a.page)
    await a.room(ROOM).hover()
    await expect.poll(() => statesSince(a.page, atDesk), { timeout: 15_000 }).toContain('connected')
    // The pointer moves on; within the app's idle time (8 s), well before the server's limit (20 s), the room's connection closes.
    await a.page.mouse.move(5, 5)
    const movedOn = Date.now()
    await expect.poll(async () => (await statesSince(a.page, atDesk)).every((state) => state === 'closed'), { timeout: 15_000 }).toBe(true)
    expect(Date.now() - movedOn, 'closed by the app, not shown out by the server').toBeLessThan(15_000)
  })

  it('the <video> made at the door for a camera inside is let go with the preview', async () => {
    const { a } = await boInsideAnaAtDesk()
    await a.room(ROOM).hover()
    // Bo's camera gets one, unseen, while she rests on the room.
    await expect.poll(() => a.page.locator('video').count(), { timeout: 15_000 }).toBe(1)
    await a.page.mouse.move(5, 5)
    // The preview let go (idle 8 s), nothing of it stays in her page.
    await expect.poll(() => a.page.locator('video').count(), { timeout: 20_000 }).toBe(0)
  })
})
