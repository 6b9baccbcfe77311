/**
 * Avatar motion outside React. Positions of every avatar on screen live here; movement packets and
 * this member's walker write to it, and it writes straight to the avatar elements. React
 * re-renders an avatar when who or how they are changes, never because they moved.
 *
 * Two ways to move, chosen for what Chromium does with them:
 * - a jump (this member's own walking, every frame) sets the margins that place the avatar
 *   (styles.css, .layer-placed); your own avatar is absolutely placed, so it lays out and repaints
 *   one small spot;
 * - a glide (other people's move packets, 10 Hz each) becomes a Web Animation of `transform`,
 *   handed over in batches at most once a frame and then run by the compositor. Writing
 *   transforms frame by frame instead made every frame with anyone walking pay Chromium's
 *   layerization of the whole floor (~10 ms a frame with 50 walkers on a 2,000-desk floor). A CSS
 *   transition did the same work but fired four DOM events per glide, which React's root
 *   listener took on the main thread (~1,500 a second with 50 walkers); an Animation fires none.
 */
export interface Point {
  x: number
  y: number
}

/** Draws glides somewhere other than their elements (walkers-canvas.ts). */
export interface GlidePainter {
  /** Draws these glides now, in floor coordinates; an empty list clears what was drawn. */
  paint(glides: readonly { el: HTMLElement; at: Point }[]): void
}

export interface Motion {
  /** Shows `id` in `el` from now on; returns the detach function. */
  attach(id: string, el: HTMLElement): () => void
  /** Glides `id` to (x, y) over `ms` milliseconds; 0 jumps. */
  moveTo(id: string, x: number, y: number, ms?: number): void
  /** Where `id` is now (mid-glide: where the glide has got to). */
  get(id: string): Point | undefined
  /** Runs `listener` whenever someone is sent somewhere (a jump or the start of a glide); returns the stop. */
  onMove(listener: () => void): () => void
  /** Draws other people's glides with `painter` from now on; returns the stop (back to animations). */
  paintGlides(painter: GlidePainter): () => void
  forget(id: string): void
  dispose(): void
}

interface Track {
  from: Point
  to: Point
  start: number
  duration: number
  /** Where the margins put the element; a glide's transform is relative to it. */
  base: Point
  el: HTMLElement | null
  /** The glide running on `el`, if any. */
  animation: Animation | null
  /** Drawn by the painter, `el` hidden, until the glide ends. */
  painted: boolean
}

/** Half an avatar: positions are centres, margins place corners. */
const HALF = 15
/**
 * Glides reach the DOM in batches at most this often: once a frame. Every 100 ms put all 50
 * walkers' new animations into one frame in six; spread over frames, the busiest frame does less
 * (floor bench, main-thread work p95 ~8.4 → ~7 ms light, with ±1.5 ms between runs).
 */
const BATCH_MS = 17

const stopGlide = (t: Track) => {
  t.animation?.cancel()
  t.animation = null
}

/**
 * Hides an avatar while the painter draws it (people.css, `[data-walking]`): an attribute, not a
 * class, since React writes the element's class whenever the person's look changes.
 */
const WALKING = 'walking'

const unpaint = (t: Track) => {
  if (!t.painted) return
  t.painted = false
  delete t.el?.dataset[WALKING]
}

const place = (t: Track) => {
  t.base = { ...t.to }
  stopGlide(t)
  unpaint(t)
  if (!t.el) return
  t.el.style.marginLeft = `${t.to.x - HALF}px`
  t.el.style.marginTop = `${t.to.y - HALF}px`
}

const offset = (p: Point, base: Point) => `translate(${p.x - base.x}px, ${p.y - base.y}px)`

/**
 * Starts `t`'s glide on its element, `late` ms after the glide began (it waited for its batch): the
 * element is where `at` says it is, so name tags placed from `get` sit over it.
 */
const glide = (t: Track, late: number) => {
  stopGlide(t)
  if (!t.el) return
  const animation = t.el.animate([{ transform: offset(t.from, t.base) }, { transform: offset(t.to, t.base) }], {
    duration: t.duration,
    delay: -Math.min(late, t.duration),
    easing: 'linear',
    fill: 'forwards',
  })
  // Once it ends, the glide's end becomes the margins and the animation goes: a finished animation
  // held by `fill` was sometimes painted without its transform (the avatar vanished from
  // screenshots though its box was in place), and it would stay on the element until the next move.
  animation.onfinish = () => {
    if (t.animation === animation) place(t)
  }
  t.animation = animation
}

const hasFocus = (el: HTMLElement) => typeof document !== 'undefined' && !!document.activeElement && el.contains(document.activeElement)

