/**
 * Idle cost of the renderer: the real app (served by the real server) signed in and sitting at its
 * desk for 60 s while 200 members idle in the lobby (rtc-node participants in a child process).
 * CPU comes from the DevTools Protocol: Performance.getMetrics before and after, with durations in
 * thread time (TaskDuration: main-thread tasks; ProcessTime: the whole renderer process). The
 * baseline is the same page with nobody else online, measured first, for 20 s.
 */
import type { CDPSession } from 'playwright-core'
import type { SignedIn } from '../../protocol/api.ts'
import type { Floor } from '../../protocol/floor/records.ts'
import { OfficePage, type Account } from '../e2e/pages/office-page.ts'
import { launchBrowser, openUser } from '../support/browser.ts'
import { httpClient } from '../support/http.ts'
import { startStack } from '../support/stack.ts'
import { seeded } from './pages/seeded.ts'
import type { Benchmark } from './harness.ts'
import { addMembers } from './members.ts'
import { startCrowd, type SimCrowd } from './sim-crowd.ts'

const MEMBERS = 200
const SECONDS = 60
const BASELINE_SECONDS = 20
const observer: Account = { name: 'Bench Observer', email: 'observer@example.com', password: 'observer-password' }

interface Cpu {
  /** Main-thread task time per wall second, % of one core. */
  main: number
  /** The renderer process's CPU time per wall second, % of one core. */
  process: number
}

async function cpuOver(cdp: CDPSession, seconds: number): Promise<Cpu> {
  const read = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]))
  const before = await read()
  await new Promise((r) => setTimeout(r, seconds * 1000))
  const after = await read()
  const wall = after.Timestamp! - before.Timestamp!
  const share = (name: string) => ((after[name]! - before[name]!) / wall) * 100
  return { main: share('TaskDuration'), process: share('ProcessTime') }
}

const pct = (v: number) => `${v.toFixed(2)} %`

export const idle: Benchmark = {
  name: 'idle',
  async run() {
    const stack = await startStack({ serveClient: true })
    const browser = await launchBrowser()
    let crowd: SimCrowd | null = null
    try {
      const http = httpClient(stack.server.url)
      const created = await http.post<SignedIn>('/api/workspaces', { name: 'Bench', owner: observer })
      if (created.status !== 201) throw new Error(`create workspace: ${created.status}`)
      const owner = created.body
      const members = await addMembers(http, owner, MEMBERS)
      const { floors } = (await http.get<{ floors: { id: string }[] }>(`/api/workspaces/${owner.workspace.id}/floors`, owner.session.token)).body
      const floor = (await http.get<Floor>(`/api/workspaces/${owner.workspace.id}/floors/${floors[0]!.id}`, owner.session.token)).body

      const user = await openUser(browser, stack.server.url)
      const office = new OfficePage(user.page)
      await office.signIn(observer)
      await office.desk('1', `${observer.name}, available`).waitFor()
      const cdp = await user.context.newCDPSession(user.page)
      await cdp.send('Performance.enable', { timeDomain: 'threadTicks' })
      await new Promise((r) => setTimeout(r, 3_000))
      const alone = await cpuOver(cdp, BASELINE_SECONDS)

      crowd = startCrowd(stack.livekit, owner.workspace.id)
      const random = seeded(5)
      const joined = await crowd.join(
        members.map((m) => ({ ...m, attributes: { status: 'available', statusText: '', statusUntil: '', floor: floor.id, x: String(Math.round(random() * floor.width)), y: String(Math.round(random() * floor.height)) } })),
      )
      await user.page.getByRole('heading', { name: `Online (${joined.count + 1})` }).waitFor({ timeout: 60_000 })
      await new Promise((r) => setTimeout(r, 5_000))
      const crowded = await cpuOver(cdp, SECONDS)

      return [
        {
          figure: `idle renderer CPU at a desk, ${joined.count} idle members online (${SECONDS} s)`,
          value: `main thread ${pct(crowded.main)} of a core; whole renderer process ${pct(crowded.process)}`,
          comparison:
            `goal ≤ 1 %; ${(crowded.main / alone.main).toFixed(2)}× alone in the office (main thread ${pct(alone.main)}, process ${pct(alone.process)}, ${BASELINE_SECONDS} s)` +
            (joined.failed ? `; only ${joined.count} of ${MEMBERS} connected: ${joined.failed}` : ''),
        },
      ]
    } finally {
      await crowd?.stop()
      await browser.close()
      await stack.stop()
    }
  },
}
