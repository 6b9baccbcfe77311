import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMotion } from '../../../../renderer/floor/motion.ts'

/** An element is only its inline style here: the engine writes style and reads nothing back. */
const element = () => ({ style: { left: '', top: '', transform: '', transition: '' } }) as unknown as HTMLElement

describe('motion', () => {
  let clock = 0
  beforeEach(() => {
    clock = 1_000
    vi.useFakeTimers()
  })
  afterEach(() => vi.useRealTimers())

  it('places a newcomer where it is first seen, by left/top, with no transform', () => {
    const motion = createMotion(() => clock)
    const el = element()
    motion.moveTo('mem_a', 100, 200)
    motion.attach('mem_a', el)
    expect(el.style).toMatchObject({ left: '85px', top: '185px', transform: '' })
  })

  it('hands glides to CSS transitions in a batch, and interpolates where a glide has got to', () => {
    const motion = createMotion(() => clock)
    const el = element()
    motion.moveTo('mem_a', 0, 0)
    motion.attach('mem_a', el)
    motion.moveTo('mem_a', 100, 0, 100)
    // Not yet in the DOM: glides are written at most every 100 ms, together.
    clock += 50
    expect(motion.get('mem_a')).toEqual({ x: 50, y: 0 })
    vi.runOnlyPendingTimers()
    expect(el.style.transition).toBe('transform 100ms linear')
    expect(el.style.transform).toBe('translate(100px, 0px)')
    clock += 200
    expect(motion.get('mem_a')).toEqual({ x: 100, y: 0 })
  })

  it('a jump cancels a glide that has not been written yet', () => {
    const motion = createMotion(() => clock)
    const el = element()
    motion.moveTo('me', 0, 0)
    motion.attach('me', el)
    motion.moveTo('me', 300, 0, 100)
    motion.moveTo('me', 10, 20)
    vi.runOnlyPendingTimers()
    expect(el.style).toMatchObject({ left: '-5px', top: '5px', transform: '', transition: '' })
  })

  it('forgets people who left', () => {
    const motion = createMotion(() => clock)
    motion.moveTo('mem_a', 1, 1)
    motion.forget('mem_a')
    expect(motion.get('mem_a')).toBeUndefined()
  })
})
