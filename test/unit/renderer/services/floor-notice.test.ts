/** The client's reading of the server's `floor` notices: well-formed ones pass, anything else is refused, never thrown. */
import { describe, expect, it } from 'vitest'
import { MAX_NOTICE_BYTES } from '../../../../protocol/presence.ts'
import { readFloorNotice } from '../../../../renderer/services/floor-notice.ts'

const bytes = (value: unknown) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value))
const batch = { type: 'batch', floorId: 'floor_main', version: 4, batchId: 'b1', ops: [{ op: 'room.update', id: 'room_lounge', changes: { name: 'Garden' } }] }

describe('readFloorNotice', () => {
  it.each([
    ['a batch', batch],
    ['a "since"', { type: 'since', floorId: 'floor_main', version: 9 }],
    ['the floor list', { type: 'floors', floors: [{ id: 'floor_main', name: 'Main floor', version: 3 }, { id: 'floor_annex', name: 'Annex', version: 0 }] }],
  ])('reads %s', (_what, notice) => {
    expect(readFloorNotice(bytes(notice))).toEqual(notice)
  })

  it.each([
    ['text that is not JSON', '{"type":"batch",'],
    ['an unknown type', { type: 'reload', floorId: 'floor_main' }],
    ['a batch without ops', { ...batch, ops: [] }],
    ['a batch with an op that is not an object', { ...batch, ops: ['room.remove'] }],
    ['a negative version', { type: 'since', floorId: 'floor_main', version: -1 }],
    ['a fractional version', { ...batch, version: 4.5 }],
    ['a floor id of another shape', { type: 'since', floorId: '../../etc', version: 1 }],
    ['a floor list entry without a name', { type: 'floors', floors: [{ id: 'floor_main', version: 1 }] }],
    ['JSON null', 'null'],
  ])('refuses %s', (_what, payload) => {
    expect(readFloorNotice(bytes(payload))).toBeNull()
  })

  it('refuses a payload far over the packet limit before parsing it', () => {
    const huge = { ...batch, batchId: 'b'.repeat(10), ops: Array.from({ length: 1_000 }, () => ({ op: 'room.update', id: 'room_lounge', changes: { name: 'x'.repeat(60) } })) }
    expect(bytes(huge).byteLength).toBeGreaterThan(4 * MAX_NOTICE_BYTES)
    expect(readFloorNotice(bytes(huge))).toBeNull()
  })
})
