/**
 * What the presence latency benchmarks share: a workspace of members made through the API, the
 * observer (the real app from the real server in Chromium), and the measured status changes. The
 * page stamps Date.now() when a change's unique token first appears in its DOM; the probe stamps
 * Date.now() just before its setAttributes call. Both run on this machine, so they share the clock.
 * The member who changes (0) and a member who listens (1, LiveKit's delivery alone, for comparison)
 * sit in a small process of their own, so the crowd's work on every change delays neither.
 */
import type { Browser, Page } from 'playwright-core'
import type { Floor } from '../../protocol/floor/records.ts'
import type { SignedIn } from '../../protocol/api.ts'
import type { PresenceAttributes } from '../../protocol/presence.ts'
import type { LivekitConfig } from '../../server/livekit/config.ts'
import { OfficePage, type Account } from '../e2e/pages/office-page.ts'
import { openUser } from '../support/browser.ts'
import { httpClient } from '../support/http.ts'
import { addMembers, type BenchMember } from './members.ts'
import { startCrowd, type SimCrowd } from './sim-crowd.ts'
import type { SimSpec } from './sim-members.ts'

/** Status changes measured at each crowd size. */
export const CHANGES = 30
/** Members in the probe's process: the speaker and the listener. */
export const PROBES = 2
/** Connecting hundreds of rtc-node participants on 2 cores takes minutes when the machine is busy. */
export const JOIN_DEADLINE_MS = 240_000
const observer: Account = { name: 'Bench Observer', email: 'observer@example.com', password: 'observer-password' }

export interface BenchWorkspace {
  workspaceId: string
  members: BenchMember[]
  /** A member's lobby presence: available, resting at a random spot of the first floor. */
  spec(m: BenchMember): SimSpec
}

/** A workspace owned by the observer, with `count` members, on the server at `serverUrl`. */
export async function seedWorkspace(serverUrl: string, count: number, random: () => number): Promise<BenchWorkspace> {
  const http = httpClient(serverUrl)
  const created = await http.post<SignedIn>('/api/workspaces', { name: 'Bench', owner: observer })
  if (created.status !== 201) throw new Error(`create workspace: ${created.status}`)
  const owner = created.body
  const workspaceId = owner.workspace.id
  console.log(`  adding ${count} members through the API…`)
  const members = await addMembers(http, owner, count)
  const { floors } = (await http.get<{ floors: { id: string }[] }>(`/api/workspaces/${workspaceId}/floors`, owner.session.token)).body
  const floor = (await http.get<Floor>(`/api/workspaces/${workspaceId}/floors/${floors[0]!.id}`, owner.session.token)).body
  return {
    workspaceId,
    members,
    spec: (m) => ({
      ...m,
      attributes: { status: 'available', statusText: '', statusUntil: '', floor: floor.id, x: String(Math.round(random() * floor.width)), y: String(Math.round(random() * floor.height)) } satisfies PresenceAttributes,
    }),
  }
}

/** Watches the DOM for the token the benchmark is waiting for; runs in the page. */
function watchForTokens() {
  const state = { want: '', seen: {} as Record<string, number> }
  Object.assign(globalThis, { __latency: state })
  new MutationObserver((records) => {
    const want = state.want
    if (!want || want in state.seen) return
    const now = Date.now()
    for (const r of records) {
      let text = ''
      if (r.type === 'attributes') text = (r.target as Element).getAttribute(r.attributeName!) ?? ''
      else if (r.type === 'characterData') text = (r.target as CharacterData).data
      else for (const n of r.addedNodes) text += n.nodeType === 1 ? (n as Element).outerHTML : (n.textContent ?? '')
      if (text.includes(want)) {
        state.seen[want] = now
        return
      }
    }
  }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['aria-label'] })
}
type LatencyState = { __latency: { want: string; seen: Record<string, number> } }

/** The workspace's owner in the real app, signed in and watching its DOM. Close its context when done. */
export async function openObserver(browser: Browser, serverUrl: string): Promise<Page> {
  const user = await openUser(browser, serverUrl)
  await new OfficePage(user.page).signIn(observer)
  await user.page.evaluate(watchForTokens)
  return user.page
}

/** Waits until the observer counts `online` people (itself included), then lets the lobby settle. */
export async function waitOnline(page: Page, online: number): Promise<void> {
  await page.getByRole('heading', { name: `Online (${online})` }).waitFor({ timeout: JOIN_DEADLINE_MS })
  await new Promise((r) => setTimeout(r, 3_000))
}

/**
 * The speaker (member 0) and the listener (member 1) in the lobby, in a process of their own;
 * `urls` connects them through other LiveKit nodes than `livekit.url`.
 */
export async function startProbe(livekit: LivekitConfig, ws: BenchWorkspace, urls?: { speaker: string; listener: string }): Promise<SimCrowd> {
  const probe = startCrowd(livekit, ws.workspaceId)
  const specs = ws.members.slice(0, PROBES).map(ws.spec)
  const joined = await probe.join(urls ? specs.map((s, i) => ({ ...s, url: i === 0 ? urls.speaker : urls.listener })) : specs).catch((err: Error) => ({ failed: err.message }))
  if (joined.failed) {
    await probe.stop()
    throw new Error(`the speaking and listening members did not connect: ${joined.failed}`)
  }
  return probe
}

export interface ChangeTimes {
  /** Status change → observer's DOM, ms, for the changes it saw in 5 s. */
  latencies: number[]
  /** Status change → the listener's attributes event (LiveKit alone), ms. */
  delivery: number[]
  /** Changes the observer did not show in 5 s. */
  missed: number
}

/** CHANGES status changes by the probe's speaker, each with a token unique to `tag` and the change. */
export async function measureChanges(page: Page, probe: SimCrowd, tag: string, random: () => number): Promise<ChangeTimes> {
  const times: ChangeTimes = { latencies: [], delivery: [], missed: 0 }
  for (let k = 0; k < CHANGES; k++) {
    const token = `bench${tag}t${k}x${Math.floor(random() * 1e6)}`
    await page.evaluate((t) => void ((globalThis as unknown as LatencyState).__latency.want = t), token)
    const { sentAt, heardAt } = await probe.set(0, { status: k % 2 ? 'available' : 'busy', statusText: `☕ ${token}` }, 1)
    if (heardAt !== null) times.delivery.push(heardAt - sentAt)
    try {
      await page.waitForFunction((t) => t in (globalThis as unknown as LatencyState).__latency.seen, token, { timeout: 5_000 })
      const seenAt = await page.evaluate((t) => (globalThis as unknown as LatencyState).__latency.seen[t]!, token)
      times.latencies.push(seenAt - sentAt)
    } catch {
      times.missed++
    }
    await new Promise((r) => setTimeout(r, 300 + random() * 400))
  }
  return times
}
