import { describe, expect, it } from 'vitest'
import { nextSpot, type Arrow, type Spot } from '../../../../renderer/floor/roving.ts'

// Two rows of three desks, 100 apart, as on the starter floor.
const desks: Spot[] = [0, 1, 2, 3, 4, 5].map((i) => ({ id: `d${i + 1}`, x: (i % 3) * 100, y: i < 3 ? 0 : 100 }))
const at = (id: string) => desks.find((d) => d.id === id)!

describe('nextSpot', () => {
  it.each<[string, Arrow, string | null]>([
    ['d1', 'ArrowRight', 'd2'],
    ['d2', 'ArrowLeft', 'd1'],
    ['d1', 'ArrowDown', 'd4'],
    ['d5', 'ArrowUp', 'd2'],
    ['d3', 'ArrowRight', null],
    ['d1', 'ArrowUp', null],
  ])('from %s, %s goes to %s', (from, arrow, to) => {
    expect(nextSpot(desks, at(from), arrow)?.id ?? null).toBe(to)
  })

  it('prefers what is straight ahead over what is nearer but off to the side', () => {
    const spots: Spot[] = [{ id: 'here', x: 0, y: 0 }, { id: 'ahead', x: 120, y: 0 }, { id: 'aside', x: 60, y: 70 }]
    expect(nextSpot(spots, spots[0]!, 'ArrowRight')?.id).toBe('ahead')
  })
})
