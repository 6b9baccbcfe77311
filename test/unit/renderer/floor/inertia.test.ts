import { describe, expect, it } from 'vitest'
import { glideDistance, glideStep, HALF_LIFE_MS, MIN_SPEED, releaseVelocity } from '../../../../renderer/floor/inertia.ts'

describe('pan inertia', () => {
  it('takes the release velocity from the drag’s last moments only', () => {
    const samples = [
      { x: 0, y: 0, t: 0 },
      { x: 0, y: 0, t: 500 }, // a long pause, then a quick flick to the right
      { x: 20, y: 10, t: 520 },
      { x: 40, y: 20, t: 540 },
    ]
    const v = releaseVelocity(samples, 540)
    expect(v.vx).toBeCloseTo(1)
    expect(v.vy).toBeCloseTo(0.5)
  })

  it('does not glide when the pointer had stopped before release', () => {
    expect(releaseVelocity([{ x: 0, y: 0, t: 0 }, { x: 50, y: 0, t: 20 }], 400)).toEqual({ vx: 0, vy: 0 })
  })

  it('halves the speed every half-life, whatever the frame rate', () => {
    const v = { vx: 2, vy: 0 }
    expect(glideStep(v, HALF_LIFE_MS).next?.vx).toBeCloseTo(1)
    // Sixty small frames and one big one cover the same ground.
    let small = { vx: 2, vy: 0 }
    let moved = 0
    for (let i = 0; i < 60; i++) {
      const s = glideStep(small, 200 / 60)
      moved += s.dx
      small = s.next ?? { vx: 0, vy: 0 }
    }
    expect(moved).toBeCloseTo(glideStep(v, 200).dx, 6)
  })

  it('slows down every frame, stops below the minimum speed, and travels a bounded distance', () => {
    let v: { vx: number; vy: number } | null = { vx: 1.5, vy: -1 }
    let total = 0
    let last = Infinity
    let frames = 0
    while (v) {
      const s = glideStep(v, 16)
      expect(Math.abs(s.dx)).toBeLessThan(last)
      last = Math.abs(s.dx)
      total += s.dx
      v = s.next
      frames++
    }
    expect(frames).toBeLessThan(60) // stops within a second at 60 fps
    expect(total).toBeLessThanOrEqual(glideDistance({ vx: 1.5, vy: -1 }).dx)
    expect(total).toBeGreaterThan(glideDistance({ vx: 1.5, vy: -1 }).dx * 0.9)
    expect(glideStep({ vx: MIN_SPEED / 2, vy: 0 }, 0).next).toBeNull()
  })
})
