/**
 * Main-thread work per frame, from a Chromium trace: the page marks each requestAnimationFrame
 * with `performance.mark(name)`, and the work of a frame is the time the page's main thread
 * spent in tasks between its mark and the next one (a task across a boundary is split).
 *
 * Why a trace and not a timer in the page: this Chromium renders a frame in two tasks, one for
 * input, rAF, style and layout and a later one for paint, layerize and commit, and a message posted
 * from rAF runs between them, so "rAF to the first task after it" misses the second half. Only
 * the `toplevel` (tasks) and `blink.user_timing` (marks) categories are recorded, which costs little.
 */
import type { Browser, Page } from 'playwright-core'

const TASK = 'ThreadControllerImpl::RunTask'

interface TraceEvent {
  name: string
  ph: string
  pid: number
  tid: number
  ts: number
  dur?: number
}

export async function startFrameTrace(browser: Browser, page: Page): Promise<void> {
  await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing'] })
}

export interface FrameWork {
  /** Main-thread task time in each frame interval, ms. */
  perFrame: number[]
  /** Share of the marked span the main thread was busy. */
  busyShare: number
}

/** Stops the trace and splits the page's main-thread task time into the frames marked `markName`. */
export async function stopFrameTrace(browser: Browser, markName: string): Promise<FrameWork> {
  const events = (JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }).traceEvents
  const marks = events.filter((e) => e.name === markName).sort((a, b) => a.ts - b.ts)
  if (marks.length < 2) throw new Error(`the trace holds ${marks.length} frame marks`)
  const { pid, tid } = marks[0]!
  const tasks = events.filter((e) => e.pid === pid && e.tid === tid && e.name === TASK && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts)
  // Nested run loops nest tasks; count only the outermost.
  const outer: TraceEvent[] = []
  for (const t of tasks) {
    const last = outer.at(-1)
    if (!last || t.ts >= last.ts + last.dur!) outer.push(t)
  }
  const perFrame = marks.slice(1).map((end, i) => {
    const begin = marks[i]!.ts
    let busy = 0
    for (const t of outer) busy += Math.max(0, Math.min(end.ts, t.ts + t.dur!) - Math.max(begin, t.ts))
    return busy / 1000
  })
  const span = (marks.at(-1)!.ts - marks[0]!.ts) / 1000
  return { perFrame, busyShare: perFrame.reduce((a, b) => a + b, 0) / span }
}
