/** Prompts from one peer: three a minute, each peer on its own budget. */
import { describe, expect, it } from 'vitest'
import { createPeerThrottle } from '../../../../../renderer/stores/social/throttle.ts'

describe('createPeerThrottle', () => {
  it('lets three through in a minute, then none until the first is a minute old', () => {
    let now = 0
    const throttle = createPeerThrottle(3, 60_000, () => now)
    const tries = () => Array.from({ length: 5 }, () => throttle.allow('mem_eve'))
    expect(tries()).toEqual([true, true, true, false, false])
    now = 59_999
    expect(throttle.allow('mem_eve')).toBe(false)
    now = 60_000
    expect(tries()).toEqual([true, true, true, false, false])
  })

  it('keeps a flood from one peer from silencing another', () => {
    const throttle = createPeerThrottle(3, 60_000, () => 0)
    for (let i = 0; i < 100; i++) throttle.allow('mem_eve')
    expect(throttle.allow('mem_bo')).toBe(true)
  })
})
