/**
 * Editor frame time while a host drags 200 selected desks on the 2,000-desk office, in Chromium
 * (see pages/editor-drag.tsx): the owner turns on "Edit floor" with the button, 200 desks around a
 * desk near the view's centre are selected through `editor.select`, and Playwright's real mouse
 * presses that desk and moves 220 px right (with a 50 px wave) in small steps for 2 s, a move every
 * 8 ms (a 125 Hz mouse; Chromium coalesces them to about one pointermove per frame). Frames are
 * recorded from just before the first move to just after the last, before the button is released: the release
 * commits one batch to a server that is not there (a refusal), which is not counted.
 *
 * Per frame: the rAF interval and the pointermove dispatch time, timed in the page; and
 * main-thread work, all of the page main thread's task time between one rAF and the next (input,
 * React, style, layout, paint, layerize, commit, GC), from a Chromium trace of top-level tasks
 * split at a performance mark the page sets in each rAF (frame-work.ts says why not a timer).
 *
 * Baseline, same run and same pointer path: panning the same floor (editing off, pressed on empty
 * floor), the other drag a user makes here. Each gesture follows an unmeasured 1 s warm-up of the
 * same gesture, so both are measured with their code paths compiled; each runs in a fresh page.
 */
import type { Browser, Page } from 'playwright-core'
import { launchBrowser } from '../support/browser.ts'
import { buildPages, servePages } from './bench-pages.ts'
import { startFrameTrace, stopFrameTrace } from './frame-work.ts'
import { ms, summary, type Benchmark, type Row } from './harness.ts'
import { FRAME_MARK, type ClientPoint, type FrameSample, type Prepared } from './pages/editor-drag-api.ts'

const SELECTED = 200
const GESTURE_MS = 2_000
const WARMUP_MS = 1_000
const MOVE_EVERY_MS = 8
const PATH = { dx: 220, wave: 50 }
const FRAME_MS = 1000 / 60
/** An interval this long means at least one frame was not drawn in time. */
const DROPPED_MS = 1.5 * FRAME_MS

/** What the page puts on globalThis (page.evaluate runs in the page, so each call casts it there). */
interface PageApi {
  __editorBench: {
    ready(): Promise<unknown>
    prepare(mode: 'drag' | 'pan', count: number, offsetX: number): Promise<Prepared>
    start(): void
    stop(): Promise<FrameSample>
    settled(): boolean
    message(): string | null
  }
}
const sleep = (msec: number) => new Promise((resolve) => setTimeout(resolve, msec))

/**
 * Presses at `from`, moves along the path for `duration` ms (measured if asked), and releases.
 * Moves are sent every MOVE_EVERY_MS without waiting for each to be handled, as a real mouse does:
 * Chromium acknowledges a move only once the page has handled it, a frame or more later.
 */
async function gesture(page: Page, from: ClientPoint, duration: number, measured: boolean) {
  const browser = page.context().browser()!
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  if (measured) {
    await startFrameTrace(browser, page)
    await page.evaluate(() => (globalThis as unknown as PageApi).__editorBench.start())
  }
  const began = Date.now()
  const moves: Promise<void>[] = []
  for (let t = 0; t < 1; ) {
    t = Math.min(1, (Date.now() - began) / duration)
    moves.push(page.mouse.move(from.x + PATH.dx * t, from.y + PATH.wave * Math.sin(2 * Math.PI * t)))
    const wait = began + moves.length * MOVE_EVERY_MS - Date.now()
    if (wait > 0) await sleep(wait)
  }
  await Promise.all(moves)
  const sample = measured ? await page.evaluate(() => (globalThis as unknown as PageApi).__editorBench.stop()) : null
  const work = measured ? await stopFrameTrace(browser, FRAME_MARK) : null
  await page.mouse.up()
  return { sample, work, sent: moves.length }
}

