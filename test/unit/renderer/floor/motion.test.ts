import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMotion, type DelegatedGlide } from '../../../../renderer/floor/motion.ts'
import { paintGlides } from '../../../../renderer/floor/painted-glides.ts'

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
    dataset: {} as Record<string, string>,
    /** Classes React gives the avatar: only `avatar-badged` (a hand or a reaction showing) matters here. */
    classes: new Set<string>(),
    classList: { contains: (c: string) => el.classes.has(c) },
    contains: (other: unknown) => other === el,
    glides,
    running: () => glides.filter((g) => !g.cancelled),
    animate(keyframes: Keyframe[], options: KeyframeAnimationOptions) {
      const animation: { cancel(): void; onfinish: (() => void) | null } = { cancel: () => void (glide.cancelled = true), onfinish: null }
      const glide: Glide = { keyframes, options, cancelled: false, finish: () => animation.onfinish?.() }
      glides.push(glide)
      return animation
    },
  }
  return el as unknown as HTMLElement & { glides: Glide[]; classes: Set<string>; running(): Glide[] }
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

  describe('with a painter (the walkers canvas)', () => {
    /** Frames run when the test says; each paint records who was drawn where. */
    const painted = () => {
      const queued: (() => void)[] = []
      const paints: { el: HTMLElement; at: { x: number; y: number } }[][] = []
      return {
        requestFrame: (run: () => void) => void queued.push(run),
        painter: { paint: (glides: readonly { el: HTMLElement; at: { x: number; y: number } }[]) => void paints.push([...glides]) },
        paints,
        frame: () => queued.splice(0).forEach((run) => run()),
        pending: () => queued.length,
      }
    }
    /** A painter attached, and mem_a set off from (0, 0) to (100, 0) over 100 ms, its glide handed over. */
    const walking = () => {
      const p = painted()
      const motion = createMotion(() => clock)
      const glides = paintGlides(motion, p.painter, p.requestFrame)
      const el = element()
      motion.moveTo('mem_a', 0, 0)
      motion.attach('mem_a', el)
      motion.moveTo('mem_a', 100, 0, 100)
      vi.runOnlyPendingTimers()
      return { p, motion, el, glides }
    }

    it('draws a walk on the canvas with the element hidden, no animation, and hands it back to the element where it ends', () => {
      const { p, motion, el } = walking()
      expect('walking' in el.dataset).toBe(true)
      expect(el.glides).toHaveLength(0)
      clock += 50
      p.frame()
      expect(p.paints.at(-1)).toEqual([{ el, at: { x: 50, y: 0 } }])
      // A packet while walking: the walk goes on, and the element is not written to.
      motion.moveTo('mem_a', 100, 100, 100)
      vi.runOnlyPendingTimers()
      expect(el.style.marginLeft).toBe('-15px')
      clock += 50
      p.frame()
      expect(p.paints.at(-1)).toEqual([{ el, at: { x: 75, y: 50 } }])
      // Where it ends the element shows again, placed by its margins, and the frames stop.
      clock += 60
      p.frame()
      expect(p.paints.at(-1)).toEqual([])
      expect('walking' in el.dataset).toBe(false)
      expect(el.style).toMatchObject({ marginLeft: '85px', marginTop: '85px' })
      expect(p.pending()).toBe(0)
    })

    it('a walker holding the keyboard focus glides as an animation, so its focus ring moves with it', () => {
      const { p, el } = walking()
      vi.stubGlobal('document', { activeElement: el })
      try {
        clock += 50
        p.frame()
        expect('walking' in el.dataset).toBe(false)
        expect(el.running()).toHaveLength(1)
        expect(el.running()[0]!.options).toMatchObject({ duration: 100, delay: -50 })
        expect(p.paints.at(-1)).toEqual([])
      } finally {
        vi.unstubAllGlobals()
      }
    })

    it('a walker showing a raised hand or a reaction glides as an animation, since the canvas does not draw badges', () => {
      const { p, el } = walking()
      el.classes.add('avatar-badged')
      clock += 20
      p.frame()
      expect('walking' in el.dataset).toBe(false)
      expect(el.running()).toHaveLength(1)
      expect(p.paints.at(-1)).toEqual([])
    })

    it('finds who was drawn at a point of the floor in the last frame, for a click on a walker whose element is hidden', () => {
      const { p, glides } = walking()
      clock += 50
      p.frame()
      // mem_a was drawn half way, at (50, 0): within an avatar's radius of it, and not beyond.
      expect(glides.walkerAt(50, 0)).toBe('mem_a')
      expect(glides.walkerAt(62, 8)).toBe('mem_a')
      expect(glides.walkerAt(0, 0)).toBeUndefined()
      expect(glides.walkerAt(50, 30)).toBeUndefined()
      // A click aims at what was seen: until the next frame, where the walker was drawn.
      clock += 40
      expect(glides.walkerAt(50, 0)).toBe('mem_a')
      expect(glides.walkerAt(90, 0)).toBeUndefined()
    })

    it('stopping the painter hands walks under way back to animations, and a jump ends a painted walk', () => {
      const p = painted()
      const motion = createMotion(() => clock)
      const glides = paintGlides(motion, p.painter, p.requestFrame)
      const [a, b] = [element(), element()]
      motion.moveTo('mem_a', 0, 0)
      motion.attach('mem_a', a)
      motion.moveTo('mem_b', 0, 0)
      motion.attach('mem_b', b)
      motion.moveTo('mem_a', 100, 0, 100)
      motion.moveTo('mem_b', 0, 100, 100)
      vi.runOnlyPendingTimers()
      motion.moveTo('mem_b', 10, 10)
      expect('walking' in b.dataset).toBe(false)
      expect(b.style).toMatchObject({ marginLeft: '-5px', marginTop: '-5px' })
      clock += 30
      glides.stop()
      expect(p.paints.at(-1)).toEqual([])
      expect('walking' in a.dataset).toBe(false)
      expect(a.running()[0]!.options).toMatchObject({ duration: 100, delay: -30 })
    })
  })

  it('gives a delegate one hold on a glide: replaced, its glides go back to their elements, and an earlier handle no longer holds', () => {
    const motion = createMotion(() => clock)
    const handles: DelegatedGlide[] = []
    motion.delegateGlides((glide) => (handles.push(glide), true))
    const el = element()
    motion.moveTo('mem_a', 0, 0)
    motion.attach('mem_a', el)
    motion.moveTo('mem_a', 100, 0, 100)
    vi.runOnlyPendingTimers()
    expect(handles.map((h) => h.held())).toEqual([true])
    // A jump takes it back; the next walk is a new hold, and the first handle holds nothing.
    motion.moveTo('mem_a', 10, 10)
    motion.moveTo('mem_a', 100, 0, 100)
    vi.runOnlyPendingTimers()
    expect(handles.map((h) => h.held())).toEqual([false, true])
    handles[0]!.release()
    expect('walking' in el.dataset).toBe(true)
    // Another delegate: the walk under way goes back to its element, as an animation.
    clock += 40
    motion.delegateGlides(() => false)
    expect(handles[1]!.held()).toBe(false)
    expect('walking' in el.dataset).toBe(false)
    expect(el.running()[0]!.options).toMatchObject({ duration: 100, delay: -40 })
  })

  it('forgets people who left', () => {
    const motion = createMotion(() => clock)
    motion.moveTo('mem_a', 1, 1)
    motion.forget('mem_a')
    expect(motion.get('mem_a')).toBeUndefined()
  })
})
