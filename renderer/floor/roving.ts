/**
 * Spatial keyboard navigation inside a group of floor items (rooms, desks, people): the arrow keys
 * move focus to the nearest item in that direction, as on a map.
 */
export type Arrow = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight'

export interface Spot {
  id: string
  x: number
  y: number
}

const direction: Record<Arrow, { dx: number; dy: number }> = {
  ArrowUp: { dx: 0, dy: -1 },
  ArrowDown: { dx: 0, dy: 1 },
  ArrowLeft: { dx: -1, dy: 0 },
  ArrowRight: { dx: 1, dy: 0 },
}

export const isArrow = (key: string): key is Arrow => key in direction

/**
 * The nearest spot in the direction of `arrow` from `from`, preferring spots straight ahead:
 * distance along the direction plus twice the sideways offset. Null when nothing lies that way.
 */
export function nextSpot(spots: readonly Spot[], from: Spot, arrow: Arrow): Spot | null {
  const { dx, dy } = direction[arrow]
  let best: Spot | null = null
  let bestScore = Infinity
  for (const s of spots) {
    if (s.id === from.id) continue
    const ahead = (s.x - from.x) * dx + (s.y - from.y) * dy
    if (ahead <= 0) continue
    const side = Math.abs((s.x - from.x) * dy) + Math.abs((s.y - from.y) * dx)
    const score = ahead + 2 * side
    if (score < bestScore) {
      bestScore = score
      best = s
    }
  }
  return best
}
