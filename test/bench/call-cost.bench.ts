/**
 * What a 6-person call costs the member watching it: five members with cameras on in the meeting
 * room (their own browser), the viewer in a browser of its own. Over 20 s, the viewer's renderer
 * processes (see renderers()): memory (PSS, from /proc/<pid>/smaps_rollup) and CPU (Chromium's own per-process CPU
 * time, SystemInfo.getProcessInfo), normal and with Low power (video only for the active speaker).
 * Goals: ≤ 150 MB and ≤ 20 % of a core.
 */
import { readFileSync } from 'node:fs'
import type { Browser, CDPSession, Page } from 'playwright-core'
import type { SignedIn } from '../../protocol/api.ts'
import { OfficePage, type Account } from '../e2e/pages/office-page.ts'
import { launchBrowser, openUser } from '../support/browser.ts'
import { httpClient } from '../support/http.ts'
import { startStack } from '../support/stack.ts'
import type { Benchmark, Row } from './harness.ts'

const WINDOW_MS = 20_000
const OTHERS = ['Ana Silva', 'Bo Lee', 'Cy Park', 'Di Noor', 'Ed Wu']

interface Cost {
  pssMb: number
  cpuPercent: number
  videos: number
}

/**
 * The viewer's renderer processes: the page's and any spare Chromium keeps. Not the renderers of
 * Chromium's own browser UI (`--top-chrome-webui`: headless Chromium keeps its omnibox popup in one,
 * about 49 MB), which an Electron window does not have.
 */
async function renderers(cdp: CDPSession): Promise<{ id: number; cpuTime: number }[]> {
  const info = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number; cpuTime: number }[] }
  // Chromium rewrites its children's command lines as one space-separated string.
  const browserUi = (pid: number) => /(^|[\0 ])--top-chrome-webui([\0 ]|$)/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'))
  return info.processInfo.filter((p) => p.type === 'renderer' && !browserUi(p.id))
}

const pssKb = (pid: number) => Number(/^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0)

/** Remote videos playing now in the viewer's page. */
const videosPlaying = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll<HTMLVideoElement>('video')].filter((v) => !v.paused && v.getVideoPlaybackQuality().totalVideoFrames > 0 && !v.ariaLabel?.endsWith('you')).length)

async function measure(cdp: CDPSession, page: Page): Promise<Cost> {
  const before = await renderers(cdp)
  const start = Date.now()
  // The window itself: sampled once at its end (CPU time is cumulative).
  await page.waitForFunction((until) => Date.now() >= until, start + WINDOW_MS, { polling: 500, timeout: WINDOW_MS + 5_000 })
  const after = await renderers(cdp)
  const wall = (Date.now() - start) / 1000
  const cpu = after.reduce((sum, p) => sum + p.cpuTime - (before.find((b) => b.id === p.id)?.cpuTime ?? 0), 0)
  return { pssMb: after.reduce((sum, p) => sum + pssKb(p.id), 0) / 1024, cpuPercent: (100 * cpu) / wall, videos: await videosPlaying(page) }
}

export const callCost: Benchmark = {
  name: 'call cost',
  async run() {
    // With LiveKit's webhooks: the floor shows who is in which room.
    const stack = await startStack({ serveClient: true })
    const { server } = stack
    const browsers: Browser[] = []
    try {
      const http = httpClient(server.url)
      const viewer: Account = { name: 'Viewer', email: 'viewer@example.com', password: 'bench-password-0' }
      const owner = (await http.post<SignedIn>('/api/workspaces', { name: 'Bench', owner: viewer })).body
      const crowd = await launchBrowser()
      browsers.push(crowd)
      for (const [i, name] of OTHERS.entries()) {
        const account: Account = { name, email: `member${i}@example.com`, password: `bench-password-${i + 1}` }
        const invite = await http.post<{ code: string }>(`/api/workspaces/${owner.workspace.id}/invites`, { role: 'member' }, owner.session.token)
        await http.post(`/api/invites/${invite.body.code}/accept`, account)
        const office = new OfficePage((await openUser(crowd, server.url)).page)
        await office.signIn(account)
        await office.walkInto('Meeting room')
        await office.stage('Meeting room').getByText('Connected').waitFor()
      }
      const own = await launchBrowser()
      browsers.push(own)
      const user = await openUser(own, server.url)
      const office = new OfficePage(user.page)
      await office.signIn(viewer)
      await office.walkInto('Meeting room')
      await office.stage('Meeting room').getByText('Connected').waitFor()
      await user.page.waitForFunction((n) => document.querySelectorAll('video').length > n, OTHERS.length, { timeout: 30_000 })
      const cdp = await own.newBrowserCDPSession()
      const normal = await measure(cdp, user.page)
      await office.page.getByRole('button', { name: 'Settings', exact: true }).click()
      const settings = office.page.getByRole('dialog', { name: 'Settings' })
      await settings.getByRole('checkbox', { name: 'Low power' }).check()
      await settings.getByRole('button', { name: 'Close' }).click()
      const low = await measure(cdp, user.page)
      const row = (label: string, c: Cost): Row => ({
        figure: `6-person call, viewing client (${label})`,
        value: `${c.pssMb.toFixed(0)} MB PSS, ${c.cpuPercent.toFixed(0)} % of a core`,
        comparison: `goals ≤ 150 MB, ≤ 20 %; ${c.videos} remote videos playing; 6 clients on ${navigatorCores()} cores`,
      })
      return [row('normal', normal), row('Low power', low)]
    } finally {
      await Promise.all(browsers.map((b) => b.close()))
      await stack.stop()
    }
  },
}

const navigatorCores = () => readFileSync('/proc/cpuinfo', 'utf8').split('\n').filter((l) => l.startsWith('processor')).length
