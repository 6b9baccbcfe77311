import { describe, expect, it } from 'vitest'
import { loadRetrying, RETRY_WAITS_MS } from '../../../../renderer/ui/lazy-part.ts'

describe('loading a part on demand', () => {
  it('tries again after each failure, waiting longer each time up to the last wait, until it loads', async () => {
    const waits: number[] = []
    let tries = 0
    const part = await loadRetrying(
      async () => {
        tries++
        if (tries < 8) throw new TypeError('Failed to fetch dynamically imported module')
        return { default: 'the part' }
      },
      async (ms) => void waits.push(ms),
    )
    expect(part).toEqual({ default: 'the part' })
    expect(waits).toEqual([...RETRY_WAITS_MS, RETRY_WAITS_MS.at(-1), RETRY_WAITS_MS.at(-1)])
  })

  it('loads at once when nothing fails', async () => {
    const waits: number[] = []
    expect(await loadRetrying(async () => 42, async (ms) => void waits.push(ms))).toBe(42)
    expect(waits).toEqual([])
  })
})
