import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMotion } from '../../../../renderer/floor/motion.ts'

interface Glide {
  keyframes: Keyframe[]
  options: KeyframeAnimationOptions
  cancelled: boolean
  /** What the browser does when the glide reaches its end. */
  finish(): void
}

/**
 * An element is its inline style and the glides started on it: the engine writes style, starts
 * Web Animations and reads nothing back. (No DOM under Node; the e2e floor tests run the real one.)
 */
const element = () => {
  const glides: Glide[] = []
  const el = {
    style: { marginLeft: '', marginTop: '', transform: '' },
    glides,
    running: () => glides.filter((g) => !g.cancelled),
    animate(keyframes: Keyframe[], options: KeyframeAnimationOptions) {
      const animation: { cancel(): void; onfinish: (() => void) | null } = { cancel: () => void (glide.cancelled = true), onfinish: null }
      const glide: Glide = { keyframes, options, cancelled: false, finish: () => animation.onfinish?.() }
      glides.push(glide)
      return animation
    },
  }
  return el as unknown as HTMLElement & { glides: Glide[]; running(): Glide[] }
}

describe('motion', () => {
  let clock = 0
  beforeEach(() => {
    clock = 1_000
    vi.useFakeTimers()
  })
  afterEach(() => vi.useRealTimers())

  it('places a newcomer where it is first seen, by its margins, with no transform', () => {
    const motion = createMotion(() => clock)
    const el = element()
    motion.moveTo('mem_a', 100, 200)
    motion.attach('mem_a', el)
    expect(el.style).toMatchObject({ marginLeft: '85px', marginTop: '185px', transform: '' })
  })

  it('hands glides to Web Animations in a batch, started where the glide has got to, and interpolates', () => {
    const motion = createMotion(() => clock)
    const el = element()
    motion.moveTo('mem_a', 0, 0)
    motion.attach('mem_a', el)
    motion.moveTo('mem_a', 100, 0, 100)
    // Not yet in the DOM: glides are written in a batch, at most once a frame.
    clock += 50
    expect(motion.get('mem_a')).toEqual({ x: 50, y: 0 })
    expect(el.glides).toHaveLength(0)
    vi.runOnlyPendingTimers()
    expect(el.running()).toHaveLength(1)
    const [glide] = el.running()
    expect(glide!.keyframes).toEqual([{ transform: 'translate(0px, 0px)' }, { transform: 'translate(100px, 0px)' }])
    // 50 ms late for its batch: it starts half way, where get() says the avatar is.
    expect(glide!.options).toMatchObject({ duration: 100, delay: -50, easing: 'linear', fill: 'forwards' })
    clock += 200
    expect(motion.get('mem_a')).toEqual({ x: 100, y: 0 })
    // The next glide replaces it, from where the first left the avatar.
    motion.moveTo('mem_a', 100, 40, 100)
    vi.runOnlyPendingTimers()
    expect(el.running()).toHaveLength(1)
    expect(el.running()[0]!.keyframes).toEqual([{ transform: 'translate(100px, 0px)' }, { transform: 'translate(100px, 40px)' }])
  })

  it('a finished glide leaves the avatar at its end by its margins, with no animation held on it', () => {
    const motion = createMotion(() => clock)
    const el = element()
    motion.moveTo('mem_a', 0, 0)
    motion.attach('mem_a', el)
    motion.moveTo('mem_a', 100, 40, 100)
    vi.runOnlyPendingTimers()
    const [glide] = el.running()
    clock += 100
    glide!.finish()
    expect(el.running()).toHaveLength(0)
    expect(el.style).toMatchObject({ marginLeft: '85px', marginTop: '25px' })
    // The next glide starts from there, with no offset left over.
    motion.moveTo('mem_a', 120, 40, 100)
    vi.runOnlyPendingTimers()
    expect(el.running()[0]!.keyframes).toEqual([{ transform: 'translate(0px, 0px)' }, { transform: 'translate(20px, 0px)' }])
    // A glide that was replaced finishing late changes nothing.
    glide!.finish()
    expect(el.running()).toHaveLength(1)
  })

  it('a jump cancels a glide that has not been written yet', () => {
    const motion = createMotion(() => clock)
    const el = element()
    motion.moveTo('me', 0, 0)
    motion.attach('me', el)
    motion.moveTo('me', 300, 0, 100)
    motion.moveTo('me', 10, 20)
    vi.runOnlyPendingTimers()
    expect(el.style).toMatchObject({ marginLeft: '-5px', marginTop: '5px', transform: '' })
    expect(el.running()).toHaveLength(0)
  })

  it('forgets people who left', () => {
    const motion = createMotion(() => clock)
    motion.moveTo('mem_a', 1, 1)
    motion.forget('mem_a')
    expect(motion.get('mem_a')).toBeUndefined()
  })
})