async function scenario(page: Page, url: string, mode: 'drag' | 'pan') {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto(`${url}/editor-drag.html`)
  await page.waitForFunction(() => '__editorBench' in globalThis)
  await page.evaluate(() => (globalThis as unknown as PageApi).__editorBench.ready())
  if (mode === 'drag') {
    await page.getByRole('button', { name: 'Edit floor' }).click()
    await page.locator('.edit-surface').waitFor()
    await page.getByRole('region', { name: 'Floor editor panels' }).waitFor()
  }
  const prepare = () => page.evaluate(([m, n, x]) => (globalThis as unknown as PageApi).__editorBench.prepare(m, n, x), [mode, mode === 'drag' ? SELECTED : 0, -PATH.dx / 2] as const)
  // A drag ends by committing a move (refused here, with no server); a press that missed the
  // selection would have drawn a marquee instead and committed nothing.
  const settle = async () => {
    if (mode !== 'drag') return
    await page.waitForFunction(() => (globalThis as unknown as PageApi).__editorBench.settled(), undefined, { timeout: 15_000 }).catch(() => {
      throw new Error('the drag committed nothing on release: the press missed the selected desk?')
    })
  }
  await gesture(page, (await prepare()).start, WARMUP_MS, false)
  await settle()
  const prepared = await prepare()
  if (mode === 'drag' && prepared.selected !== SELECTED) throw new Error(`${prepared.selected} desks selected, not ${SELECTED}`)
  const { sample, work, sent } = await gesture(page, prepared.start, GESTURE_MS, true)
  await settle()
  const released = await page.evaluate(() => (globalThis as unknown as PageApi).__editorBench.message())
  if (errors.length) throw new Error(`the bench page failed: ${errors[0]}`)
  const s = sample!
  if (s.cancels) throw new Error(`the ${mode} was cancelled by the browser (pointercancel), so it was not measured`)
  return {
    prepared,
    released,
    frames: summary(s.intervals),
    work: summary(work!.perFrame),
    handlers: summary(s.handlers),
    dropped: s.intervals.filter((i) => i > DROPPED_MS).length,
    moves: s.moves,
    sent,
    busyShare: work!.busyShare,
  }
}
type Result = Awaited<ReturnType<typeof scenario>>

async function inContext(browser: Browser, url: string, mode: 'drag' | 'pan'): Promise<Result> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  try {
    return await scenario(await context.newPage(), url, mode)
  } finally {
    await context.close()
  }
}

const pct = (v: number) => `${(v * 100).toFixed(1)} %`
const frameText = (r: Result) => `frame p50 ${ms(r.frames.p50)}, p95 ${ms(r.frames.p95)}, p99 ${ms(r.frames.p99)}; dropped ${pct(r.dropped / r.frames.n)} (${r.dropped} of ${r.frames.n} > ${DROPPED_MS.toFixed(0)} ms)`
const workText = (r: Result) => `p50 ${ms(r.work.p50)}, p95 ${ms(r.work.p95)}, p99 ${ms(r.work.p99)}; main thread busy ${pct(r.busyShare)}`
const handlerText = (r: Result) => `p50 ${ms(r.handlers.p50)}, p95 ${ms(r.handlers.p95)}, ${(r.moves / r.frames.n).toFixed(2)} pointermoves/frame (${r.sent} mouse moves sent)`
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`

export const editorDrag: Benchmark = {
  name: 'editor drag',
  async run() {
    console.log('  building the bench page (vite)…')
    await buildPages('editor-drag')
    const site = await servePages()
    const browser = await launchBrowser()
    try {
      const drag = await inContext(browser, site.url, 'drag')
      console.log(`  dragged ${drag.prepared.selected} of ${drag.prepared.desks} desks; on release the editor said: ${drag.released ?? '(nothing)'}`)
      const pan = await inContext(browser, site.url, 'pan')
      const rows: Row[] = [
        {
          figure: `editor drag, ${drag.prepared.selected} of ${drag.prepared.desks} desks selected, frame time`,
          value: frameText(drag),
          comparison: `goal p95 ≤ 16.7 ms; p95 ${ratio(drag.frames.p95, pan.frames.p95)} panning the same floor along the same path (${frameText(pan)})`,
        },
        {
          figure: 'editor drag, main-thread work per frame',
          value: workText(drag),
          comparison: `goal p95 ≤ 8 ms; p95 ${ratio(drag.work.p95, pan.work.p95)} panning (${workText(pan)})`,
        },
        {
          figure: 'editor drag, pointermove dispatch per frame (part of the work)',
          value: handlerText(drag),
          comparison: `p95 ${ratio(drag.handlers.p95, pan.handlers.p95)} panning (${handlerText(pan)})`,
        },
      ]
      return rows
    } finally {
      await browser.close()
      await site.close()
    }
  },
}
