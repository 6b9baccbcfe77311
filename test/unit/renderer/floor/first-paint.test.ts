import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type * as FirstPaintModule from '../../../../renderer/floor/first-paint.ts'

type FirstPaint = typeof FirstPaintModule
/** A fresh copy of the module: its state is the page's, once per start. */
const load = async (): Promise<FirstPaint> => {
  vi.resetModules()
  return import('../../../../renderer/floor/first-paint.ts')
}

describe("what waits for the floor's first paint", () => {
  beforeEach(() => {
    performance.clearMarks()
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
  })
  afterEach(() => vi.useRealTimers())

  it('waits until the floor has painted, and marks the moment once', async () => {
    const fp = await load()
    let loaded = false
    void fp.afterFloorPaint().then(() => (loaded = true))
    await vi.advanceTimersByTimeAsync(fp.PAINT_WAIT_MS / 2)
    expect(loaded).toBe(false)
    fp.markFloorPainted()
    await vi.advanceTimersByTimeAsync(0)
    expect(loaded).toBe(true)
    fp.markFloorPainted()
    expect(performance.getEntriesByName(fp.FLOOR_PAINTED, 'mark')).toHaveLength(1)
    // Asked after the paint: at once.
    let later = false
    void fp.afterFloorPaint().then(() => (later = true))
    await vi.advanceTimersByTimeAsync(0)
    expect(later).toBe(true)
  })

  it('does not wait for ever when no floor paints (no cached floor, a workspace without floors)', async () => {
    const fp = await load()
    let loaded = false
    void fp.afterFloorPaint().then(() => (loaded = true))
    await vi.advanceTimersByTimeAsync(fp.PAINT_WAIT_MS - 1)
    expect(loaded).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(loaded).toBe(true)
    expect(fp.floorPaintedOnce()).toBe(false)
  })
})
