import { describe, expect, it, test } from 'vitest'
import { exportFloor, FLOOR_FILE_FORMAT, importOps, parseFloorFile, type FloorFile } from '../../../../protocol/floor/exchange.ts'
import type { Floor } from '../../../../protocol/floor/records.ts'
import { applied, baseFloor, ctx, desk, expectSameFloor, room } from './fixtures.ts'

const fileOf = (floor: Floor = baseFloor()) => JSON.parse(JSON.stringify(exportFloor(floor))) as FloorFile

/** A valid file with one change made to its parsed JSON. */
const edited = (change: (f: FloorFile & Record<string, unknown>) => void) => {
  const file = fileOf() as FloorFile & Record<string, unknown>
  change(file)
  return JSON.stringify(file)
}

describe('exportFloor and parseFloorFile', () => {
  it('round-trips a floor with its assignees, owners and allowed lists', () => {
    const floor = baseFloor()
    const parsed = parseFloorFile(JSON.stringify(exportFloor(floor)))
    expect(parsed).toEqual({
      ok: true,
      file: { format: FLOOR_FILE_FORMAT, formatVersion: 1, floor: { name: floor.name, width: floor.width, height: floor.height, rooms: floor.rooms, desks: floor.desks } },
    })
  })

  it('exports a copy: editing the file does not touch the floor', () => {
    const floor = baseFloor()
    exportFloor(floor).floor.rooms[0]!.allowed.push('mem_cy')
    expect(floor.rooms[0]!.allowed).toEqual(['mem_bo'])
  })

  test.each<[string, string, string]>([
    ['text that is not JSON', '{"format": ', 'file'],
    ['JSON that is not an object', '[1, 2]', 'format'],
    ['another format', edited((f) => void (f.format = 'tiled.map' as never)), 'format'],
    ['a newer format version', edited((f) => void (f.formatVersion = 2 as never)), 'formatVersion'],
    ['a missing floor', edited((f) => void delete (f as Partial<FloorFile>).floor), 'floor'],
    ['an unknown top-level field', edited((f) => void (f.extra = 1)), 'extra'],
    ['a room of zero width', edited((f) => void (f.floor.rooms[1]!.width = 0)), 'floor.rooms[1].width'],
    ['a desk without a label', edited((f) => void delete (f.floor.desks[2] as Partial<typeof f.floor.desks[2]>).label), 'floor.desks[2].label'],
    ['an unknown room kind', edited((f) => void (f.floor.rooms[0]!.kind = 'closet' as never)), 'floor.rooms[0].kind'],
    ['a floor id carried along', edited((f) => void ((f.floor as Record<string, unknown>).id = 'floor_x')), 'floor.id'],
    ['a duplicate desk id', edited((f) => void (f.floor.desks[2]!.id = 'desk_1')), 'floor.desks[2].id'],
    ['a room outside the floor', edited((f) => void (f.floor.rooms[1]!.x = 900)), 'floor.rooms[1].width'],
    ['a desk outside the floor', edited((f) => void (f.floor.desks[1]!.y = 700)), 'floor.desks[1].y'],
    ['one member on two desks', edited((f) => void (f.floor.desks[1]!.assigneeId = 'mem_ana')), 'floor.desks[1].assigneeId'],
    ['a hot desk with an assignee', edited((f) => void (f.floor.desks[2]!.assigneeId = 'mem_cy')), 'floor.desks[2].assigneeId'],
  ])('refuses %s, naming %s', (_name, text, field) => {
    const parsed = parseFloorFile(text)
    expect(parsed).toMatchObject({ ok: false, field })
    if (!parsed.ok) expect(parsed.message.length).toBeGreaterThan(5)
  })
})

describe('importOps', () => {
  const other = (): Floor => ({
    id: 'floor_other',
    name: 'Other',
    version: 3,
    width: 800,
    height: 500,
    rooms: [room('room_z', { x: 10, y: 10 })],
    desks: [desk('desk_z', { x: 300, assigneeId: 'mem_cy' })],
  })

  it("replaces another floor's content with the file's, in one batch that applies", () => {
    const file = fileOf()
    const result = applied(other(), importOps(other(), file, ctx))
    expectSameFloor(result.floor, { ...baseFloor(), id: 'floor_other', version: 4 })
  })

  it('drops references to people who are not members here, so a file from another workspace imports', () => {
    const stranger = fileOf({ ...baseFloor(), rooms: [room('room_a', { ownerId: 'mem_zed', allowed: ['mem_zed', 'mem_bo'] })], desks: [desk('desk_1', { assigneeId: 'mem_zed' })] })
    const floor = applied(other(), importOps(other(), stranger, ctx)).floor
    expect(floor.rooms).toEqual([room('room_a', { ownerId: null, allowed: ['mem_bo'] })])
    expect(floor.desks).toEqual([desk('desk_1', { assigneeId: null })])
  })

  it("changes nothing when a floor imports its own export, and only what differs after an edit (a kept desk is not removed under its sitter)", () => {
    expect(importOps(baseFloor(), fileOf(), ctx)).toEqual([])
    const edited = applied(baseFloor(), [{ op: 'desk.update', id: 'desk_1', changes: { x: 10 } }, { op: 'room.remove', id: 'room_l' }]).floor
    expect(importOps(edited, fileOf(), ctx)).toEqual([
      { op: 'room.add', room: baseFloor().rooms[1] },
      { op: 'desk.update', id: 'desk_1', changes: { x: 500 } },
    ])
  })

  it('can be undone through the inverse applyBatch returns', () => {
    const start = other()
    const imported = applied(start, importOps(start, fileOf(), ctx))
    expectSameFloor(applied(imported.floor, imported.inverse).floor, { ...start, version: 5 })
  })
})
