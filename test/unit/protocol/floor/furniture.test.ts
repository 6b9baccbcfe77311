/**
 * Furniture on the floor model: placed, moved, turned and removed by ops that apply, undo, squash,
 * rebase, export and import as rooms and desks do; bad input names its field; floors saved before
 * furniture existed stay valid and keep their shape.
 */
import { describe, expect, it, test } from 'vitest'
import { Value } from 'typebox/value'
import { applyBatch } from '../../../../protocol/floor/apply.ts'
import { checkUndo, diffFloors, opsOfDiff, reverseDiff, squashDiffs } from '../../../../protocol/floor/diff.ts'
import { exportFloor, importOps, parseFloorFile } from '../../../../protocol/floor/exchange.ts'
import { rebaseOps } from '../../../../protocol/floor/rebase.ts'
import { FloorSchema, floorLimits, type Floor, type Furniture } from '../../../../protocol/floor/records.ts'
import { applied, baseFloor, ctx, expectSameFloor } from './fixtures.ts'

const plant = (id = 'furn_plant', extra: Partial<Furniture> = {}): Furniture => ({ id, kind: 'plant', x: 300, y: 300, rotation: 0, ...extra })
const withPlant = (): Floor => applied(baseFloor(), [{ op: 'furniture.add', furniture: plant() }]).floor

describe('furniture ops', () => {
  it('adds a piece, and a floor without furniture keeps its old shape (no furniture field)', () => {
    expect(baseFloor()).not.toHaveProperty('furniture')
    expect(Value.Check(FloorSchema, baseFloor())).toBe(true)
    const result = applied(baseFloor(), [{ op: 'furniture.add', furniture: plant() }])
    expect(result.floor.furniture).toEqual([plant()])
    expect(Value.Check(FloorSchema, result.floor)).toBe(true)
    expect(result.diff.furniture).toEqual({ furn_plant: { before: null, after: plant() } })
    expect(result.inverse).toEqual([{ op: 'furniture.remove', id: 'furn_plant' }])
    // An edit of a desk on a floor without furniture says nothing about furniture.
    const other = applied(baseFloor(), [{ op: 'desk.update', id: 'desk_2', changes: { label: 'Window' } }])
    expect(other.floor).not.toHaveProperty('furniture')
    expect(other.diff).not.toHaveProperty('furniture')
  })

  it('moves, turns and changes the kind of a piece; the inverse puts it back', () => {
    const floor = withPlant()
    const result = applied(floor, [{ op: 'furniture.update', id: 'furn_plant', changes: { x: 320, rotation: 90, kind: 'sofa' } }])
    expect(result.floor.furniture).toEqual([plant('furn_plant', { x: 320, rotation: 90, kind: 'sofa' })])
    expect(result.inverse).toEqual([{ op: 'furniture.update', id: 'furn_plant', changes: { x: 300, rotation: 0, kind: 'plant' } }])
    expectSameFloor(applied(result.floor, result.inverse).floor, { ...floor, version: floor.version + 2 })
  })

  it('removes a piece; the last one removed leaves the floor without the field', () => {
    const result = applied(withPlant(), [{ op: 'furniture.remove', id: 'furn_plant' }])
    expect(result.floor).not.toHaveProperty('furniture')
    expect(result.inverse).toEqual([{ op: 'furniture.add', furniture: plant() }])
  })

  test.each([
    ['an unknown kind', [{ op: 'furniture.add', furniture: plant('furn_x', { kind: 'piano' as never }) }], 'ops[0].furniture.kind'],
    ['a missing x', [{ op: 'furniture.add', furniture: { id: 'furn_x', kind: 'plant', y: 1, rotation: 0 } }], 'ops[0].furniture.x'],
    ['an id of the wrong kind', [{ op: 'furniture.add', furniture: plant('desk_9') }], 'ops[0].furniture.id'],
    ['an id already on the floor', [{ op: 'furniture.add', furniture: plant() }], 'ops[0].furniture.id'],
    ['rotation 360', [{ op: 'furniture.update', id: 'furn_plant', changes: { rotation: 360 } }], 'ops[0].changes.rotation'],
    ['an unexpected field', [{ op: 'furniture.update', id: 'furn_plant', changes: { colour: 'red' } }], 'ops[0].changes.colour'],
    ['a piece outside the floor', [{ op: 'furniture.update', id: 'furn_plant', changes: { x: 1_500 } }], 'ops[0].changes.x'],
    ['an update of a piece that is not there', [{ op: 'furniture.update', id: 'furn_gone', changes: { x: 1 } }], 'ops[0].id'],
    ['a removal of a piece that is not there', [{ op: 'furniture.remove', id: 'furn_gone' }], 'ops[0].id'],
  ])('refuses %s, naming the field', (_what, ops, field) => {
    const result = applyBatch(withPlant(), ops, ctx)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.field).toBe(field)
  })

  it('refuses to shrink the floor from under a piece, naming the piece', () => {
    const floor = applied(baseFloor(), [{ op: 'furniture.add', furniture: plant('furn_far', { x: 990 }) }]).floor
    const result = applyBatch(floor, [{ op: 'floor.update', changes: { width: 800 } }], ctx)
    expect(result).toMatchObject({ ok: false, error: { field: 'ops[0].changes.width', message: 'furniture furn_far is outside the floor (800×600)' } })
  })

  it('holds a floor to at most maxFurniture pieces', () => {
    const many = Array.from({ length: floorLimits.maxFurniture }, (_, i) => ({ op: 'furniture.add', furniture: plant(`furn_${i}`) }))
    const full = applied({ ...baseFloor(), furniture: [] }, many.slice(0, 1_000)).floor
    const fuller = applied(full, many.slice(1_000)).floor
    const result = applyBatch(fuller, [{ op: 'furniture.add', furniture: plant('furn_one_more') }], ctx)
    expect(result).toMatchObject({ ok: false, error: { field: 'ops[0].furniture', message: `a floor holds at most ${floorLimits.maxFurniture} pieces of furniture` } })
  })
})

