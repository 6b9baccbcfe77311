import { describe, expect, it } from 'vitest'
import { MAX_ZOOM, MIN_ZOOM, centreOn, fitCamera, follow, overflows, toWorld, zoomAt } from '../../../../renderer/floor/camera.ts'

describe('camera', () => {
  it('fits the whole floor, centred', () => {
    const cam = fitCamera({ width: 1000, height: 600 }, { width: 2000, height: 1000 }, 0)
    expect(cam.zoom).toBe(0.5)
    expect(toWorld(cam, 500, 300)).toEqual({ x: 1000, y: 500 })
  })

  it('zooms about the pointer: the floor point under it stays under it', () => {
    const cam = { x: 10, y: 20, zoom: 1 }
    const before = toWorld(cam, 300, 200)
    const after = toWorld(zoomAt(cam, 2, 300, 200), 300, 200)
    expect(after.x).toBeCloseTo(before.x)
    expect(after.y).toBeCloseTo(before.y)
  })

  it('keeps the zoom within its limits', () => {
    expect(zoomAt({ x: 0, y: 0, zoom: 1 }, 100, 0, 0).zoom).toBe(MAX_ZOOM)
    expect(zoomAt({ x: 0, y: 0, zoom: 1 }, 0.0001, 0, 0).zoom).toBe(MIN_ZOOM)
  })

  it('follows a point leaving the view by just enough, and not one inside it', () => {
    const view = { width: 800, height: 600 }
    const cam = { x: 0, y: 0, zoom: 1 }
    expect(follow(cam, view, 400, 300)).toBe(cam)
    const moved = follow(cam, view, 790, 300, 60)
    expect(790 * moved.zoom + moved.x).toBe(740)
  })
})

describe('camera: Find me and the minimap', () => {
  it('centres a floor point in the viewport at the same zoom', () => {
    const cam = centreOn({ x: -300, y: 40, zoom: 2 }, { width: 800, height: 600 }, 100, 50)
    expect(cam.zoom).toBe(2)
    expect(100 * cam.zoom + cam.x).toBe(400)
    expect(50 * cam.zoom + cam.y).toBe(300)
  })

  it('says the floor overflows the viewport only when it does not fit at this zoom', () => {
    const view = { width: 1000, height: 600 }
    const floor = { width: 2000, height: 1000 }
    expect(overflows(fitCamera(view, floor), view, floor)).toBe(false)
    expect(overflows({ x: 0, y: 0, zoom: 1 }, view, floor)).toBe(true)
  })
})
