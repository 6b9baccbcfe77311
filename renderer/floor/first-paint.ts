/**
 * The first paint of the floor, and what waits for it. A start paints the cached floor first; the
 * on-demand parts that are not the floor (the top bar's feature buttons, the marks of shelves,
 * the minimap, chat's cache, stars) load after it, so that they do not take the main thread from
 * it. When no floor paints soon (no cached floor, no floor at all) they load anyway.
 */
import { useEffect, useState } from 'react'

/** The performance mark, read by `npm run bench` (cold start) and DevTools. */
export const FLOOR_PAINTED = 'office:floor-painted'
/** What waits for the floor loads after this long anyway. */
export const PAINT_WAIT_MS = 1_000

let open: () => void = () => {}
const painted = new Promise<void>((resolve) => (open = resolve))
let done = false
painted.then(() => (done = true), () => {})

export const floorPaintedOnce = (): boolean => performance.getEntriesByName(FLOOR_PAINTED, 'mark').length > 0

/** Called once the floor is on screen (FloorView). */
export function markFloorPainted(): void {
  if (!floorPaintedOnce()) performance.mark(FLOOR_PAINTED)
  open()
}

/** Resolves once the floor has painted, or PAINT_WAIT_MS after the first ask when it has not. */
export function afterFloorPaint(): Promise<void> {
  if (!done) setTimeout(open, PAINT_WAIT_MS)
  return painted
}

/** False until the floor has painted (or PAINT_WAIT_MS have passed). */
export function useAfterFloorPaint(): boolean {
  const [ready, setReady] = useState(done)
  useEffect(() => {
    if (ready) return
    let live = true
    void afterFloorPaint().then(() => live && setReady(true))
    return () => {
      live = false
    }
  }, [ready])
  return ready
}
