/**
 * Entering a room, as a user feels it: from the click on a room to its media room being connected
 * (walk, token, connect), in Chromium against the real server and livekit-server. The baseline is
 * the LiveKit connect alone, measured inside the same entries.
 */
import { launchBrowser, openUser } from '../support/browser.ts'
import { startLivekit } from '../support/livekit.ts'
import { startServer } from '../support/server.ts'
import { OfficePage } from '../e2e/pages/office-page.ts'
import { ms, summary, type Benchmark } from './harness.ts'

const ENTRIES = 20

export const roomEntry: Benchmark = {
  name: 'room entry',
  async run() {
    const livekit = await startLivekit()
    const server = await startServer({ livekit, serveClient: true })
    const browser = await launchBrowser()
    try {
      const user = await openUser(browser, server.url)
      const office = new OfficePage(user.page)
      await office.createWorkspace('Bench', { name: 'Bench User', email: 'bench@example.com', password: 'bench-password' })
      await office.desk('1', 'Bench User, available').waitFor()
      for (let i = 0; i <= ENTRIES; i++) {
        await office.walkInto('Meeting room')
        await office.stage('Meeting room').getByText('Connected').waitFor()
        await office.stage('Meeting room').getByRole('button', { name: 'Leave room' }).click()
        await office.stage('Meeting room').waitFor({ state: 'detached' })
      }
      const measures = await user.page.evaluate(() =>
        performance.getEntriesByType('measure').filter((m) => m.name.startsWith('office:')).map((m) => ({ name: m.name, duration: m.duration })),
      )
      const of = (name: string) => measures.filter((m) => m.name === name).map((m) => m.duration)
      const [coldEntry, ...entries] = of('office:room-entry')
      const [, ...connects] = of('office:room-connect')
      const e = summary(entries)
      const c = summary(connects)
      return [
        { figure: 'room entry, click → connected (warm)', value: `p50 ${ms(e.p50)}, p95 ${ms(e.p95)}`, comparison: `${(e.p50 / c.p50).toFixed(2)}× the LiveKit connect alone (p50 ${ms(c.p50)}, p95 ${ms(c.p95)}); n=${e.n}` },
        { figure: 'room entry, first (camera + mic start)', value: ms(coldEntry ?? NaN), comparison: `${((coldEntry ?? NaN) / e.p50).toFixed(2)}× a warm entry` },
      ]
    } finally {
      await browser.close()
      await server.stop()
      await livekit.stop()
    }
  },
}
