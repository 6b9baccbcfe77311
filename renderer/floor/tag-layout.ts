/**
 * Keeps name tags apart on screen, outside React. Tags register their element; a few times a
 * second the layout reads where every avatar is from the motion engine and, only if someone moved
 * (or came or went), places all tags again (name-tags.ts, linear time) and writes the side to the
 * elements whose side changed. Nothing here runs per animation frame, and nothing at all while
 * nobody moves: the checks start when the motion engine sends someone somewhere, and stop at the
 * first one that finds everyone where they were (an idle office wakes no timer).
 */
import type { Motion } from './motion.ts'
import { placeTags, TAG_HEIGHT, type Slot, type TagInput } from './name-tags.ts'

/** How often positions are checked: tags follow their avatars anyway; only their side waits. */
const CHECK_MS = 200

interface Entry {
  el: HTMLElement
  width: number
  radius: number
  x: number
  y: number
}

export interface TagLayout {
  /**
   * Lays out `id`'s tag element (`width` floor units wide, beside an avatar reaching `radius` from
   * its centre) from now on; returns the detach function.
   */
  attach(id: string, el: HTMLElement, width: number, radius: number): () => void
  /** Your own tag is placed first, so it is never the one pushed aside. */
  setSelf(id: string | null): void
  /**
   * Whether tags are shown at all: zoomed far out they are hidden (only yours shows, placed first
   * and so never displaced), and placing them would be work for nothing.
   */
  setActive(active: boolean): void
  /** Checks positions now (tests and the first paint; otherwise the timer does it). */
  update(): void
  dispose(): void
}

export function createTagLayout(motion: Pick<Motion, 'get' | 'onMove'>): TagLayout {
  const entries = new Map<string, Entry>()
  let slots = new Map<string, Slot>()
  let self: string | null = null
  let dirty = true
  let active = true

  /** Lays the tags out if anyone moved or came or went; says whether there was anything to do. */
  const update = (): boolean => {
    if (!active) return false
    for (const [id, e] of entries) {
      const at = motion.get(id)
      if (!at || (at.x === e.x && at.y === e.y)) continue
      e.x = at.x
      e.y = at.y
      dirty = true
    }
    if (!dirty) return false
    dirty = false
    const tags: TagInput[] = []
    const mine = self ? entries.get(self) : undefined
    const tag = (id: string, e: Entry): TagInput => ({ id, x: e.x, y: e.y, width: e.width, height: TAG_HEIGHT, radius: e.radius })
    if (mine && self) tags.push(tag(self, mine))
    // Your own tag goes back below your avatar as soon as it is free there: placed first, only
    // faces can push it aside, so it never hops, and it does not stay above because someone once
    // walked past. Everyone else's keeps its last side while it stays free.
    if (self) slots.delete(self)
    for (const [id, e] of entries) if (id !== self) tags.push(tag(id, e))
    const next = placeTags(tags, slots)
    for (const [id, slot] of next) {
      const el = entries.get(id)?.el
      if (el && el.dataset.slot !== slot) el.dataset.slot = slot
    }
    slots = next
    return true
  }
  let timer: ReturnType<typeof setInterval> | null = null
  const tick = () => {
    if (update() || !timer) return
    clearInterval(timer)
    timer = null
  }
  const wake = () => {
    timer ??= setInterval(tick, CHECK_MS)
  }
  const stopWatching = motion.onMove(wake)
  wake()

  return {
    attach(id, el, width, radius) {
      const at = motion.get(id) ?? { x: Number.NaN, y: Number.NaN }
      const entry = { el, width, radius, x: at.x, y: at.y }
      entries.set(id, entry)
      dirty = true
      wake()
      return () => {
        if (entries.get(id) !== entry) return
        entries.delete(id)
        slots.delete(id)
        dirty = true
        wake()
      }
    },
    setSelf(id) {
      if (self === id) return
      self = id
      dirty = true
      wake()
    },
    setActive(on) {
      if (active === on) return
      active = on
      dirty = true
      update()
      if (on) wake()
    },
    update: () => void update(),
    dispose: () => {
      stopWatching()
      if (timer) clearInterval(timer)
      timer = null
    },
  }
}
