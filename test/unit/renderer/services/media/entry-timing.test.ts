/**
 * The room entry's breakdown counts every step from the click. An entry through a preview takes
 * the preview's own token and signalling times: made before the click (the pointer rested on the
 * room), they count as the click; still under way at the click (a press on the room starts the
 * preview, the click follows at once), they count from it.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { startEntryClock } from '../../../../../renderer/services/media/entry-timing.ts'

const measured = (step: string) => performance.getEntriesByName(`office:entry:${step}`, 'measure').at(-1)

describe('the entry clock', () => {
  afterEach(() => performance.clearMeasures())

  it('counts a step of a preview made before the click as the click', () => {
    const click = performance.now()
    const clock = startEntryClock('room_meeting', click)
    clock.mark('token', click - 300)
    expect(measured('token')?.startTime).toBe(click)
    expect(measured('token')?.duration).toBe(0)
  })

  it('counts a step still under way at the click from the click to when it came', () => {
    const click = performance.now()
    const clock = startEntryClock('room_meeting', click)
    clock.mark('signal', click + 120)
    expect(measured('signal')?.duration).toBeCloseTo(120, 6)
  })

  it('marks a step now when not told when, once', () => {
    const click = performance.now() - 50
    const clock = startEntryClock('room_meeting', click)
    clock.mark('connected')
    const first = measured('connected')?.duration ?? 0
    expect(first).toBeGreaterThanOrEqual(50)
    clock.mark('connected', click + 5_000)
    expect(performance.getEntriesByName('office:entry:connected', 'measure')).toHaveLength(1)
  })
})
