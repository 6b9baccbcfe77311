/**
 * Presence latency: a member changes their status (status + text with a unique token) and a
 * Chromium client (the real app from the real server) shows it, while N = 100 and then N = 500
 * simulated members sit in the lobby (rtc-node participants in one child process). The page stamps
 * Date.now() when the token first appears in the DOM; the crowd stamps Date.now() just before its
 * setAttributes call. Both run on this machine, so they share the clock. The member who changes
 * and a second member who listens (LiveKit's delivery alone, for comparison) sit in a small process
 * of their own, so the crowd's work on every change (N copies of it) delays neither.
 */
import type { Floor } from '../../protocol/floor/records.ts'
import type { SignedIn } from '../../protocol/api.ts'
import type { PresenceAttributes } from '../../protocol/presence.ts'
import { OfficePage, type Account } from '../e2e/pages/office-page.ts'
import { launchBrowser, openUser } from '../support/browser.ts'
import { httpClient } from '../support/http.ts'
import { startStack } from '../support/stack.ts'
import { seeded } from './pages/seeded.ts'
import { ms, summary, type Benchmark, type Row } from './harness.ts'
import { addMembers, type BenchMember } from './members.ts'
import { startCrowd, type SimCrowd } from './sim-crowd.ts'

const SIZES = [100, 500] as const
const CHANGES = 30
const observer: Account = { name: 'Bench Observer', email: 'observer@example.com', password: 'observer-password' }

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

export const presenceLatency: Benchmark = {
  name: 'presence latency',
  async run() {
    const stack = await startStack({ serveClient: true })
    const browser = await launchBrowser()
    let crowd: SimCrowd | null = null
    let probe: SimCrowd | null = null
    try {
      const http = httpClient(stack.server.url)
      const created = await http.post<SignedIn>('/api/workspaces', { name: 'Bench', owner: observer })
      if (created.status !== 201) throw new Error(`create workspace: ${created.status}`)
      const owner = created.body
      const workspaceId = owner.workspace.id
      console.log(`  adding ${SIZES.at(-1)} members through the API…`)
      const members = await addMembers(http, owner, SIZES.at(-1)!)
      const { floors } = (await http.get<{ floors: { id: string }[] }>(`/api/workspaces/${workspaceId}/floors`, owner.session.token)).body
      const floor = (await http.get<Floor>(`/api/workspaces/${workspaceId}/floors/${floors[0]!.id}`, owner.session.token)).body
      const random = seeded(11)
      const spec = (m: BenchMember) => ({
        ...m,
        attributes: { status: 'available', statusText: '', statusUntil: '', floor: floor.id, x: String(Math.round(random() * floor.width)), y: String(Math.round(random() * floor.height)) } satisfies PresenceAttributes,
      })

      const user = await openUser(browser, stack.server.url)
      const office = new OfficePage(user.page)
      await office.signIn(observer)
      await user.page.evaluate(watchForTokens)

      // Member 0 changes its status, member 1 listens; the crowd is everyone else.
      probe = startCrowd(stack.livekit, workspaceId)
      const probes = await probe.join(members.slice(0, 2).map(spec))
      if (probes.failed) throw new Error(`the speaking and listening members did not connect: ${probes.failed}`)
      const [speaker, listener] = [0, 1]
      crowd = startCrowd(stack.livekit, workspaceId)
      const rows: Row[] = []
      const results: { n: number; p50: number; p95: number }[] = []
      let present = probes.count
      for (const n of SIZES) {
        // Connecting hundreds of rtc-node participants on 2 cores takes minutes when the machine is busy.
        const joined = await crowd.join(members.slice(present, n).map(spec), { deadlineMs: 240_000 })
        present = probes.count + joined.count
        console.log(`  ${present} members in the lobby (this step ${(joined.connectMs / 1000).toFixed(1)} s)${joined.routed ? '' : ', events not routed by handle'}`)
        await user.page.getByRole('heading', { name: `Online (${present + 1})` }).waitFor({ timeout: 240_000 })
        await new Promise((r) => setTimeout(r, 3_000))

        const latencies: number[] = []
        const delivery: number[] = []
        let missed = 0
        for (let k = 0; k < CHANGES; k++) {
          const token = `bench${n}t${k}x${Math.floor(random() * 1e6)}`
          await user.page.evaluate((t) => void ((globalThis as unknown as LatencyState).__latency.want = t), token)
          const { sentAt, heardAt } = await probe.set(speaker, { status: k % 2 ? 'available' : 'busy', statusText: `☕ ${token}` }, listener)
          if (heardAt !== null) delivery.push(heardAt - sentAt)
          try {
            await user.page.waitForFunction((t) => t in (globalThis as unknown as LatencyState).__latency.seen, token, { timeout: 5_000 })
            const seenAt = await user.page.evaluate((t) => (globalThis as unknown as LatencyState).__latency.seen[t]!, token)
            latencies.push(seenAt - sentAt)
          } catch {
            missed++
          }
          await new Promise((r) => setTimeout(r, 300 + random() * 400))
        }
        const s = summary(latencies)
        const lk = summary(delivery)
        const first = results[0]
        results.push({ n: present, p50: s.p50, p95: s.p95 })
        const shortBy = joined.failed ? `; only ${present} of ${n} connected: ${joined.failed}` : ''
        rows.push({
          figure: `presence latency, status change → observer's DOM, ${present} members in the lobby`,
          value: `p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, p99 ${ms(s.p99)} (n=${s.n}${missed ? `, ${missed} not seen in 5 s` : ''})`,
          comparison:
            `goal p95 ≤ 100 ms at 500; ${first ? `p95 ${(s.p95 / first.p95).toFixed(2)}× with ${first.n} members; ` : ''}` +
            `LiveKit alone (delivery to another member) p50 ${ms(lk.p50)}, p95 ${ms(lk.p95)}${lk.n < s.n ? ` (n=${lk.n})` : ''}` +
            shortBy,
        })
        if (joined.failed) break
      }
      return rows
    } finally {
      await Promise.all([crowd?.stop(), probe?.stop()])
      await browser.close()
      await stack.stop()
    }
  },
}
