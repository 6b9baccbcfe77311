import { describe, expect, it } from 'vitest'
import { overlaps, placeTags, RADIUS, slotBox, tagWidth, TAG_HEIGHT, type Box, type Slot, type TagInput } from '../../../../renderer/floor/name-tags.ts'

const tag = (id: string, x: number, y: number, name = `Person ${id}`): TagInput => ({ id, x, y, width: tagWidth(name), height: TAG_HEIGHT, radius: RADIUS.plain })

/** Every pair of shown tags, checked directly (not through the grid under test). */
function overlapping(tags: readonly TagInput[], slots: Map<string, Slot>): string[] {
  const shown = tags.flatMap((t) => {
    const s = slots.get(t.id)
    return s && s !== 'hidden' ? [{ id: t.id, box: slotBox(t, s) }] : []
  })
  const bad: string[] = []
  for (let i = 0; i < shown.length; i++) for (let j = i + 1; j < shown.length; j++) if (overlaps(shown[i]!.box, shown[j]!.box)) bad.push(`${shown[i]!.id}/${shown[j]!.id}`)
  return bad
}

/** Tags drawn over someone's face (their avatar and rings), checked directly. */
function coveringFaces(tags: readonly TagInput[], slots: Map<string, Slot>): string[] {
  const face = (t: TagInput): Box => ({ x0: t.x - t.radius, y0: t.y - t.radius, x1: t.x + t.radius, y1: t.y + t.radius })
  const bad: string[] = []
  for (const t of tags) {
    const s = slots.get(t.id)
    if (!s || s === 'hidden') continue
    for (const o of tags) if (overlaps(slotBox(t, s), face(o))) bad.push(`${t.id} over ${o.id}`)
  }
  return bad
}

/** A deterministic pseudo-random sequence, so a failing layout can be replayed. */
const random = (seed: number) => () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31)

describe('name tags', () => {
  it('puts a lone tag below its avatar, clear of its rings', () => {
    expect(placeTags([tag('a', 100, 100)]).get('a')).toBe('below')
    expect(slotBox({ ...tag('a', 100, 100), radius: RADIUS.self }, 'below').y0).toBeGreaterThan(100 + RADIUS.self)
  })

  it('moves the second of two people at nearly the same spot to another side', () => {
    const tags = [tag('a', 100, 100), tag('b', 104, 102)]
    const slots = placeTags(tags)
    expect(slots.get('a')).toBe('below')
    expect(slots.get('b')).toBe('above')
    expect(overlapping(tags, slots)).toEqual([])
  })

  it('never overlaps tags in dense clusters; those with no free side are hidden', () => {
    const next = random(7)
    const tags = Array.from({ length: 300 }, (_, i) => tag(String(i), 500 + next() * 300, 500 + next() * 200, 'x'.repeat(3 + Math.floor(next() * 20))))
    const slots = placeTags(tags)
    expect(overlapping(tags, slots)).toEqual([])
    expect(coveringFaces(tags, slots)).toEqual([])
    expect([...slots.values()].filter((s) => s !== 'hidden').length).toBeGreaterThan(5)
    expect([...slots.values()]).toContain('hidden')
  })

  it('is stable between frames when nobody moves, and keeps sides when someone else moves', () => {
    const next = random(11)
    const tags = Array.from({ length: 200 }, (_, i) => tag(String(i), next() * 1500, next() * 900))
    const first = placeTags(tags)
    expect(coveringFaces(tags, first)).toEqual([])
    expect(placeTags(tags, first)).toEqual(first)
    // One person walks off: everyone whose tag was free keeps their side.
    const moved = tags.map((t) => (t.id === '0' ? { ...t, x: 3000, y: 3000 } : t))
    const after = placeTags(moved, first)
    const changed = tags.filter((t) => t.id !== '0' && first.get(t.id) !== 'hidden' && after.get(t.id) !== first.get(t.id))
    expect(changed).toEqual([])
    expect(overlapping(moved, after)).toEqual([])
  })

  it('stays linear with the grid: 20× the people on 20× the floor costs about 20× the time', () => {
    const layout = (n: number, side: number) => {
      const next = random(3)
      return Array.from({ length: n }, (_, i) => tag(String(i), next() * side, next() * side))
    }
    const time = (tags: TagInput[]) => {
      const start = performance.now()
      for (let i = 0; i < 5; i++) placeTags(tags)
      return (performance.now() - start) / 5
    }
    const small = layout(250, 1000)
    const large = layout(5000, 1000 * Math.sqrt(20))
    time(large) // warm the JIT
    const ratio = time(large) / Math.max(0.05, time(small))
    // Quadratic would be ~400×; linear ~20×. The margin absorbs timer noise on a shared machine.
    expect(ratio).toBeLessThan(80)
  })

  it('places 500 avatars in a few milliseconds', () => {
    const next = random(5)
    const tags = Array.from({ length: 500 }, (_, i) => tag(String(i), next() * 4000, next() * 2500))
    placeTags(tags)
    const start = performance.now()
    placeTags(tags)
    expect(performance.now() - start).toBeLessThan(5)
  })
})
