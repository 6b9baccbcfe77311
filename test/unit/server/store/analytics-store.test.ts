/**
 * Usage events in both stores (a real SQLite file, a real PostgreSQL database): read back from a
 * time on, with the arrival of whoever was still there at that time, and dropped after they are
 * older than the store is told to keep.
 */
import { describe, expect, it } from 'vitest'
import type { UsageEvent } from '../../../../server/store/analytics-store.ts'
import { storeKinds } from '../../../support/stores.ts'
import { seedWorkspace } from './fixtures.ts'

const kinds = storeKinds()
const at = (t: number, memberId: string, event: UsageEvent['event'], placeId = 'room_meeting'): UsageEvent => ({ at: t, kind: placeId === 'lobby' ? 'lobby' : 'room', placeId, memberId, event })

describe.each(kinds)('$name store', (kind) => {
  it('reads events from a time on, preceded by the arrivals of those still there then', async () => {
    const store = await kind.open()
    const { workspaceId: ws } = await seedWorkspace(store)
    const events = [
      at(100, 'mem_ana', 'in'), // still there at 500
      at(150, 'mem_bo', 'in'),
      at(200, 'mem_bo', 'out'), // gone before 500
      at(300, 'mem_cy', 'in', 'lobby'), // online since 300
      at(600, 'mem_bo', 'in'),
      at(700, 'mem_ana', 'out'),
    ]
    for (const e of events) await store.recordUsage(ws, e, 0)
    expect(await store.usageSince(ws, 500)).toEqual([at(100, 'mem_ana', 'in'), at(300, 'mem_cy', 'in', 'lobby'), at(600, 'mem_bo', 'in'), at(700, 'mem_ana', 'out')])
    // Another workspace's are its own.
    const other = await seedWorkspace(store, 'ws_other')
    expect(await store.usageSince(other.workspaceId, 0)).toEqual([])
  })

  it('drops events older than it is told to keep', async () => {
    const store = await kind.open()
    const { workspaceId: ws } = await seedWorkspace(store)
    await store.recordUsage(ws, at(100, 'mem_ana', 'in'), 0)
    await store.recordUsage(ws, at(200, 'mem_ana', 'out'), 0)
    await store.recordUsage(ws, at(5_000, 'mem_bo', 'in'), 1_000)
    expect(await store.usageSince(ws, 0)).toEqual([at(5_000, 'mem_bo', 'in')])
  })
})
