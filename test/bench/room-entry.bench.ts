/**
 * Entering a room as a member feels it: two people sit in the meeting room and two in the lounge,
 * cameras on, watching each other; a fifth member, in the office app, switches between the two
 * rooms 30 times. The four sitters are bare LiveKit participants in a page of another browser
 * (pages/sitters.ts): on a real floor they are other people's machines, and run as full office
 * apps they saturated this 2-core machine (load average 10), so the figures measured contention
 * more than the entry. Each switch starts once the last has settled (both people inside hear the
 * mover), as anyone stays in a room for more than a moment. Per switch, from the click: connected,
 * the first remote video frame on screen, the first audio packet, when both people inside hear the
 * mover, and where the time went (token, signalling join, ICE, DTLS, subscribe, first packet). Compared with the physical
 * floor measured in the same run: two RTCPeerConnections in one page of the same Chromium.
 */
import type { Browser, Page } from 'playwright-core'
import type { RoomToken, SignedIn } from '../../protocol/api.ts'
import { OfficePage, type Account } from '../e2e/pages/office-page.ts'
import { launchBrowser, openUser } from '../support/browser.ts'
import { httpClient } from '../support/http.ts'
import { startStack } from '../support/stack.ts'
import { buildPages, servePages, type StaticSite } from './bench-pages.ts'
import { entriesDone, keyframeRequests, keyframesSince, probeConnections, readEntry, type Entry } from './entry-probe.ts'
import { ms, summary, type Benchmark, type Row } from './harness.ts'
import { measureFloor } from './two-peer-floor.ts'

const SWITCHES = 30
/**
 * The second series: the pointer rests this long on the room before the click, as a person's does
 * when it settles on a target (connect before the door: the app joins the room unseen after 150 ms).
 */
const REST_MS = 400
const ROOMS = ['Meeting room', 'Lounge'] as const
/** Their ids on the starter floor (server/floor/starter.ts). */
const ROOM_IDS = ['room_meeting', 'room_lounge'] as const

interface Sitters {
  heardFrom(identity: string): number[]
}
const heardFrom = (page: Page, identity: string) => page.evaluate((id) => (window as unknown as Sitters).heardFrom(id), identity)

/** One switch: its entry, when both people inside heard the mover, and the keyframe requests the mover's receivers sent by its first frame. */
type Switch = Entry & { heard: number; plis: number }
/** How many of the switches' first frames waited for a keyframe asked for (a PLI sent), and how many were asked for in all. */
const keyframesAsked = (entries: Switch[]) => `${entries.filter((e) => e.plis > 0).length} of ${entries.length} entries sent a keyframe request (${entries.reduce((n, e) => n + e.plis, 0)} in all)`

const account = (name: string, i: number): Account => ({ name, email: `bench${i}@example.com`, password: `bench-password-${i}` })

