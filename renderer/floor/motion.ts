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
 *
 * Where the floor has a delegate for glides (painted-glides.ts, loaded after the floor is on
 * screen), they are drawn on the walkers' canvas instead: a running Web Animation still costs
 * main-thread work every frame (Chromium services it: style, pre-paint, layerization, commit), and
 * someone walking starts a new one every 100 ms. While delegated, the element is hidden (attribute
 * `data-walking`) and written to only where the walk ends.
 */
export interface Point {
  x: number
  y: number
}

/**
 * A glide handed to a delegate (painted-glides.ts: the walkers' canvas), which draws it while its
 * element is hidden; it reads the glide live, so a packet that moves its end is drawn at once.
 */
export interface DelegatedGlide {
  readonly id: string
  readonly el: HTMLElement
  /** Where the glide has got to now. */
  at(): Point
  /** Whether it is still the delegate's (a jump, a detach or forgetting takes it back). */
  held(): boolean
  /** Whether it has reached its end. */
  ended(): boolean
  /** Gives it back to its element: placed where it ends if it ended, else animated on from where it is. */
  release(): void
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
  /**
   * Offers other people's glides to `take` from now on (it returns whether it draws the glide);
   * returns the stop, which gives every glide back to its element.
   */
  delegateGlides(take: (glide: DelegatedGlide) => boolean): () => void
  forget(id: string): void
  dispose(): void
}

interface Track {
  id: string
  from: Point
  to: Point
  start: number
  duration: number
  /** Where the margins put the element; a glide's transform is relative to it. */
  base: Point
  el: HTMLElement | null
  /** The glide running on `el`, if any. */
  animation: Animation | null
  /** Drawn by the delegate, `el` hidden, until it gives the glide back. */
  delegated: boolean
  /** Counts the times the track was delegated: a handle from an earlier time no longer holds it. */
  delegations: number
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
 * Hides an avatar while the delegate draws it (people.css, `[data-walking]`): an attribute, not a
 * class, since React writes the element's class whenever the person's look changes.
 */
const WALKING = 'walking'

const undelegate = (t: Track) => {
  if (!t.delegated) return
  t.delegated = false
  delete t.el?.dataset[WALKING]
}

const place = (t: Track) => {
  t.base = { ...t.to }
  stopGlide(t)
  undelegate(t)
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

export function createMotion(now: () => number = () => performance.now()): Motion {
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

  let take: ((glide: DelegatedGlide) => boolean) | null = null
  const ended = (t: Track) => now() >= t.start + t.duration
  const giveBack = (t: Track) => {
    undelegate(t)
    if (ended(t)) place(t)
    else glide(t, now() - t.start)
  }
  const delegated = (t: Track, el: HTMLElement): DelegatedGlide => {
    const time = ++t.delegations
    const holds = () => t.delegated && t.el === el && t.delegations === time
    return {
      id: t.id,
      el,
      at: () => at(t),
      held: holds,
      ended: () => ended(t),
      release: () => void (holds() && giveBack(t)),
    }
  }

  const flush = () => {
    timer = null
    lastFlush = now()
    for (const track of pending) {
      // A glide the delegate draws goes on with its new end; it reads the track live.
      if (track.delegated) continue
      if (take && track.el && take(delegated(track, track.el))) {
        stopGlide(track)
        track.delegated = true
        track.el.dataset[WALKING] = ''
      } else glide(track, lastFlush - track.start)
    }
    pending.clear()
  }

  const moveListeners = new Set<() => void>()

  return {
    attach(id, el) {
      let track = tracks.get(id)
      if (!track) {
        track = { id, from: { x: 0, y: 0 }, to: { x: 0, y: 0 }, start: 0, duration: 0, base: { x: 0, y: 0 }, el: null, animation: null, delegated: false, delegations: 0 }
        tracks.set(id, track)
      }
      track.el = el
      place(track)
      const attached = track
      return () => {
        if (attached.el !== el) return
        stopGlide(attached)
        undelegate(attached)
        attached.el = null
      }
    },
    moveTo(id, x, y, ms = 0) {
      for (const listener of moveListeners) listener()
      const track = tracks.get(id)
      if (!track || ms <= 0 || reduced?.matches) {
        const jumped = track ?? { id, from: { x, y }, to: { x, y }, start: 0, duration: 0, base: { x, y }, el: null, animation: null, delegated: false, delegations: 0 }
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
    delegateGlides(next) {
      // One delegate at a time: the glides of one replaced go back to their elements.
      const giveAllBack = () => {
        for (const t of tracks.values()) if (t.delegated) giveBack(t)
      }
      giveAllBack()
      take = next
      return () => {
        if (take !== next) return
        take = null
        giveAllBack()
      }
    },
    forget(id) {
      const track = tracks.get(id)
      if (track) {
        pending.delete(track)
        stopGlide(track)
        undelegate(track)
      }
      tracks.delete(id)
    },
    dispose() {
      if (timer) clearTimeout(timer)
      timer = null
      pending.clear()
      for (const track of tracks.values()) {
        stopGlide(track)
        undelegate(track)
      }
      tracks.clear()
    },
  }
}
