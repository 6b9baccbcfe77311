/**
 * The editor-drag benchmark page: the real OfficeScreen over the real stores, platform, office
 * actions and lazy editor (composed as renderer/app/compose.ts does, never booted, so there is no
 * network), showing the big office (2,000 desks, 30 rooms, 500 people resting) to its owner, so
 * "Edit floor" is there. The benchmark clicks it and drives the pointer with Playwright; this page
 * picks where a gesture starts, selects desks through `editor.select`, and records frames.
 *
 * Per frame it records, on the page's main thread:
 * - the interval between requestAnimationFrame callbacks (what the host sees);
 * - the time spent dispatching the frame's pointermove events: a capturing listener on window
 *   (the first to run) to a bubbling one on window (the last), summed over the frame's events;
 * - a performance mark in each rAF, by which the benchmark splits a Chromium trace of the
 *   main thread's tasks into frames (main-thread work per frame; see ../frame-work.ts).
 */
import { bigOffice } from './big-office.ts'
import { mountOffice } from './mount-office.tsx'
import { FRAME_MARK, type ClientPoint, type FrameSample, type Prepared } from './editor-drag-api.ts'

const office = bigOffice()
const composition = mountOffice(office)
const editor = composition.editor

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve))
const frames = () => frame().then(frame)
const deskButtons = () => [...document.querySelectorAll<HTMLElement>('[aria-label="Desks"] [data-roving]')]
const centreOf = (el: Element): ClientPoint => {
  const r = el.getBoundingClientRect()
  return { x: r.left + r.width / 2, y: r.top + r.height / 2 }
}

/**
 * Chooses where a gesture starts: the desk nearest to `offsetX` px from the viewport's centre.
 * 'drag' selects the `count` desks nearest to it (in floor units) and starts on it; 'pan' starts
 * on empty floor beside it (half the desk grid's spacing away diagonally, checked by hit testing).
 */
async function prepare(mode: 'drag' | 'pan', count: number, offsetX: number): Promise<Prepared> {
  // A pan selects the floor's text (room names), and a press on selected text then starts a
  // native drag that cancels the pointer: clear it so the measured gesture is the gesture.
  getSelection()?.removeAllRanges()
  await frames()
  const view = document.querySelector('.viewport')!.getBoundingClientRect()
  const target = { x: view.left + view.width / 2 + offsetX, y: view.top + view.height / 2 }
  const buttons = deskButtons()
  const distance = (a: ClientPoint, b: ClientPoint) => Math.hypot(a.x - b.x, a.y - b.y)
  const anchor = buttons.reduce((best, el) => (distance(centreOf(el), target) < distance(centreOf(best), target) ? el : best))
  const start = centreOf(anchor)
  if (mode === 'drag') {
    const byId = new Map(office.floor.desks.map((d) => [d.id, d]))
    const a = byId.get(anchor.dataset.roving!)!
    const nearest = [...office.floor.desks].sort((p, q) => Math.hypot(p.x - a.x, p.y - a.y) - Math.hypot(q.x - a.x, q.y - a.y))
    editor.select(nearest.slice(0, count).map((d) => d.id), 'replace')
    for (let i = 0; i < 600 && document.querySelectorAll('[data-outline]').length < count; i++) await frame()
    await frames()
    return { selected: document.querySelectorAll('[data-outline]').length, desks: buttons.length, start }
  }
  const half = (anchor.getBoundingClientRect().width / 48) * 46
  const spots = [-1, 1].flatMap((sx) => [-1, 1].map((sy) => ({ x: start.x + sx * half, y: start.y + sy * half })))
  const empty = spots.find((p) => !document.elementFromPoint(p.x, p.y)?.closest('button'))
  if (!empty) throw new Error('no empty floor next to the anchor desk')
  return { selected: 0, desks: buttons.length, start: empty }
}

/** Records frames until `stop` is called, marking each for the benchmark's trace. */
function record() {
  const sample: FrameSample = { intervals: [], handlers: [], moves: 0, cancels: 0 }
  let last = -1
  let handlerMs = 0
  let dispatchStart = 0
  let stopping: (() => void) | null = null
  const onCapture = () => {
    dispatchStart = performance.now()
  }
  const onBubble = () => {
    handlerMs += performance.now() - dispatchStart
    sample.moves++
  }
  const onCancel = () => sample.cancels++
  addEventListener('pointermove', onCapture, true)
  addEventListener('pointermove', onBubble)
  addEventListener('pointercancel', onCancel, true)
  const tick = (t: number) => {
    performance.mark(FRAME_MARK)
    if (last >= 0) {
      sample.intervals.push(t - last)
      sample.handlers.push(handlerMs)
    }
    handlerMs = 0
    last = t
    if (stopping) return stopping()
    requestAnimationFrame(tick)
  }
  requestAnimationFrame(tick)
  return {
    stop: () =>
      new Promise<FrameSample>((resolve) => {
        stopping = () => {
          removeEventListener('pointermove', onCapture, true)
          removeEventListener('pointermove', onBubble)
          removeEventListener('pointercancel', onCancel, true)
          performance.clearMarks(FRAME_MARK)
          resolve(sample)
        }
      }),
  }
}

let recorder: ReturnType<typeof record> | null = null
const start = () => {
  recorder = record()
}
const stop = () => {
  const r = recorder!
  recorder = null
  return r.stop()
}

/** A committed gesture is over: the edit in flight is gone and the editor said what happened. */
const settled = () => editor.store.getState().preview === null && editor.store.getState().message !== null
const message = () => editor.store.getState().message?.text ?? null

Object.assign(globalThis, { __editorBench: { ready: frames, prepare, start, stop, settled, message } })
