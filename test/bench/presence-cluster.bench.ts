/**
 * Presence latency on a LiveKit cluster: the measurement of presence-latency.bench.ts (a status
 * change → the observer's DOM, and → a listening member) with 100, 250 and 500 members in the
 * lobby, first on one livekit-server, then on two nodes sharing a Redis with the crowd split
 * between them (lobby-setups.ts), in the same run. One set-up at a time, so that neither's idle
 * crowd loads the other's figures. Each phase's CPU use (cpu-use.ts) names the first limit.
 * A LiveKit room lives on one node: the other node carries the signalling of the members who
 * connect through it, relayed to the room's node over Redis, while the room's node still sends
 * every change to everyone. So the second node spreads connections, not one lobby's fan-out.
 */
import type { Browser } from 'playwright-core'
import { launchBrowser } from '../support/browser.ts'
import { seeded } from './pages/seeded.ts'
import { ms, summary, type Benchmark, type Row } from './harness.ts'
import { cpuBetween, formatCpu, sampleCpu, type CpuUse } from './cpu-use.ts'
import { firstLimit, type Phase } from './first-limit.ts'
import { oneNode, twoNodes, type LobbySetup } from './lobby-setups.ts'
import { CHANGES, JOIN_DEADLINE_MS, PROBES, measureChanges, openObserver, seedWorkspace, startProbe, waitOnline, type ChangeTimes } from './presence-lobby.ts'
import { startCrowd, type SimCrowd } from './sim-crowd.ts'

const SIZES = [100, 250, 500] as const

interface Step {
  /** Members in the lobby (the probe's two included), and how many this step connected. */
  n: number
  added: number
  times: ChangeTimes
  connectMs: number
  failed: string | null
  connectCpu: CpuUse
  changesCpu: CpuUse
}
interface Series {
  label: string
  where: string
  steps: Step[]
}

async function series(setup: LobbySetup, browser: Browser): Promise<Series> {
  const random = seeded(11)
  const ws = await seedWorkspace(setup.serverUrl, SIZES.at(-1)!, random)
  const where = await setup.placeLobby(ws.workspaceId)
  const page = await openObserver(browser, setup.serverUrl)
  const crowd = startCrowd(setup.livekit, ws.workspaceId)
  let probe: SimCrowd | null = null
  try {
    probe = await startProbe(setup.livekit, ws, setup.probeUrls)
    const named = { 'server+bench': process.pid, crowd: crowd.pid, probe: probe.pid, ...setup.nodes }
    // The Node processes: each runs its JavaScript on one thread (livekit-server is Go: no such limit).
    const mains = [process.pid, crowd.pid, probe.pid]
    const steps: Step[] = []
    let present = PROBES
    for (const n of SIZES) {
      const specs = ws.members.slice(present, n).map((m, j) => ({ ...ws.spec(m), url: setup.crowdUrl(present + j) }))
      const before = sampleCpu(mains)
      const joined = await crowd.join(specs, { deadlineMs: JOIN_DEADLINE_MS })
      const connectCpu = cpuBetween(before, sampleCpu(mains), named)
      const added = PROBES + joined.count - present
      present += added
      console.log(`  ${setup.label}: ${present} members in the lobby (this step ${(joined.connectMs / 1000).toFixed(1)} s)`)
      await waitOnline(page, present + 1)
      const start = sampleCpu(mains)
      const times = await measureChanges(page, probe, `${n}${setup.label.replace(/\W/g, '')}`, random)
      steps.push({ n: present, added, times, connectMs: joined.connectMs, failed: joined.failed, connectCpu, changesCpu: cpuBetween(start, sampleCpu(mains), named) })
      if (joined.failed) break
    }
    return { label: setup.label, where, steps }
  } finally {
    await Promise.all([crowd.stop(), probe?.stop()])
    await page.context().close()
  }
}

async function measured(start: () => Promise<LobbySetup>, browser: Browser): Promise<Series> {
  const setup = await start()
  try {
    return await series(setup, browser)
  } finally {
    await setup.stop()
  }
}

