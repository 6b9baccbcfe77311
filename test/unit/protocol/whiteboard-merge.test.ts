import { describe, expect, it } from 'vitest'
import { drawn, mergeElements, type Element } from '../../../protocol/whiteboard.ts'

const el = (id: string, version: number, versionNonce = 1, isDeleted = false): Element => ({ id, type: 'rectangle', version, versionNonce, isDeleted })

describe('merging two copies of a whiteboard', () => {
  it('keeps the newer version of each element, and adds new ones after, in order', () => {
    const { elements, changed } = mergeElements([el('a', 1), el('b', 3)], [el('b', 2), el('a', 2), el('c', 1)])
    expect(changed).toBe(true)
    expect(elements.map((e) => [e.id, e.version])).toEqual([['a', 2], ['b', 3], ['c', 1]])
  })

  it('picks the same element on every copy when two changes share a version (the lower nonce)', () => {
    const mine = el('a', 5, 900)
    const theirs = el('a', 5, 100)
    expect(mergeElements([mine], [theirs]).elements).toEqual([theirs])
    expect(mergeElements([theirs], [mine])).toEqual({ elements: [theirs], changed: false })
  })

  it('takes a deletion like any newer change, and counts only what is still drawn', () => {
    const { elements } = mergeElements([el('a', 1), el('b', 1)], [el('a', 2, 1, true)])
    expect(drawn(elements)).toBe(1)
  })

  it('reports no change when everything incoming is older or the same', () => {
    expect(mergeElements([el('a', 2)], [el('a', 1), el('a', 2)]).changed).toBe(false)
  })
})