describe('furniture in diffs', () => {
  it('squashes a drag into one change, and reverses it', () => {
    const floor = withPlant()
    const a = applied(floor, [{ op: 'furniture.update', id: 'furn_plant', changes: { x: 310 } }])
    const b = applied(a.floor, [{ op: 'furniture.update', id: 'furn_plant', changes: { x: 330, y: 340 } }])
    const squashed = squashDiffs(a.diff, b.diff)
    expect(opsOfDiff(squashed)).toEqual([{ op: 'furniture.update', id: 'furn_plant', changes: { x: 330, y: 340 } }])
    expect(opsOfDiff(reverseDiff(squashed))).toEqual([{ op: 'furniture.update', id: 'furn_plant', changes: { x: 300, y: 300 } }])
    // Added then removed within one gesture: nothing at all.
    const added = applied(baseFloor(), [{ op: 'furniture.add', furniture: plant('furn_b') }])
    const removed = applied(added.floor, [{ op: 'furniture.remove', id: 'furn_b' }])
    expect(opsOfDiff(squashDiffs(added.diff, removed.diff))).toEqual([])
  })

  it('finds what changed between two whole floors', () => {
    const floor = withPlant()
    const moved = applied(floor, [{ op: 'furniture.update', id: 'furn_plant', changes: { y: 200 } }, { op: 'furniture.add', furniture: plant('furn_rug', { kind: 'rug' }) }]).floor
    expect(opsOfDiff(diffFloors(floor, moved))).toEqual([
      { op: 'furniture.update', id: 'furn_plant', changes: { y: 200 } },
      { op: 'furniture.add', furniture: plant('furn_rug', { kind: 'rug' }) },
    ])
  })

  it('refuses to undo a move of a piece someone else moved since, saying what happened', () => {
    const floor = withPlant()
    const mine = applied(floor, [{ op: 'furniture.update', id: 'furn_plant', changes: { x: 310 } }])
    const theirs = applied(mine.floor, [{ op: 'furniture.update', id: 'furn_plant', changes: { x: 500 } }]).floor
    expect(checkUndo(theirs, mine.diff)).toMatchObject({ kind: 'furniture', objectId: 'furn_plant', message: 'Furniture “plant” was moved by someone else since; it cannot be undone' })
    expect(checkUndo(mine.floor, mine.diff)).toBeNull()
  })
})

describe('furniture in rebases', () => {
  const rebase = (theirs: unknown[], mine: unknown[]) => {
    const base = withPlant()
    const current = applied(base, theirs).floor
    return { current, result: rebaseOps(base, [{ ops: theirs }], current, mine, ctx) }
  }

  it('replays my move of a piece on a floor where someone turned it', () => {
    const { result } = rebase([{ op: 'furniture.update', id: 'furn_plant', changes: { rotation: 45 } }], [{ op: 'furniture.update', id: 'furn_plant', changes: { x: 350 } }])
    expect(result).toMatchObject({ ok: true, ops: [{ op: 'furniture.update', id: 'furn_plant', changes: { x: 350 } }] })
    if (result.ok) expect(result.floor.furniture).toEqual([plant('furn_plant', { x: 350, rotation: 45 })])
  })

  it('is a conflict naming the piece when both moved it', () => {
    const { result } = rebase([{ op: 'furniture.update', id: 'furn_plant', changes: { x: 100 } }], [{ op: 'furniture.update', id: 'furn_plant', changes: { x: 350 } }])
    expect(result).toEqual({ ok: false, conflict: { kind: 'furniture', objectId: 'furn_plant', name: 'plant', message: 'Furniture “plant” was moved by someone else' } })
  })

  it('has nothing left to send when both removed it', () => {
    const { current, result } = rebase([{ op: 'furniture.remove', id: 'furn_plant' }], [{ op: 'furniture.remove', id: 'furn_plant' }])
    expect(result).toMatchObject({ ok: true, floor: current, ops: [] })
  })
})

describe('furniture in floor files', () => {
  it('exports and imports a floor with its furniture', () => {
    const floor = withPlant()
    const text = JSON.stringify(exportFloor(floor))
    const parsed = parseFloorFile(text)
    if (!parsed.ok) throw new Error(JSON.stringify(parsed))
    expect(parsed.file.floor.furniture).toEqual([plant()])
    expect(importOps(baseFloor(), parsed.file, ctx)).toEqual([{ op: 'furniture.add', furniture: plant() }])
    expect(importOps(floor, parsed.file, ctx)).toEqual([])
  })

  it('reads a file without furniture (as exported before furniture existed), and leaves none in it', () => {
    expect(exportFloor(baseFloor()).floor).not.toHaveProperty('furniture')
    const parsed = parseFloorFile(JSON.stringify(exportFloor(baseFloor())))
    expect(parsed.ok).toBe(true)
  })

  it('names a bad piece by its place in the file', () => {
    const file = exportFloor(withPlant())
    const bad = { ...file, floor: { ...file.floor, furniture: [plant('furn_a'), plant('furn_b', { y: 900 })] } }
    expect(parseFloorFile(JSON.stringify(bad))).toMatchObject({ ok: false, field: 'floor.furniture[1].y' })
    const kind = { ...file, floor: { ...file.floor, furniture: [{ ...plant(), kind: 'piano' }] } }
    expect(parseFloorFile(JSON.stringify(kind))).toMatchObject({ ok: false, field: 'floor.furniture[0].kind' })
  })
})