export const roomEntry: Benchmark = {
  name: 'room entry',
  async run() {
    // With LiveKit's webhooks: the floor shows who is in which room.
    const stack = await startStack({ serveClient: true })
    const { server } = stack
    const browsers: Browser[] = []
    let site: StaticSite | null = null
    try {
      const http = httpClient(server.url)
      const mover = account('Mover', 0)
      const owner = (await http.post<SignedIn>('/api/workspaces', { name: 'Bench', owner: mover })).body
      // The people inside: four members, two per room, cameras on, in a bare page of their own
      // browser (pages/sitters.ts): the measured member's machine does only the measured member's work.
      await buildPages('sitters')
      site = await servePages()
      const crowd = await launchBrowser()
      browsers.push(crowd)
      const sitterPage = (await openUser(crowd, `${site.url}/sitters.html`)).page
      await sitterPage.waitForFunction(() => 'sit' in window)
      for (const [i, name] of ['Ana Silva', 'Bo Lee', 'Cy Park', 'Di Noor'].entries()) {
        const invite = await http.post<{ code: string }>(`/api/workspaces/${owner.workspace.id}/invites`, { role: 'member' }, owner.session.token)
        const sitter = (await http.post<SignedIn>(`/api/invites/${invite.body.code}/accept`, account(name, i + 1))).body
        const room = ROOM_IDS[i % 2]!
        const { url, token } = (await http.post<RoomToken>(`/api/workspaces/${owner.workspace.id}/rooms/${room}/token`, {}, sitter.session.token)).body
        await sitterPage.evaluate(({ url, token }) => (window as unknown as { sit(u: string, t: string): Promise<void> }).sit(url, token), { url, token })
      }
      const own = await launchBrowser()
      browsers.push(own)
      const user = await openUser(own, server.url, { beforeLoad: probeConnections })
      const office = new OfficePage(user.page)
      await office.signIn(mover)
      await office.room(ROOMS[0], 2).waitFor()
      await office.room(ROOMS[1], 2).waitFor()

      /** One series of switches: straight clicks, or the pointer resting on the room for `dwellMs` first. */
      const series = async (dwellMs: number) => {
        const entries: Switch[] = []
        for (let i = 0; i <= SWITCHES; i++) {
          const room = ROOMS[i % 2]!
          // A step that fails says which it was, in which switch: a timeout alone names no step.
          const at = <T>(step: string, run: Promise<T>) =>
            run.catch((err: unknown) => {
              throw new Error(`${dwellMs > 0 ? `rested ${dwellMs} ms` : 'straight'} switch ${i} into ${room}, ${step}: ${(err as Error).message}`)
            })
          const before = await entriesDone(user.page)
          const plisBefore = await keyframeRequests(user.page)
          if (dwellMs > 0) {
            // A person's pointer settles on the room before the click; the wait is theirs, not a sync.
            await at('hover', office.room(room).hover({ position: { x: 16, y: 16 } }))
            await user.page.waitForTimeout(dwellMs)
          }
          await at('click and walk in', office.walkInto(room))
          const heardBefore = (await heardFrom(sitterPage, owner.member.id)).length
          const entry = await at('first frame', readEntry(user.page, before))
          const plis = keyframesSince(plisBefore, await keyframeRequests(user.page))
          await at('call says Connected', office.stage(room).getByText('Connected').waitFor())
          // Settled before the next click, as anyone stays in a room for more than a moment: both
          // people inside hear the mover (its tracks have moved here, the old room is let go).
          await at('both inside hear the mover', sitterPage.waitForFunction(([id, n]) => (window as unknown as Sitters).heardFrom(id).length >= n, [owner.member.id, heardBefore + 2] as const, { timeout: 20_000, polling: 20 }))
          const heard = (await heardFrom(sitterPage, owner.member.id)).slice(heardBefore)
          if (i > 0) entries.push({ ...entry, heard: Math.max(...heard) - entry.clickWall, plis }) // the first also starts the camera and microphone
          // The pointer leaves the room it clicked, as it does when a person looks at the call.
          await user.page.mouse.move(2, 2)
        }
        await office.stage(ROOMS[SWITCHES % 2]!).getByRole('button', { name: 'Leave room' }).click()
        return entries
      }
      const entries = await series(0)
      const rested = await series(REST_MS)

      // The floor in a browser of its own, started now: the same Chromium and flags, nothing else running in it.
      await own.close()
      const bare = await launchBrowser()
      browsers.push(bare)
      const floorPage = await bare.newPage()
      await floorPage.goto(`${server.url}/api/ping`) // a plain page of the same secure origin
      const floor = await measureFloor(floorPage, SWITCHES)
      return [...rows(entries, floor), ...restedRows(rested, entries)]
    } finally {
      await Promise.all(browsers.map((b) => b.close()))
      await site?.close()
      await stack.stop()
    }
  },
}

const p = (values: (number | undefined)[]) => summary(values.filter((v): v is number => v !== undefined))
const fmt = (s: ReturnType<typeof summary>) => `p50 ${ms(s.p50)}, p95 ${ms(s.p95)}`

