/**
 * The presence picture saved to the cache is built from checked parts only, so main's schema never
 * refuses it because of one peer: whatever a hostile peer declares, the snapshot is valid.
 */
import { Value } from 'typebox/value'
import { describe, expect, it } from 'vitest'
import type { Member } from '../../../../../protocol/api.ts'
import { PresenceSnapshotSchema } from '../../../../../protocol/ipc.ts'
import { peerOf } from '../../../../../renderer/services/peer-input.ts'
import { presenceSnapshot } from '../../../../../renderer/stores/presence/snapshot.ts'
import { createPresenceStore } from '../../../../../renderer/stores/presence/store.ts'

const bo: Member = { id: 'mem_bo', workspaceId: 'ws_a', name: 'Bo Lee', role: 'member', colour: '#123456', deskId: null, lastSeenAt: null }

describe('presenceSnapshot', () => {
  it('stays within the cache schema whatever a peer declares, and keeps everyone else', () => {
    const presence = createPresenceStore()
    const hostile = { status: 'dnd', statusText: '‮'.repeat(60_000), statusUntil: '-1', floor: 'floor_' + 'x'.repeat(500), x: 'Infinity', y: 'NaN', room: 'room_private', name: '<script>alert(1)</script>'.repeat(3) }
    presence.getState().setPeers([
      peerOf('mem_eve', hostile, () => {}),
      peerOf('mem_bo', { status: 'busy', statusText: 'Focusing', floor: 'floor_main', x: '280', y: '420' }, () => {}),
    ])
    presence.getState().setOccupancy({ room_meeting: ['mem_bo'] })
    const snapshot = presenceSnapshot(presence.getState(), { mem_bo: bo }, 1_000)
    expect([...Value.Errors(PresenceSnapshotSchema, snapshot)]).toEqual([])
    expect(snapshot.peers).toEqual([
      { id: 'mem_eve', name: 'Someone', status: 'dnd', statusText: '', floor: '', desk: '', room: '', x: 0, y: 0 },
      { id: 'mem_bo', name: 'Bo Lee', status: 'busy', statusText: 'Focusing', floor: 'floor_main', desk: '', room: 'room_meeting', x: 280, y: 420 },
    ])
  })
})
