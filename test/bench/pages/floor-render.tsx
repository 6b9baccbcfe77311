/**
 * The floor-render benchmark page: the real OfficeScreen over the real stores, platform and office
 * actions (composed as renderer/main.tsx does, but never booted, so there is no network), showing a
 * big office. A simulated presence stream feeds it exactly as the lobby service would: peers by
 * `upsertPeer`, movement packets by `motion.moveTo(id, x, y, 120)` (lobby's onPeerMove), resting
 * positions by another `upsertPeer`. Frames are timed with requestAnimationFrame in the page.
 */
import { bigOffice } from './big-office.ts'
import { mountOffice } from './mount-office.tsx'
import type { FeedOptions, FrameSample } from './floor-render-api.ts'
import { seeded } from './seeded.ts'

const office = bigOffice()
const composition = mountOffice(office)
const { stores } = composition

const frames = () => new Promise<number>((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))

/**
 * Walkers head for spots up to 1,000 floor units away (a room or desk nearby: a walk of about two
 * seconds) at the keyboard walking speed, 320 floor units a second, and then set off again.
 */
function startFeed(opts: FeedOptions) {
  const random = seeded(7)
  const { width, height } = office.floor
  const STEP = 32
  const REACH = 1_000
  const near = (x: number, y: number) => ({
    x: Math.min(width - 40, Math.max(40, x + (random() * 2 - 1) * REACH)),
    y: Math.min(height - 40, Math.max(40, y + (random() * 2 - 1) * REACH)),
  })
  const walkers = office.peers.slice(0, opts.walking).map((p) => ({ peer: p, x: p.x, y: p.y, goal: near(p.x, p.y) }))
  const counts = { moves: 0, rests: 0 }
  const timer = setInterval(() => {
    for (const w of walkers) {
      const dx = w.goal.x - w.x
      const dy = w.goal.y - w.y
      const d = Math.hypot(dx, dy)
      if (d <= STEP) {
        w.x = w.goal.x
        w.y = w.goal.y
        w.goal = near(w.x, w.y)
        if (opts.rests) {
          stores.presence.getState().upsertPeer({ ...stores.presence.getState().peers[w.peer.id]!, x: Math.round(w.x), y: Math.round(w.y) })
          counts.rests++
        }
      } else {
        w.x += (dx / d) * STEP
        w.y += (dy / d) * STEP
      }
      composition.office.motion.moveTo(w.peer.id, Math.round(w.x), Math.round(w.y), 120)
      counts.moves++
    }
  }, 100)
  return { counts, stop: () => clearInterval(timer) }
}

function measure(durationMs: number): Promise<Pick<FrameSample, 'intervals' | 'busy'>> {
  return new Promise((resolve) => {
    const intervals: number[] = []
    const busy: number[] = []
    const channel = new MessageChannel()
    let frameStart = 0
    let last = -1
    let end = Infinity
    // A message posted during the frame runs as the first task after its style, layout and paint.
    channel.port1.onmessage = () => busy.push(performance.now() - frameStart)
    const tick = (t: number) => {
      if (last < 0) end = t + durationMs
      else intervals.push(t - last)
      last = t
      frameStart = t
      if (t >= end) {
        setTimeout(() => resolve({ intervals, busy }), 50)
        return
      }
      channel.port2.postMessage(0)
      requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  })
}

async function run(opts: FeedOptions): Promise<FrameSample> {
  const feed = startFeed(opts)
  await new Promise((r) => setTimeout(r, opts.warmupMs))
  const before = { ...feed.counts }
  const sample = await measure(opts.durationMs)
  feed.stop()
  return { ...sample, moves: feed.counts.moves - before.moves, rests: feed.counts.rests - before.rests }
}

async function ready(): Promise<{ avatars: number; desks: number; rooms: number }> {
  await frames()
  const floor = document.querySelector('[aria-label^="Floor plan: "]')
  const count = (label: string) => floor?.querySelector(`[aria-label="${label}"]`)?.querySelectorAll('[data-roving]').length ?? 0
  return { avatars: count('People'), desks: count('Desks'), rooms: count('Rooms') }
}

Object.assign(globalThis, { __floorBench: { ready, run } })