function rows(entries: Switch[], floor: Awaited<ReturnType<typeof measureFloor>>): Row[] {
  const frame = p(entries.map((e) => e.steps['first-frame']))
  const connected = p(entries.map((e) => e.steps.connected))
  const audio = p(entries.map((e) => e.steps['first-audio']))
  const floorFrame = p(floor.map((f) => f.frame))
  const audioFirst = entries.filter((e) => e.steps['first-audio'] !== undefined && e.steps['first-audio'] <= (e.steps['first-frame'] ?? Infinity)).length
  const step = (name: string, values: (number | undefined)[], floorValues?: number[]) => ({
    figure: `room entry breakdown: click → ${name}`,
    value: fmt(p(values)),
    comparison: floorValues ? `floor ${fmt(p(floorValues))}` : `n=${values.filter((v) => v !== undefined).length}`,
  })
  return [
    {
      figure: 'room entry, click → first remote frame (2 inside)',
      value: fmt(frame),
      comparison: `${(frame.p50 / floorFrame.p50).toFixed(2)}× (p95 ${(frame.p95 / floorFrame.p95).toFixed(2)}×) the two-peer floor (${fmt(floorFrame)}); goal p50 ≤ 200 ms, p95 ≤ 300 ms, ≤ 1.5×; n=${frame.n}`,
    },
    { figure: 'room entry, click → connected (2 inside)', value: fmt(connected), comparison: `${SWITCHES} switches between two rooms, make-before-break` },
    { figure: 'room entry, click → both people inside hear you', value: fmt(p(entries.map((e) => e.heard))), comparison: 'your microphone\'s first packet at each of them (tracks moved from the last room)' },
    { figure: 'room entry, click → first audio packet', value: fmt(audio), comparison: `audio no later than video in ${audioFirst} of ${entries.length}; floor ${fmt(p(floor.map((f) => f.audio)))}` },
    step('token', entries.map((e) => e.steps.token)),
    step('signal join', entries.map((e) => e.steps.signal)),
    step('ICE connected', entries.map((e) => e.ice), floor.map((f) => f.ice)),
    step('DTLS connected', entries.map((e) => e.dtls), floor.map((f) => f.dtls)),
    step('subscribed', entries.map((e) => e.steps.subscribed)),
    step('first video packet', entries.map((e) => e.steps['first-packet']), floor.map((f) => f.packet)),
    step('video put in its tile', entries.map((e) => e.attached)),
    step('first frame received (its last packet)', entries.map((e) => e.received)),
    step('first frame presented', entries.map((e) => e.presented)),
    step('first frame called back in the page (its main thread)', entries.map((e) => e.called)),
    { figure: 'room entry, keyframe requests by the first frame', value: keyframesAsked(entries), comparison: 'a first keyframe lost (forwarded before the connection could take it) makes the decoder ask for another' },
  ]
}

/** The series with the pointer resting on the room first, against the straight clicks of the same run. */
function restedRows(rested: Switch[], straight: Switch[]): Row[] {
  const frame = p(rested.map((e) => e.steps['first-frame']))
  const before = p(straight.map((e) => e.steps['first-frame']))
  const audioFirst = rested.filter((e) => e.steps['first-audio'] !== undefined && e.steps['first-audio'] <= (e.steps['first-frame'] ?? Infinity)).length
  return [
    {
      figure: `room entry after resting on the room ${REST_MS} ms, click → first remote frame (2 inside)`,
      value: fmt(frame),
      comparison: `p50 ${(frame.p50 / before.p50).toFixed(2)}×, p95 ${(frame.p95 / before.p95).toFixed(2)}× the straight click (same run); goal p50 ≤ 200 ms, p95 ≤ 300 ms; n=${frame.n}`,
    },
    { figure: `room entry after resting ${REST_MS} ms, click → in the call (the preview revealed)`, value: fmt(p(rested.map((e) => e.steps.connected))), comparison: `straight click → connected ${fmt(p(straight.map((e) => e.steps.connected)))}` },
    { figure: `room entry after resting ${REST_MS} ms, click → first audio packet`, value: fmt(p(rested.map((e) => e.steps['first-audio']))), comparison: `audio no later than video in ${audioFirst} of ${rested.length}` },
    { figure: `room entry after resting ${REST_MS} ms, click → both people inside hear you`, value: fmt(p(rested.map((e) => e.heard))), comparison: `straight click ${fmt(p(straight.map((e) => e.heard)))}` },
    { figure: `room entry after resting ${REST_MS} ms, breakdown: click → subscribed`, value: fmt(p(rested.map((e) => e.steps.subscribed))), comparison: `first video packet ${fmt(p(rested.map((e) => e.steps['first-packet'])))}; attached ${fmt(p(rested.map((e) => e.attached)))}; first frame received ${fmt(p(rested.map((e) => e.received)))}, presented ${fmt(p(rested.map((e) => e.presented)))}, called back ${fmt(p(rested.map((e) => e.called)))}; ${keyframesAsked(rested)}` },
  ]
}
