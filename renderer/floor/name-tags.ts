/**
 * Where each avatar's name tag goes so that no two tags overlap, and no tag covers an avatar: a
 * greedy placement over a spatial grid, with every avatar (and its rings) in the grid first. Each
 * tag tries the side it had last time first (so tags do not hop about while others
 * move), then below, above, right and left of its avatar; a tag with no free side is hidden (it
 * still shows on hover and focus). Boxes are in floor units, so the result holds at every zoom.
 * Pure and O(n): each tag checks only the grid cells its candidate box touches.
 */
export type Slot = 'below' | 'above' | 'right' | 'left' | 'hidden'

export interface TagInput {
  id: string
  /** The avatar's centre. */
  x: number
  y: number
  /** The tag's size. */
  width: number
  height: number
  /** How far the avatar and its rings reach from its centre; the tag sits just beyond. */
  radius: number
}

export interface Box {
  x0: number
  y0: number
  x1: number
  y1: number
}

/** Half an avatar (it is 30 units across) and the gap between its outermost ring and its tag. */
export const AVATAR_HALF = 15
export const TAG_GAP = 2
/** How far an avatar reaches with its status ring; with the speaking ring; yours, with its outline. */
export const RADIUS = { plain: 19, speaking: 24, self: 25, selfSpeaking: 29 } as const
export const TAG_HEIGHT = 16
export const TAG_MAX_WIDTH = 150
const ORDER: readonly Slot[] = ['below', 'above', 'right', 'left']
/** Wider than the widest tag, so a box touches at most 2×2 cells. */
const CELL = 160

/**
 * A tag's width from its text, without measuring the DOM (500 layouts would cost more than the
 * placement): an upper bound for the 0.7rem tag font; the tag is drawn no wider than this.
 */
export function tagWidth(text: string): number {
  return Math.min(TAG_MAX_WIDTH, Math.max(24, Math.ceil(text.length * 6.6) + 10))
}

export function slotBox(t: TagInput, slot: Exclude<Slot, 'hidden'>): Box {
  const off = t.radius + TAG_GAP
  switch (slot) {
    case 'below':
      return { x0: t.x - t.width / 2, y0: t.y + off, x1: t.x + t.width / 2, y1: t.y + off + t.height }
    case 'above':
      return { x0: t.x - t.width / 2, y0: t.y - off - t.height, x1: t.x + t.width / 2, y1: t.y - off }
    case 'right':
      return { x0: t.x + off, y0: t.y - t.height / 2, x1: t.x + off + t.width, y1: t.y + t.height / 2 }
    case 'left':
      return { x0: t.x - off - t.width, y0: t.y - t.height / 2, x1: t.x - off, y1: t.y + t.height / 2 }
  }
}

export const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1

/** Boxes bucketed by the grid cells they touch. */
class Grid {
  private cells = new Map<number, Box[]>()
  private key = (cx: number, cy: number) => cx * 65_536 + cy
  private span(b: Box, visit: (k: number) => boolean | void): boolean {
    for (let cx = Math.floor(b.x0 / CELL); cx <= Math.floor(b.x1 / CELL); cx++) {
      for (let cy = Math.floor(b.y0 / CELL); cy <= Math.floor(b.y1 / CELL); cy++) if (visit(this.key(cx, cy))) return true
    }
    return false
  }
  free(b: Box): boolean {
    return !this.span(b, (k) => this.cells.get(k)?.some((o) => overlaps(o, b)))
  }
  add(b: Box): void {
    this.span(b, (k) => {
      const list = this.cells.get(k)
      if (list) list.push(b)
      else this.cells.set(k, [b])
    })
  }
}

/**
 * Places every tag, in the order given (put the ones that matter most first: your own). Given the
 * same inputs and its own previous answer, it returns the same answer.
 */
export function placeTags(tags: readonly TagInput[], previous?: ReadonlyMap<string, Slot>): Map<string, Slot> {
  const grid = new Grid()
  const placed = new Map<string, Slot>()
  // A tag never covers a face: every avatar is an obstacle (its own tag sits beyond its radius).
  for (const t of tags) grid.add({ x0: t.x - t.radius, y0: t.y - t.radius, x1: t.x + t.radius, y1: t.y + t.radius })
  for (const t of tags) {
    const before = previous?.get(t.id)
    const order = before && before !== 'hidden' ? [before, ...ORDER.filter((s) => s !== before)] : ORDER
    let chosen: Slot = 'hidden'
    for (const slot of order) {
      const box = slotBox(t, slot as Exclude<Slot, 'hidden'>)
      if (grid.free(box)) {
        grid.add(box)
        chosen = slot
        break
      }
    }
    placed.set(t.id, chosen)
  }
  return placed
}