export function createMotion(
  now: () => number = () => performance.now(),
  requestFrame: (run: () => void) => void = (run) => requestAnimationFrame(run),
): Motion {
  const tracks = new Map<string, Track>()
  const pending = new Set<Track>()
  let timer: ReturnType<typeof setTimeout> | null = null
  let lastFlush = 0
  // prefers-reduced-motion: glides jump to where they end (tokens.css zeroes CSS transitions too).
  const reduced = typeof matchMedia === 'function' ? matchMedia('(prefers-reduced-motion: reduce)') : null

  const at = (t: Track): Point => {
    const k = t.duration > 0 ? Math.min(1, (now() - t.start) / t.duration) : 1
    return { x: t.from.x + (t.to.x - t.from.x) * k, y: t.from.y + (t.to.y - t.from.y) * k }
  }

  let painter: GlidePainter | null = null
  const painting = new Set<Track>()
  let framing = false
  /** One frame of painted glides: draws those under way, and hands back to its element any that ended. */
  const paintFrame = () => {
    framing = false
    const time = now()
    const drawn: { el: HTMLElement; at: Point }[] = []
    for (const t of painting) {
      if (!t.painted || !t.el) {
        painting.delete(t)
        continue
      }
      if (time >= t.start + t.duration) {
        painting.delete(t)
        place(t)
      } else if (hasFocus(t.el)) {
        painting.delete(t)
        unpaint(t)
        glide(t, time - t.start)
      } else drawn.push({ el: t.el, at: at(t) })
    }
    painter?.paint(drawn)
    if (painting.size) {
      framing = true
      requestFrame(paintFrame)
    }
  }
  const paint = (t: Track) => {
    stopGlide(t)
    if (!t.painted) {
      t.painted = true
      if (t.el) t.el.dataset[WALKING] = ''
    }
    painting.add(t)
    if (!framing) {
      framing = true
      requestFrame(paintFrame)
    }
  }

  const flush = () => {
    timer = null
    lastFlush = now()
    for (const track of pending) {
      if (painter && track.el && !hasFocus(track.el)) paint(track)
      else {
        painting.delete(track)
        unpaint(track)
        glide(track, lastFlush - track.start)
      }
    }
    pending.clear()
  }

  const moveListeners = new Set<() => void>()

  return {
    attach(id, el) {
      let track = tracks.get(id)
      if (!track) {
        track = { from: { x: 0, y: 0 }, to: { x: 0, y: 0 }, start: 0, duration: 0, base: { x: 0, y: 0 }, el: null, animation: null, painted: false }
        tracks.set(id, track)
      }
      track.el = el
      place(track)
      const attached = track
      return () => {
        if (attached.el !== el) return
        stopGlide(attached)
        unpaint(attached)
        attached.el = null
      }
    },
    moveTo(id, x, y, ms = 0) {
      for (const listener of moveListeners) listener()
      const track = tracks.get(id)
      if (!track || ms <= 0 || reduced?.matches) {
        const jumped = track ?? { from: { x, y }, to: { x, y }, start: 0, duration: 0, base: { x, y }, el: null, animation: null, painted: false }
        Object.assign(jumped, { from: { x, y }, to: { x, y }, start: now(), duration: 0 })
        tracks.set(id, jumped)
        pending.delete(jumped)
        place(jumped)
        return
      }
      track.from = at(track)
      track.to = { x, y }
      track.start = now()
      track.duration = ms
      pending.add(track)
      timer ??= setTimeout(flush, Math.max(0, lastFlush + BATCH_MS - now()))
    },
    get(id) {
      const track = tracks.get(id)
      return track ? at(track) : undefined
    },
    onMove(listener) {
      moveListeners.add(listener)
      return () => void moveListeners.delete(listener)
    },
    paintGlides(next) {
      painter = next
      return () => {
        if (painter !== next) return
        painter = null
        next.paint([])
        const time = now()
        for (const t of painting) {
          unpaint(t)
          if (time < t.start + t.duration) glide(t, time - t.start)
          else place(t)
        }
        painting.clear()
      }
    },
    forget(id) {
      const track = tracks.get(id)
      if (track) {
        pending.delete(track)
        stopGlide(track)
        unpaint(track)
        painting.delete(track)
      }
      tracks.delete(id)
    },
    dispose() {
      if (timer) clearTimeout(timer)
      timer = null
      pending.clear()
      for (const track of tracks.values()) {
        stopGlide(track)
        unpaint(track)
      }
      painting.clear()
      tracks.clear()
    },
  }
}
