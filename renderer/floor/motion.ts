/**
 * Avatar motion outside React. Positions of every avatar on screen live here; movement packets and
 * this member's walker write to it, and a requestAnimationFrame loop (running only while something
 * glides) writes `transform` straight to the avatar elements. React re-renders an avatar when who
 * or how they are changes, never because they moved.
 */
export interface Point {
  x: number
  y: number
}

export interface Motion {
  /** Shows `id` in `el` from now on; returns the detach function. */
  attach(id: string, el: HTMLElement): () => void
  /** Glides `id` to (x, y) over `ms` milliseconds; 0 jumps. */
  moveTo(id: string, x: number, y: number, ms?: number): void
  get(id: string): Point | undefined
  forget(id: string): void
  dispose(): void
}

interface Track {
  x: number
  y: number
  from: Point
  to: Point
  start: number
  duration: number
  el: HTMLElement | null
}

const write = (t: Track) => {
  if (t.el) t.el.style.transform = `translate(${t.x}px, ${t.y}px)`
}

export function createMotion(now: () => number = () => performance.now()): Motion {
  const tracks = new Map<string, Track>()
  const gliding = new Set<Track>()
  let frame: number | null = null

  const tick = () => {
    frame = null
    const t = now()
    for (const track of gliding) {
      const k = Math.min(1, (t - track.start) / track.duration)
      track.x = track.from.x + (track.to.x - track.from.x) * k
      track.y = track.from.y + (track.to.y - track.from.y) * k
      write(track)
      if (k >= 1) gliding.delete(track)
    }
    if (gliding.size > 0) frame = requestAnimationFrame(tick)
  }

  const trackOf = (id: string, x: number, y: number): Track => {
    let track = tracks.get(id)
    if (!track) {
      track = { x, y, from: { x, y }, to: { x, y }, start: 0, duration: 0, el: null }
      tracks.set(id, track)
    }
    return track
  }

  return {
    attach(id, el) {
      const track = tracks.get(id) ?? trackOf(id, 0, 0)
      track.el = el
      write(track)
      return () => {
        if (track.el === el) track.el = null
      }
    },
    moveTo(id, x, y, ms = 0) {
      const fresh = !tracks.has(id)
      const track = trackOf(id, x, y)
      if (ms <= 0 || fresh) {
        gliding.delete(track)
        track.x = x
        track.y = y
        track.to = { x, y }
        write(track)
        return
      }
      track.from = { x: track.x, y: track.y }
      track.to = { x, y }
      track.start = now()
      track.duration = ms
      gliding.add(track)
      if (frame === null) frame = requestAnimationFrame(tick)
    },
    get(id) {
      const track = tracks.get(id)
      return track ? { x: track.x, y: track.y } : undefined
    },
    forget(id) {
      const track = tracks.get(id)
      if (track) gliding.delete(track)
      tracks.delete(id)
    },
    dispose() {
      if (frame !== null) cancelAnimationFrame(frame)
      frame = null
      gliding.clear()
      tracks.clear()
    },
  }
}
