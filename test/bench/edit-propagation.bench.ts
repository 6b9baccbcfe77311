/**
 * Edit propagation: a host commits 50 edits (moving a desk, renaming a room) while 500 simulated
 * members sit in the lobby (rtc-node participants in the crowd's child process) and a real
 * Chromium member (the app from the real server) shows each one. Measured: the host's commit (just
 * before its POST) → the member's DOM showing the change, and the server's floor requests per edit.
 * The lobby carries the batch itself, so members apply it without calling back.
 *
 * Same-run comparisons: LiveKit alone (the server's data packet reaching the host's own lobby
 * connection), and the old path, where the announcement made every member fetch `ops?since`: 500
 * GETs per edit, fired from this process as each notice arrives, timed until every member holds
 * the edit (rendering not included, which favours the old path).
 */
import type { IncomingMessage } from 'node:http'
import type { LobbyToken, SignedIn } from '../../protocol/api.ts'
import type { FloorOp } from '../../protocol/floor/ops.ts'
import type { Floor } from '../../protocol/floor/records.ts'
import { topics, type FloorNotice } from '../../protocol/presence.ts'
import { OfficePage, type Account } from '../e2e/pages/office-page.ts'
import { launchBrowser, openUser } from '../support/browser.ts'
import { httpClient } from '../support/http.ts'
import { startStack } from '../support/stack.ts'
import { ms, summary, type Benchmark, type Row } from './harness.ts'
import { addMembers } from './members.ts'
import { seeded } from './pages/seeded.ts'
import { startCrowd, type SimCrowd } from './sim-crowd.ts'

const MEMBERS = 500
const EDITS = 50
const DESK = 'desk_12'
const ROOM = 'room_lounge'
const host: Account = { name: 'Bench Host', email: 'host@example.com', password: 'host-password' }
const member: Account = { name: 'Bench Member', email: 'member@example.com', password: 'member-password' }

/** What the page waits for: a room name, or a desk at a new x. */
type Change = { room: string } | { desk: string; x: number }
const keyOf = (c: Change) => ('room' in c ? `room:${c.room}` : `desk:${c.desk}:${c.x}`)
const opOf = (c: Change): FloorOp => ('room' in c ? { op: 'room.update', id: ROOM, changes: { name: c.room } } : { op: 'desk.update', id: c.desk, changes: { x: c.x } })

/** Stamps Date.now() when the awaited change first shows in the DOM; runs in the page. */
function watchForChanges() {
  const state = { want: null as Change | null, seen: {} as Record<string, number> }
  Object.assign(globalThis, { __edits: state })
  const shows = (el: Element, c: Change) =>
    'room' in c ? (el.getAttribute('aria-label') ?? el.textContent ?? '').includes(c.room) : el.getAttribute('data-roving') === c.desk && el.getAttribute('data-x') === String(c.x)
  new MutationObserver((records) => {
    const want = state.want
    const key = want && ('room' in want ? `room:${want.room}` : `desk:${want.desk}:${want.x}`)
    if (!want || !key || key in state.seen) return
    const now = Date.now()
    for (const r of records) {
      const nodes = r.type === 'childList' ? [...r.addedNodes] : [r.target]
      for (const n of nodes) {
        const el = n.nodeType === 1 ? (n as Element) : n.parentElement
        if (el && (shows(el, want) || [...el.querySelectorAll('[data-roving]')].some((e) => shows(e, want)))) {
          state.seen[key] = now
          return
        }
      }
    }
  }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['aria-label', 'data-x'] })
}
type EditsState = { __edits: { want: Change | null; seen: Record<string, number> } }

const pause = (random: () => number) => new Promise((r) => setTimeout(r, 300 + random() * 400))

