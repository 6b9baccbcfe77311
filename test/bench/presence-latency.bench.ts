/**
 * Presence latency: a member changes their status (status + text with a unique token) and a
 * Chromium client (the real app from the real server) shows it, while N = 100 and then N = 500
 * simulated members sit in the lobby (rtc-node participants in one child process). How it is
 * timed, and why the speaker and listener have a process of their own: presence-lobby.ts.
 */
import { launchBrowser } from '../support/browser.ts'
import { startStack } from '../support/stack.ts'
import { seeded } from './pages/seeded.ts'
import { ms, summary, type Benchmark, type Row } from './harness.ts'
import { JOIN_DEADLINE_MS, PROBES, measureChanges, openObserver, seedWorkspace, startProbe, waitOnline } from './presence-lobby.ts'
import { startCrowd, type SimCrowd } from './sim-crowd.ts'

const SIZES = [100, 500] as const

export const presenceLatency: Benchmark = {
  name: 'presence latency',
  async run() {
    const stack = await startStack({ serveClient: true })
    const browser = await launchBrowser()
    let crowd: SimCrowd | null = null
    let probe: SimCrowd | null = null
    try {
      const random = seeded(11)
      const ws = await seedWorkspace(stack.server.url, SIZES.at(-1)!, random)
      const page = await openObserver(browser, stack.server.url)
      probe = await startProbe(stack.livekit, ws)
      crowd = startCrowd(stack.livekit, ws.workspaceId)
      const rows: Row[] = []
      const results: { n: number; p50: number; p95: number }[] = []
      let present = PROBES
      for (const n of SIZES) {
        const joined = await crowd.join(ws.members.slice(present, n).map(ws.spec), { deadlineMs: JOIN_DEADLINE_MS })
        present = PROBES + joined.count
        console.log(`  ${present} members in the lobby (this step ${(joined.connectMs / 1000).toFixed(1)} s)${joined.routed ? '' : ', events not routed by handle'}`)
        await waitOnline(page, present + 1)

        const { latencies, delivery, missed } = await measureChanges(page, probe, String(n), random)
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
