import { describe, expect, it } from 'vitest'
import { countUsage, visitsOf } from '../../../../server/analytics/usage.ts'
import type { UsageEvent } from '../../../../server/store/analytics-store.ts'

const H = 3_600_000
const ev = (at: number, memberId: string, event: UsageEvent['event'], placeId = 'lobby'): UsageEvent => ({ at, kind: placeId === 'lobby' ? 'lobby' : 'room', placeId, memberId, event })

describe('usage counts', () => {
  it('counts people, desks and companies online, and rooms in use, in every hour a visit overlaps', () => {
    const events = [
      ev(0.5 * H, 'mem_ana', 'in'),
      ev(0.6 * H, 'mem_ana', 'in', 'room_meeting'),
      ev(1.1 * H, 'mem_ana', 'out', 'room_meeting'),
      ev(1.5 * H, 'mem_bo', 'in'),
      ev(2.5 * H, 'mem_ana', 'out'),
    ]
    const counts = countUsage({
      events, from: 0, to: 4 * H, bucketMs: H,
      deskOf: new Map([['mem_ana', 'desk_1'], ['mem_bo', 'desk_2']]),
      companyOf: new Map([['mem_ana', 'co_acme'], ['mem_bo', 'co_acme']]),
    })
    expect(counts.starts).toEqual([0, H, 2 * H, 3 * H])
    expect(counts.people).toEqual([1, 2, 2, 1]) // Bo is still online at the end: his visit runs to `to`
    expect(counts.desks).toEqual([1, 2, 2, 1])
    expect(counts.companies).toEqual([1, 1, 1, 1])
    expect(counts.rooms).toEqual([1, 1, 0, 0])
    expect(counts.roomMs.get('room_meeting')).toBeCloseTo(0.5 * H)
  })

  it('takes a repeated arrival as still there, and a departure without an arrival as nothing', () => {
    const visits = visitsOf([ev(10, 'mem_ana', 'out'), ev(20, 'mem_ana', 'in'), ev(30, 'mem_ana', 'in'), ev(40, 'mem_ana', 'out')], 0, 100)
    expect(visits).toEqual([{ kind: 'lobby', placeId: 'lobby', memberId: 'mem_ana', start: 20, end: 40 }])
  })

  it('clips visits to the window', () => {
    const visits = visitsOf([ev(-50, 'mem_ana', 'in'), ev(500, 'mem_ana', 'out')], 0, 100)
    expect(visits).toEqual([{ kind: 'lobby', placeId: 'lobby', memberId: 'mem_ana', start: 0, end: 100 }])
  })
})
