/**
 * Remembered window placement: parsed from the cache's kv table and used only if it still shows
 * on one of today's displays, so a window closed on a since-unplugged monitor does not reopen
 * off-screen.
 */
import Type, { type Static } from 'typebox'
import { Value } from 'typebox/value'

export const windowBoundsKey = 'window.bounds'

const Int = Type.Integer({ minimum: -100_000, maximum: 100_000 })
const Side = Type.Integer({ minimum: 200, maximum: 100_000 })
const WindowBoundsSchema = Type.Object({ x: Int, y: Int, width: Side, height: Side, maximized: Type.Boolean() })
export type WindowBounds = Static<typeof WindowBoundsSchema>

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export function parseWindowBounds(json: string | null): WindowBounds | null {
  if (json === null) return null
  try {
    const value: unknown = JSON.parse(json)
    return Value.Check(WindowBoundsSchema, value) ? value : null
  } catch {
    return null
  }
}

/** At least this much of the title bar area must be on a display for the window to be reachable. */
const minVisible = 64

const overlap = (a: Rect, b: Rect): number =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) *
  Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y))

/** `saved` when its top strip is on some work area, else null (let Electron centre a default window). */
export function visibleBounds(saved: WindowBounds | null, workAreas: readonly Rect[]): WindowBounds | null {
  if (saved === null) return null
  const titleStrip = { x: saved.x, y: saved.y, width: saved.width, height: Math.min(saved.height, minVisible) }
  return workAreas.some((area) => overlap(titleStrip, area) >= minVisible * minVisible) ? saved : null
}