export const editPropagation: Benchmark = {
  name: 'edit propagation',
  async run() {
    // rtc-node reads NODE_ENV once, at load, and logs every signalling step at debug level otherwise.
    const env = process.env.NODE_ENV
    process.env.NODE_ENV = 'production'
    const { Room, RoomEvent } = await import('@livekit/rtc-node')
    if (env === undefined) delete process.env.NODE_ENV
    else process.env.NODE_ENV = env

    const stack = await startStack({ serveClient: true })
    const browser = await launchBrowser()
    const listener = new Room()
    let crowd: SimCrowd | null = null
    try {
      const http = httpClient(stack.server.url)
      const created = await http.post<SignedIn>('/api/workspaces', { name: 'Bench', owner: host })
      if (created.status !== 201) throw new Error(`create workspace: ${created.status}`)
      const owner = created.body
      const ws = owner.workspace.id
      const floorPath = `/api/workspaces/${ws}/floors/floor_main`
      const invite = await http.post<{ code: string }>(`/api/workspaces/${ws}/invites`, { role: 'member' }, owner.session.token)
      if ((await http.post(`/api/invites/${invite.body.code}/accept`, member)).status !== 201) throw new Error('the Chromium member could not join')
      console.log(`  adding ${MEMBERS} members through the API…`)
      const sims = await addMembers(http, owner, MEMBERS)

      const user = await openUser(browser, stack.server.url)
      await new OfficePage(user.page).signIn(member)
      await user.page.evaluate(watchForChanges)

      const floor = (await http.get<Floor>(floorPath, owner.session.token)).body
      const random = seeded(23)
      crowd = startCrowd(stack.livekit, ws)
      const joined = await crowd.join(
        sims.map((s) => ({ id: s.id, name: s.name, token: s.token, attributes: { status: 'available', statusText: '', statusUntil: '', floor: floor.id, x: String(Math.round(random() * floor.width)), y: String(Math.round(random() * floor.height)) } })),
        { deadlineMs: 240_000 },
      )
      console.log(`  ${joined.count} simulated members in the lobby (${(joined.connectMs / 1000).toFixed(1)} s)`)
      await user.page.getByRole('heading', { name: `Online (${joined.count + 1})` }).waitFor({ timeout: 240_000 })

      // The host's own lobby connection: when LiveKit hands it each notice.
      const heard = new Map<number, () => void>()
      const heardAt = new Map<number, number>()
      listener.on(RoomEvent.DataReceived, (payload, participant, _kind, topic) => {
        if (participant || topic !== topics.floor) return
        const notice = JSON.parse(new TextDecoder().decode(payload)) as FloorNotice
        if (notice.type === 'floors') return
        heardAt.set(notice.version, Date.now())
        heard.get(notice.version)?.()
      })
      const lobby = await http.post<LobbyToken>(`/api/workspaces/${ws}/lobby/token`, undefined, owner.session.token)
      await listener.connect(lobby.body.url, lobby.body.token, { autoSubscribe: false, dynacast: false })
      const present = joined.count + 2

      // Every floor request the server receives, whoever sends it (heartbeats and the like are not counted).
      let floorRequests = 0
      stack.server.app.server.on('request', (req: IncomingMessage) => void (req.url?.includes('/floors') && floorRequests++))
      let version = (await http.get<Floor>(floorPath, owner.session.token)).body.version
      const commit = async (op: FloorOp) => {
        const res = await http.post<{ version: number }>(`${floorPath}/edits`, { baseVersion: version, ops: [op] }, owner.session.token)
        if (res.status !== 200) throw new Error(`edit: ${res.status} ${JSON.stringify(res.body)}`)
        version = res.body.version
      }

      // The straight line: the notice carries the batch, and the member's app applies it.
      const latencies: number[] = []
      const delivery: number[] = []
      let missed = 0
      floorRequests = 0
      for (let k = 0; k < EDITS; k++) {
        const change: Change = k % 2 ? { desk: DESK, x: 200 + k * 10 } : { room: `Lounge ${k}x${Math.floor(random() * 1e6)}` }
        await user.page.evaluate((c) => void ((globalThis as unknown as EditsState).__edits.want = c), change)
        const sentAt = Date.now()
        await commit(opOf(change))
        try {
          const key = keyOf(change)
          await user.page.waitForFunction((k) => k in (globalThis as unknown as EditsState).__edits.seen, key, { timeout: 5_000 })
          latencies.push((await user.page.evaluate((k) => (globalThis as unknown as EditsState).__edits.seen[k]!, key)) - sentAt)
        } catch {
          missed++
        }
        const at = heardAt.get(version)
        if (at !== undefined) delivery.push(at - sentAt)
        await pause(random)
      }
      const newRequests = floorRequests

      // The old path, for comparison: each notice makes every member fetch `ops?since`.
      const held: number[] = []
      const slowest: number[] = []
      let failed = 0
      floorRequests = 0
      for (let k = 0; k < EDITS; k++) {
        const arrived = new Promise<void>((resolve) => heard.set(version + 1, resolve))
        const sentAt = Date.now()
        await commit({ op: 'room.update', id: ROOM, changes: { name: `Old path ${k}` } })
        await Promise.race([arrived, new Promise((r) => setTimeout(r, 5_000))])
        const since = version - 1
        const times = await Promise.all(
          sims.map(async (s) => {
            const res = await fetch(`${stack.server.url}${floorPath}/ops?since=${since}`, { headers: { authorization: `Bearer ${s.token}` } })
            await res.arrayBuffer()
            if (!res.ok) failed++
            return Date.now() - sentAt
          }),
        )
        held.push(...times)
        slowest.push(Math.max(...times))
        await pause(random)
      }
      const oldRequests = floorRequests

      const s = summary(latencies)
      const lk = summary(delivery)
      const old = summary(held)
      const oldSlowest = summary(slowest)
      const rows: Row[] = [
        {
          figure: `edit propagation, host's commit → member's DOM, ${present} members in the lobby`,
          value: `p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, p99 ${ms(s.p99)} (n=${s.n}${missed ? `, ${missed} not seen in 5 s` : ''})`,
          comparison: `goal p95 ≤ 200 ms; LiveKit alone (server data → a member) p50 ${ms(lk.p50)}, p95 ${ms(lk.p95)}` + (joined.failed ? `; only ${joined.count} of ${MEMBERS} connected: ${joined.failed}` : ''),
        },
        {
          figure: `server floor requests per edit, ${present} members in the lobby`,
          value: `${(newRequests / EDITS).toFixed(2)} (${newRequests} for ${EDITS} edits)`,
          comparison: `goal 1; old fetch-since path ${(oldRequests / EDITS).toFixed(1)} per edit (same run)`,
        },
        {
          figure: `old fetch-since path, commit → member holds the edit, ${sims.length} members fetching`,
          value: `p50 ${ms(old.p50)}, p95 ${ms(old.p95)} (n=${old.n}${failed ? `, ${failed} failed` : ''}); last member p95 ${ms(oldSlowest.p95)}`,
          comparison: `new path p95 ${(old.p95 / s.p95).toFixed(1)}× lower, DOM included; fetches sent from the bench process`,
        },
      ]
      return rows
    } finally {
      await listener.disconnect().catch(() => undefined)
      await crowd?.stop()
      await browser.close()
      await stack.stop()
    }
  },
}
