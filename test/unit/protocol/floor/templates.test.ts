import { describe, expect, it, test } from 'vitest'
import type { FloorTemplate } from '../../../../protocol/api.ts'
import { applyBatch } from '../../../../protocol/floor/apply.ts'
import { DESK_SIZE, FloorSchema, roomAt, type Floor } from '../../../../protocol/floor/records.ts'
import { buildFloorFromTemplate, floorTemplates } from '../../../../protocol/floor/templates.ts'
import { Value } from 'typebox/value'
import { starterFloor } from '../../../../server/floor/starter.ts'

function build(template: FloorTemplate): Floor {
  let n = 0
  return buildFloorFromTemplate(template, { floorId: 'floor_new', name: 'New floor', newId: (prefix) => `${prefix}_t${++n}` })
}

const templates = Object.keys(floorTemplates) as FloorTemplate[]

describe('floor templates', () => {
  it('offers Starter, Team of 30 and Event space', () => {
    expect(templates.map((t) => floorTemplates[t].label)).toEqual(['Starter', 'Team of 30', 'Event space'])
    for (const t of templates) expect(floorTemplates[t].description.length).toBeGreaterThan(10)
  })

  test.each(templates)('%s is a valid new floor: version 0, fresh ids, nobody assigned', (template) => {
    const floor = build(template)
    expect(Value.Check(FloorSchema, floor)).toBe(true)
    expect(floor).toMatchObject({ id: 'floor_new', name: 'New floor', version: 0 })
    const ids = [...floor.rooms, ...floor.desks].map((r) => r.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids.every((id) => /^(room|desk)_t\d+$/.test(id))).toBe(true)
    expect(floor.desks.every((d) => d.assigneeId === null)).toBe(true)
    expect(floor.rooms.every((r) => r.ownerId === null && r.allowed.length === 0)).toBe(true)
    // Laid out, not piled up: rooms apart, desks (whole squares) outside rooms and on the floor.
    const apart = (a: Floor['rooms'][number], b: Floor['rooms'][number]) => a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y
    floor.rooms.forEach((a, i) => floor.rooms.slice(i + 1).forEach((b) => expect(apart(a, b), `${a.name} / ${b.name}`).toBe(true)))
    for (const d of floor.desks) {
      expect(roomAt(floor, d.x, d.y)).toBeUndefined()
      expect(d.x + DESK_SIZE / 2 <= floor.width && d.y + DESK_SIZE / 2 <= floor.height && d.x >= DESK_SIZE / 2).toBe(true)
    }
  })

  test.each(templates)('%s passes the floor rules: built as adds on an empty floor of its size', (template) => {
    const floor = build(template)
    const empty: Floor = { ...floor, rooms: [], desks: [] }
    const ops = [...floor.rooms.map((room) => ({ op: 'room.add', room })), ...floor.desks.map((desk) => ({ op: 'desk.add', desk }))]
    expect(applyBatch(empty, ops, { isMember: () => false })).toMatchObject({ ok: true, floor: { rooms: floor.rooms, desks: floor.desks } })
  })

  it('Starter is the starter floor a workspace gets, without its owner', () => {
    const floor = build('starter')
    const starter = starterFloor('mem_owner')
    const strip = (f: Floor) => ({
      size: [f.width, f.height],
      rooms: f.rooms.map(({ id: _id, ownerId: _o, ...r }) => r),
      desks: f.desks.map(({ id: _id, assigneeId: _a, ...d }) => d),
    })
    expect(strip(floor)).toEqual(strip(starter))
    expect(floor.rooms.find((r) => r.kind === 'private')).toMatchObject({ locked: true, ownerId: null })
  })

  it('Team of 30 has 30 desks in facing rows, 2 meeting rooms, a lounge and 2 private offices', () => {
    const floor = build('team-30')
    expect(floor.desks).toHaveLength(30)
    expect(floor.desks.map((d) => d.label)).toEqual(Array.from({ length: 30 }, (_, i) => String(i + 1)))
    expect(floor.rooms.map((r) => r.kind).sort()).toEqual(['lounge', 'meeting', 'meeting', 'private', 'private'])
    const bottom = Math.max(...floor.desks.map((d) => d.y))
    expect(floor.desks.filter((d) => d.y === bottom).every((d) => d.rotation === 180)).toBe(true)
  })

  it('Event space has a stage for 100 or more, a lounge, 2 small meeting rooms and a few hot desks', () => {
    const floor = build('event-space')
    expect(floor.rooms.filter((r) => r.kind === 'stage').map((r) => r.capacity >= 100)).toEqual([true])
    expect(floor.rooms.filter((r) => r.kind === 'lounge')).toHaveLength(1)
    expect(floor.rooms.filter((r) => r.kind === 'meeting').map((r) => r.capacity <= 6)).toEqual([true, true])
    expect(floor.desks.length).toBeGreaterThanOrEqual(3)
    expect(floor.desks.every((d) => d.hot === true)).toBe(true)
  })
})
