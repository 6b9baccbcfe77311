/**
 * Standing apart, on the real stores: the later arrival by the server's occupancy steps aside once
 * the facts are in (both listed, both resting on one spot), whichever order they arrive in; the
 * earlier one stays; nobody moves while walking.
 */
import { describe, expect, it } from 'vitest'
import type { Floor } from '../../../../protocol/floor/records.ts'
import { createStandingApart } from '../../../../renderer/app/standing-apart.ts'
import { createStores } from '../../../../renderer/app/stores.ts'
import { PERSONAL_SPACE } from '../../../../renderer/floor/spots.ts'

const floor: Floor = {
  id: 'floor_main', name: 'Main', version: 1, width: 1200, height: 800, desks: [],
  rooms: [{ id: 'room_meeting', name: 'Meeting room', kind: 'meeting', x: 40, y: 40, width: 360, height: 260, capacity: 8, locked: false, ownerId: null, allowed: [] }],
}
const centre = { x: 220, y: 170 }

function setup(me: string) {
  const stores = createStores()
  stores.floor.getState().setFloors([floor])
  stores.session.getState().signedIn({ token: 't', workspace: { id: 'ws_1', name: 'Acme', createdAt: 0 }, me: { id: me, workspaceId: 'ws_1', name: me, role: 'member', colour: '#888888', deskId: null, lastSeenAt: null } })
  stores.presence.getState().setSelf({ floor: 'floor_main', room: 'room_meeting', ...centre })
  const walks: { x: number; y: number }[] = []
  const apart = createStandingApart({ stores, walkTo: (x, y) => walks.push({ x, y }) })
  const peer = (id: string, at = centre) => stores.presence.getState().upsertPeer({ id, status: 'available', statusText: '', statusUntil: 0, floor: 'floor_main', ...at })
  const occupancy = (...ids: string[]) => stores.presence.getState().setOccupancy({ room_meeting: ids })
  return { apart, walks, peer, occupancy }
}

describe('standing apart', () => {
  it('steps the later arrival aside once the server lists both, and keeps the earlier one', () => {
    const later = setup('mem_bo')
    const earlier = setup('mem_ana')
    for (const [side, other] of [[later, 'mem_ana'], [earlier, 'mem_bo']] as const) {
      side.apart.rested(centre.x, centre.y)
      side.peer(other)
      expect(side.walks, 'nobody moves before the server lists them').toEqual([])
      side.occupancy('mem_ana', 'mem_bo')
    }
    expect(earlier.walks).toEqual([])
    expect(later.walks).toHaveLength(1)
    expect(Math.hypot(later.walks[0]!.x - centre.x, later.walks[0]!.y - centre.y)).toBeGreaterThanOrEqual(PERSONAL_SPACE)
  })

  it('decides when the other comes to rest on its spot, too', () => {
    const later = setup('mem_bo')
    later.occupancy('mem_ana', 'mem_bo')
    later.peer('mem_ana', { x: 60, y: 700 })
    later.apart.rested(centre.x, centre.y)
    expect(later.walks).toEqual([])
    later.peer('mem_ana', centre)
    expect(later.walks).toHaveLength(1)
  })

  it('moves nobody while walking', () => {
    const later = setup('mem_bo')
    later.occupancy('mem_ana', 'mem_bo')
    later.apart.rested(centre.x, centre.y)
    later.apart.moved()
    later.peer('mem_ana', centre)
    expect(later.walks).toEqual([])
  })
})