const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`
const percentiles = (t: ChangeTimes) => {
  const s = summary(t.latencies)
  return { s, text: `p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, p99 ${ms(s.p99)} (n=${s.n}${t.missed ? `, ${t.missed} not seen in 5 s` : ''})` }
}
const alone = (t: ChangeTimes) => {
  const lk = summary(t.delivery)
  return `LiveKit alone p50 ${ms(lk.p50)}, p95 ${ms(lk.p95)}`
}
/** p95 against the first size's, in the same set-up. */
const growth = (p95: number, first: Step | undefined) => (first ? `; p95 ${ratio(p95, summary(first.times.latencies).p95)} of ${first.n} members'` : '')
const perMember = (s: Step) => `${(s.connectMs / 1000).toFixed(1)} s (${Math.round(s.connectMs / Math.max(1, s.added))} ms a member)`

function rows(one: Series, two: Series): Row[] {
  const out: Row[] = []
  const [o0, t0] = [one.steps[0], two.steps[0]]
  for (let i = 0; i < Math.max(one.steps.length, two.steps.length); i++) {
    const [o, t] = [one.steps[i], two.steps[i]]
    const po = o && percentiles(o.times)
    const pt = t && percentiles(t.times)
    if (po) {
      out.push({
        figure: `presence latency, ${o.n} members, one LiveKit node`,
        value: po.text,
        comparison: `${alone(o.times)}${growth(po.s.p95, i ? o0 : undefined)}; CPU during the changes: ${formatCpu(o.changesCpu)}`,
      })
    }
    if (pt) {
      const vsOne = po ? `two/one: p50 ${ratio(pt.s.p50, po.s.p50)}, p95 ${ratio(pt.s.p95, po.s.p95)}, p99 ${ratio(pt.s.p99, po.s.p99)}; ` : ''
      out.push({
        figure: `presence latency, ${t.n} members, two LiveKit nodes`,
        value: pt.text,
        comparison: `${vsOne}${alone(t.times)}${growth(pt.s.p95, i ? t0 : undefined)}; ${i ? '' : `${two.where}; `}CPU during the changes: ${formatCpu(t.changesCpu)}`,
      })
    }
    const both = [o && `one node ${perMember(o)}`, t && `two nodes ${perMember(t)}`].filter(Boolean).join(', ')
    const cpu = [o && `one node ${formatCpu(o.connectCpu)}`, t && `two nodes ${formatCpu(t.connectCpu)}`].filter(Boolean).join('; ')
    const failed = [o?.failed && `one node: ${o.failed}`, t?.failed && `two nodes: ${t.failed}`].filter(Boolean).join('; ')
    out.push({
      figure: `crowd connect time, ${SIZES[i - 1] ?? PROBES} → ${SIZES[i]} members`,
      value: both,
      comparison: `${o && t ? `two/one ${ratio(t.connectMs / t.added, o.connectMs / o.added)} a member; ` : ''}CPU while connecting: ${cpu}${failed ? `; ${failed}` : ''}`,
    })
  }
  return out
}

function phases(s: Series): Phase[] {
  return s.steps.flatMap((step) => [
    { setup: s.label, kind: 'connecting' as const, size: step.n, cpu: step.connectCpu, failed: step.failed },
    { setup: s.label, kind: 'changes' as const, size: step.n, cpu: step.changesCpu, missed: step.times.missed, changes: CHANGES },
  ])
}

export const presenceCluster: Benchmark = {
  name: 'presence on a LiveKit cluster',
  async run() {
    const browser = await launchBrowser()
    try {
      const one = await measured(oneNode, browser)
      // Without the cluster (Redis could not be installed, say), the one-node figures still count.
      const two = await measured(twoNodes, browser).catch((err: Error) => err)
      const ok = two instanceof Error ? { label: 'two nodes', where: '', steps: [] } : two
      const failed: Row[] = two instanceof Error ? [{ figure: 'presence latency, two LiveKit nodes', value: 'failed', comparison: two.message.split('\n')[0] ?? '' }] : []
      const limit = firstLimit([...phases(one), ...phases(ok)])
      return [...rows(one, ok), ...failed, { figure: `first limit, ${SIZES.join(' → ')} members on one and two nodes`, ...limit }]
    } finally {
      await browser.close()
    }
  },
}
