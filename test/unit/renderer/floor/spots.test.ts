import { describe, expect, it } from 'vitest'
import { PERSONAL_SPACE, freeSpotIn } from '../../../../renderer/floor/spots.ts'

const room = { x: 100, y: 100, width: 400, height: 240 }

describe('freeSpotIn', () => {
  it('takes the centre of an empty room', () => {
    const spot = freeSpotIn(room, [])
    expect(Math.hypot(spot.x - 300, spot.y - 220)).toBeLessThan(PERSONAL_SPACE)
  })

  it('never stands on anyone, and stays inside the room', () => {
    const taken: { x: number; y: number }[] = []
    for (let i = 0; i < 12; i++) {
      const spot = freeSpotIn(room, taken)
      for (const t of taken) expect(Math.hypot(t.x - spot.x, t.y - spot.y)).toBeGreaterThanOrEqual(PERSONAL_SPACE)
      expect(spot.x).toBeGreaterThan(room.x)
      expect(spot.x).toBeLessThan(room.x + room.width)
      expect(spot.y).toBeGreaterThan(room.y)
      expect(spot.y).toBeLessThan(room.y + room.height)
      taken.push(spot)
    }
  })

  it('falls back to the centre when the room is packed', () => {
    const tiny = { x: 0, y: 0, width: 60, height: 60 }
    expect(freeSpotIn(tiny, [{ x: 30, y: 30 }])).toEqual({ x: 30, y: 30 })
  })
})
