/**
 * Floor render in Chromium: 2,000 desks, 30 rooms, 500 avatars, 50 of them walking with a move
 * packet every 100 ms, on the real OfficeScreen fed as the lobby service feeds it (see
 * pages/floor-render.tsx). Frame intervals and main-thread work per frame are measured in the page
 * over 10 s after a 2 s warm-up; the baseline is the same page with nobody walking.
 */
import type { Browser } from 'playwright-core'
import { launchBrowser } from '../support/browser.ts'
import { buildPages, servePages } from './bench-pages.ts'
import { ms, summary, type Benchmark, type Row } from './harness.ts'
import type { FeedOptions, FrameSample } from './pages/floor-render-api.ts'

const FRAME_MS = 1000 / 60
/** An interval this long means at least one frame was not drawn in time. */
const DROPPED_MS = 1.5 * FRAME_MS

/** What the page puts on globalThis (page.evaluate runs in the page, so each call casts it there). */
interface PageApi {
  __floorBench: {
    ready(): Promise<{ avatars: number; desks: number; rooms: number }>
    run(opts: FeedOptions): Promise<FrameSample>
  }
}

/** `colorScheme`: the OS's light or dark mode, which the floor's theme follows (renderer/theme/tokens.css). */
async function scenario(browser: Browser, url: string, feed: FeedOptions, colorScheme: 'light' | 'dark' = 'light') {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme })
  try {
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(`${url}/floor-render.html`)
    await page.waitForFunction(() => '__floorBench' in globalThis)
    const shown = await page.evaluate(() => (globalThis as unknown as PageApi).__floorBench.ready())
    const sample = await page.evaluate((o) => (globalThis as unknown as PageApi).__floorBench.run(o), feed)
    if (errors.length) throw new Error(`the bench page failed: ${errors[0]}`)
    const frames = summary(sample.intervals)
    // The display's own period, measured: rAF intervals are whole vsyncs plus timestamp jitter, so a
    // p95 a tenth of a millisecond over 1000/60 is a frame on time, not a late one.
    const onTime = sample.intervals.filter((i) => i <= DROPPED_MS)
    const vsync = onTime.length ? summary(onTime).p50 : FRAME_MS
    const late = summary(sample.intervals.map((i) => Math.max(0, i - vsync)))
    const dropped = sample.intervals.filter((i) => i > DROPPED_MS).length
    return { shown, frames, vsync, late, work: summary(sample.busy), dropped, droppedShare: dropped / sample.intervals.length, moves: sample.moves, rests: sample.rests, seconds: feed.durationMs / 1000 }
  } finally {
    await context.close()
  }
}
type Result = Awaited<ReturnType<typeof scenario>>

const pct = (v: number) => `${(v * 100).toFixed(1)} %`
const frameText = (r: Result) =>
  `frame p50 ${ms(r.frames.p50)}, p95 ${ms(r.frames.p95)}, p99 ${ms(r.frames.p99)}; beyond one vsync (${ms(r.vsync)}) p95 ${ms(r.late.p95)}; dropped ${pct(r.droppedShare)} (${r.dropped} of ${r.frames.n} > ${DROPPED_MS.toFixed(0)} ms)`
const workText = (r: Result) => `p50 ${ms(r.work.p50)}, p95 ${ms(r.work.p95)}, p99 ${ms(r.work.p99)}`

export const floorRender: Benchmark = {
  name: 'floor render',
  async run() {
    console.log('  building the bench page (vite)…')
    await buildPages('floor-render')
    const site = await servePages()
    const browser = await launchBrowser()
    try {
      const base = { warmupMs: 2_000, durationMs: 10_000 }
      const still = await scenario(browser, site.url, { ...base, walking: 0, rests: false })
      const { avatars, desks, rooms } = still.shown
      console.log(`  page shows ${avatars} avatars, ${desks} desks, ${rooms} rooms`)
      const walking = await scenario(browser, site.url, { ...base, walking: 50, rests: false })
      // Dark right after light, so that the two themes are measured as alike as the machine allows.
      const dark = await scenario(browser, site.url, { ...base, walking: 50, rests: false }, 'dark')
      const resting = await scenario(browser, site.url, { ...base, walking: 50, rests: true })
      const rows: Row[] = [
        {
          figure: `floor render, ${desks} desks, ${rooms} rooms, ${avatars - 1} avatars, 50 walking @10 Hz`,
          value: frameText(walking),
          comparison: `goal p95 ≤ 16.7 ms; p95 ${(walking.frames.p95 / still.frames.p95).toFixed(2)}× nobody walking (${frameText(still)}); ${Math.round(walking.moves / walking.seconds)} moves/s`,
        },
        {
          figure: 'floor render, main-thread work per frame, 50 walking',
          value: workText(walking),
          comparison: `p95 ${(walking.work.p95 / still.work.p95).toFixed(2)}× nobody walking (${workText(still)})`,
        },
        {
          figure: 'floor render, 50 walking + resting positions (attributes)',
          value: `${frameText(resting)}; work ${workText(resting)}`,
          comparison: `p95 ${(resting.frames.p95 / walking.frames.p95).toFixed(2)}×, work p95 ${(resting.work.p95 / walking.work.p95).toFixed(2)}× walking alone; ${(resting.rests / resting.seconds).toFixed(1)} attribute updates/s`,
        },
        {
          figure: 'floor render, 50 walking, dark theme',
          value: `${frameText(dark)}; work ${workText(dark)}`,
          comparison: `goal p95 ≤ 16.7 ms, work p95 ≤ 8 ms; frame p95 ${(dark.frames.p95 / walking.frames.p95).toFixed(2)}×, work p95 ${(dark.work.p95 / walking.work.p95).toFixed(2)}× the light theme's`,
        },
      ]
      return rows
    } finally {
      await browser.close()
      await site.close()
    }
  },
}
