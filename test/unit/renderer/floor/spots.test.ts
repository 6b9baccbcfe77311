import { describe, expect, it } from 'vitest'
import { PERSONAL_SPACE, freeSpotIn, stepAside } from '../../../../renderer/floor/spots.ts'

const room = { x: 100, y: 100, width: 400, height: 240 }

describe('freeSpotIn', () => {
  it('takes the centre of an empty room', () => {
    const spot = freeSpotIn(room, [])
    expect(Math.hypot(spot.x - 300, spot.y - 220)).toBeLessThan(PERSONAL_SPACE)
  })

  it('never stands on anyone, and stays inside the room', () => {
    const taken: { x: number; y: number }[] = []
    for (let i = 0; i < 12; i++) {
      const spot = freeSpotIn(room, taken)
      for (const t of taken) expect(Math.hypot(t.x - spot.x, t.y - spot.y)).toBeGreaterThanOrEqual(PERSONAL_SPACE)
      expect(spot.x).toBeGreaterThan(room.x)
      expect(spot.x).toBeLessThan(room.x + room.width)
      expect(spot.y).toBeGreaterThan(room.y)
      expect(spot.y).toBeLessThan(room.y + room.height)
      taken.push(spot)
    }
  })

  it('falls back to the centre when the room is packed', () => {
    const tiny = { x: 0, y: 0, width: 60, height: 60 }
    expect(freeSpotIn(tiny, [{ x: 30, y: 30 }])).toEqual({ x: 30, y: 30 })
  })
})

describe('stepAside', () => {
  const centre = { x: 300, y: 220 }
  const ana = { id: 'mem_ana', at: centre }
  const bo = { id: 'mem_bo', at: { x: 302, y: 221 } }

  it('sends the later arrival by the server order to a free spot, and keeps the earlier one', () => {
    const spot = stepAside(room, bo, [ana], ['mem_ana', 'mem_bo'])
    expect(spot).not.toBeNull()
    expect(Math.hypot(spot!.x - ana.at.x, spot!.y - ana.at.y)).toBeGreaterThanOrEqual(PERSONAL_SPACE)
    expect(stepAside(room, ana, [bo], ['mem_ana', 'mem_bo'])).toBeNull()
  })

  it('follows the server order, not the member ids', () => {
    expect(stepAside(room, ana, [bo], ['mem_bo', 'mem_ana'])).not.toBeNull()
    expect(stepAside(room, bo, [ana], ['mem_bo', 'mem_ana'])).toBeNull()
  })

  it('moves nobody until the server lists both', () => {
    expect(stepAside(room, bo, [ana], [])).toBeNull()
    expect(stepAside(room, bo, [ana], ['mem_bo'])).toBeNull()
    expect(stepAside(room, ana, [bo], ['mem_ana'])).toBeNull()
  })

  it('leaves people apart alone, whoever came first', () => {
    const far = { id: 'mem_bo', at: { x: centre.x + PERSONAL_SPACE, y: centre.y } }
    expect(stepAside(room, far, [ana], ['mem_ana', 'mem_bo'])).toBeNull()
  })

  it('gives three who arrived at once three spots, each client moving only itself', () => {
    const order = ['mem_a', 'mem_b', 'mem_c']
    let people = order.map((id) => ({ id, at: centre }))
    // Rounds as clients see each other's rests: everyone decides on the same facts.
    for (let round = 0; round < 3; round++) {
      people = people.map((me) => {
        const spot = stepAside(room, me, people.filter((p) => p.id !== me.id), order)
        return spot ? { id: me.id, at: spot } : me
      })
    }
    expect(people[0]!.at).toEqual(centre)
    for (const a of people) for (const b of people) if (a !== b) expect(Math.hypot(a.at.x - b.at.x, a.at.y - b.at.y)).toBeGreaterThanOrEqual(PERSONAL_SPACE)
  })

  it('stays put in a room too packed to offer a free spot', () => {
    const tiny = { x: 0, y: 0, width: 60, height: 60 }
    expect(stepAside(tiny, { id: 'mem_b', at: { x: 30, y: 30 } }, [{ id: 'mem_a', at: { x: 30, y: 30 } }], ['mem_a', 'mem_b'])).toBeNull()
  })
})
