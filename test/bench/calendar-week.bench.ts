/**
 * Calendar week view render in Chromium (issue 14): the real WeekView with 500 events in the week
 * (a tenth of them weekly series, expanded as the Calendar region does), each sample a fresh mount
 * with its style and layout (see pages/calendar-week.tsx). The baseline is the same page with 50
 * events, measured in the same run.
 */
import { launchBrowser } from '../support/browser.ts'
import { buildPages, servePages } from './bench-pages.ts'
import { ms, summary, type Benchmark } from './harness.ts'

interface PageApi {
  __calendarBench: { run(n: number, samples: number, warmup: number): { times: number[]; shown: number } }
}

export const calendarWeek: Benchmark = {
  name: 'calendar week view',
  async run() {
    console.log('  building the bench page (vite)…')
    await buildPages('calendar-week')
    const site = await servePages()
    const browser = await launchBrowser()
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
      const page = await context.newPage()
      const errors: string[] = []
      page.on('pageerror', (e) => errors.push(e.message))
      await page.goto(`${site.url}/calendar-week.html`)
      await page.waitForFunction(() => '__calendarBench' in globalThis)
      const measure = (n: number) => page.evaluate((count) => (globalThis as unknown as PageApi).__calendarBench.run(count, 100, 10), n)
      const small = await measure(50)
      const big = await measure(500)
      if (errors.length) throw new Error(`the bench page failed: ${errors[0]}`)
      const [s, b] = [summary(small.times), summary(big.times)]
      const text = (x: typeof s) => `p50 ${ms(x.p50)}, p95 ${ms(x.p95)}, p99 ${ms(x.p99)}`
      return [{
        figure: `calendar week view render with 500 events (${b.n} renders, ${big.shown} shown)`,
        value: text(b),
        comparison: `goal p95 ≤ 50 ms; p95 ${(b.p95 / s.p95).toFixed(2)}× 50 events (${text(s)})`,
      }]
    } finally {
      await browser.close()
      await site.close()
    }
  },
}
