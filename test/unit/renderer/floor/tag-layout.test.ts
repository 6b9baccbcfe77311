import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMotion } from '../../../../renderer/floor/motion.ts'
import { createTagLayout } from '../../../../renderer/floor/tag-layout.ts'

/** An avatar wrapper and a tag element: the layout writes only the tag's data-slot. */
const element = () => ({ style: {}, dataset: { slot: 'below' } as Record<string, string> }) as unknown as HTMLElement

/** Counts writes to data-slot, to show that nothing is written when nobody moves. */
function counted() {
  const el = element()
  let writes = 0
  let slot = 'below'
  Object.defineProperty(el.dataset, 'slot', { get: () => slot, set: (v: string) => ((slot = v), writes++) })
  return { el, writes: () => writes }
}

describe('tag layout', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('moves the tag of someone who arrives beside you, and keeps yours below you', () => {
    const motion = createMotion(() => 0)
    const layout = createTagLayout(motion)
    const mine = counted()
    const theirs = counted()
    motion.moveTo('me', 300, 300)
    motion.moveTo('bo', 900, 300)
    layout.setSelf('me')
    layout.attach('bo', theirs.el, 80, 19)
    layout.attach('me', mine.el, 80, 19)
    vi.advanceTimersByTime(250)
    expect([mine.el.dataset.slot, theirs.el.dataset.slot]).toEqual(['below', 'below'])
    motion.moveTo('bo', 303, 302)
    vi.advanceTimersByTime(250)
    expect([mine.el.dataset.slot, theirs.el.dataset.slot]).toEqual(['below', 'above'])
    layout.dispose()
  })

  it('wakes no timer while nobody moves, and checks again as soon as someone is sent somewhere', () => {
    let time = 0
    const motion = createMotion(() => time)
    const layout = createTagLayout(motion)
    const mine = counted()
    const theirs = counted()
    motion.moveTo('me', 300, 300)
    motion.moveTo('bo', 900, 300)
    layout.setSelf('me')
    layout.attach('me', mine.el, 80, 19)
    layout.attach('bo', theirs.el, 80, 19)
    vi.advanceTimersByTime(1_000)
    // An idle office: the checks have stopped.
    expect(vi.getTimerCount()).toBe(0)
    // Bo glides next to you over 400 ms: checked while he moves, then quiet again.
    motion.moveTo('bo', 303, 302, 400)
    for (let t = 0; t < 1_000; t += 100) {
      time += 100
      vi.advanceTimersByTime(100)
    }
    expect(theirs.el.dataset.slot).toBe('above')
    expect(vi.getTimerCount()).toBe(0)
    layout.dispose()
  })

  it('moves your tag aside while someone walks across it, and back below once they have passed', () => {
    const motion = createMotion(() => 0)
    const layout = createTagLayout(motion)
    const mine = counted()
    const theirs = counted()
    motion.moveTo('me', 300, 300)
    motion.moveTo('bo', 300, 600)
    layout.setSelf('me')
    layout.attach('me', mine.el, 80, 25)
    layout.attach('bo', theirs.el, 60, 19)
    // Bo's face crosses where your tag is drawn: it moves above you.
    motion.moveTo('bo', 300, 340)
    vi.advanceTimersByTime(250)
    expect(mine.el.dataset.slot).toBe('above')
    // Bo walks on to stand beside you: below is free again, and your tag goes back there.
    motion.moveTo('bo', 340, 300)
    vi.advanceTimersByTime(250)
    expect([mine.el.dataset.slot, theirs.el.dataset.slot]).toEqual(['below', 'right'])
    layout.dispose()
  })

  it('writes nothing while nobody moves, and frees the side of someone who leaves', () => {
    const motion = createMotion(() => 0)
    const layout = createTagLayout(motion)
    const a = counted()
    const b = counted()
    motion.moveTo('a', 100, 100)
    motion.moveTo('b', 101, 101)
    layout.attach('a', a.el, 60, 19)
    const detach = layout.attach('b', b.el, 60, 19)
    vi.advanceTimersByTime(250)
    const writes = a.writes() + b.writes()
    vi.advanceTimersByTime(5_000)
    expect(a.writes() + b.writes()).toBe(writes)
    detach()
    motion.forget('b')
    const c = counted()
    motion.moveTo('c', 102, 100)
    layout.attach('c', c.el, 60, 19)
    vi.advanceTimersByTime(250)
    expect(c.el.dataset.slot).toBe('above')
    layout.dispose()
  })
})

describe('tag layout, zoomed far out', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('places nothing while tags are hidden, and catches up when they show again', () => {
    const motion = createMotion(() => 0)
    const layout = createTagLayout(motion)
    const a = counted()
    const b = counted()
    layout.setActive(false)
    motion.moveTo('a', 100, 100)
    motion.moveTo('b', 101, 101)
    layout.attach('a', a.el, 60, 19)
    layout.attach('b', b.el, 60, 19)
    vi.advanceTimersByTime(1_000)
    expect(a.writes() + b.writes()).toBe(0)
    layout.setActive(true)
    expect(b.el.dataset.slot).toBe('above')
    layout.dispose()
  })
})
