import { describe, expect, it, test } from 'vitest'
import { checkUndo, conflictBetween, emptyDiff, isEmptyDiff, opsOfDiff, reverseDiff, squashDiffs, type FloorDiff } from '../../../../protocol/floor/diff.ts'
import { applied, baseFloor, desk, room } from './fixtures.ts'

/** The diff of one batch on the base floor. */
const diffOf = (ops: unknown[]) => applied(baseFloor(), ops).diff

const move2 = [{ op: 'desk.update', id: 'desk_2', changes: { x: 650 } }]
const rename2 = [{ op: 'desk.update', id: 'desk_2', changes: { label: 'Window' } }]

describe('isEmptyDiff', () => {
  test.each<[string, FloorDiff, boolean]>([
    ['the empty diff', emptyDiff(), true],
    ['a change whose before deep-equals its after', { ...emptyDiff(), rooms: { room_a: { before: room('room_a', { allowed: ['mem_bo'] }), after: room('room_a', { allowed: ['mem_bo'] }) } } }, true],
    ['hot absent before and false after', { ...emptyDiff(), desks: { desk_1: { before: desk('desk_1'), after: desk('desk_1', { hot: false }) } } }, true],
    ['a record added then removed (null to null)', { ...emptyDiff(), desks: { desk_1: { before: null, after: null } } }, true],
    ['meta that did not change', { ...emptyDiff(), meta: { before: { name: 'A', width: 1, height: 1 }, after: { name: 'A', width: 1, height: 1 } } }, true],
    ['a moved desk', diffOf(move2), false],
    ['a changed allowed list', diffOf([{ op: 'room.update', id: 'room_a', changes: { allowed: [] } }]), false],
    ['a renamed floor', diffOf([{ op: 'floor.update', changes: { name: 'B' } }]), false],
  ])('%s → %s', (_name, diff, empty) => {
    expect(isEmptyDiff(diff)).toBe(empty)
  })
})

describe('reverseDiff and opsOfDiff', () => {
  it('reverses every change, so reversing twice gives the diff back', () => {
    const diff = diffOf([...move2, { op: 'room.remove', id: 'room_l' }, { op: 'desk.add', desk: desk('desk_9') }, { op: 'floor.update', changes: { width: 1200 } }])
    expect(reverseDiff(reverseDiff(diff))).toEqual(diff)
    expect(reverseDiff(diff).desks.desk_9).toEqual({ before: desk('desk_9'), after: null })
    expect(reverseDiff(diff).meta?.after.width).toBe(1000)
  })

  test.each<[string, unknown[], unknown[]]>([
    ['an update carries only the changed fields', [{ op: 'room.update', id: 'room_a', changes: { name: 'Aquarium', x: 120, locked: false, capacity: 9 } }], [{ op: 'room.update', id: 'room_a', changes: { x: 120, capacity: 9 } }]],
    ['an add', [{ op: 'desk.add', desk: desk('desk_9') }], [{ op: 'desk.add', desk: desk('desk_9') }]],
    ['a remove', [{ op: 'room.remove', id: 'room_l' }], [{ op: 'room.remove', id: 'room_l' }]],
    ['hot turned off is hot: false', [{ op: 'desk.update', id: 'desk_3', changes: { hot: false } }], [{ op: 'desk.update', id: 'desk_3', changes: { hot: false } }]],
    ['floor meta', [{ op: 'floor.update', changes: { name: 'Main', height: 700 } }], [{ op: 'floor.update', changes: { height: 700 } }]],
  ])('%s', (_name, ops, expected) => {
    expect(opsOfDiff(diffOf(ops))).toEqual(expected)
  })
})

describe('squashDiffs', () => {
  it("keeps a's before and b's after: a drag of three ticks is one move", () => {
    const one = applied(baseFloor(), [{ op: 'desk.update', id: 'desk_2', changes: { x: 610 } }])
    const two = applied(one.floor, [{ op: 'desk.update', id: 'desk_2', changes: { x: 620, y: 410 } }])
    const three = applied(two.floor, [{ op: 'desk.update', id: 'desk_2', changes: { x: 630 } }])
    const squashed = squashDiffs(squashDiffs(one.diff, two.diff), three.diff)
    expect(opsOfDiff(squashed)).toEqual([{ op: 'desk.update', id: 'desk_2', changes: { x: 630, y: 410 } }])
    expect(opsOfDiff(reverseDiff(squashed))).toEqual([{ op: 'desk.update', id: 'desk_2', changes: { x: 600, y: 400 } }])
  })

  it('drops what came back to where it started, and a record added then removed', () => {
    const add = applied(baseFloor(), [{ op: 'desk.add', desk: desk('desk_9') }, { op: 'floor.update', changes: { name: 'B' } }])
    const remove = applied(add.floor, [{ op: 'desk.remove', id: 'desk_9' }, { op: 'floor.update', changes: { name: 'Main' } }])
    expect(squashDiffs(add.diff, remove.diff)).toEqual(emptyDiff())
  })

  it('keeps records only one side touched', () => {
    const a = diffOf(move2)
    const b = diffOf([{ op: 'room.update', id: 'room_a', changes: { locked: true } }])
    expect(Object.keys(squashDiffs(a, b).desks)).toEqual(['desk_2'])
    expect(Object.keys(squashDiffs(a, b).rooms)).toEqual(['room_a'])
  })
})

describe('checkUndo', () => {
  const entry = () => applied(baseFloor(), [...move2, { op: 'room.update', id: 'room_l', changes: { name: 'Loft' } }, { op: 'desk.add', desk: desk('desk_9', { label: '9' }) }, { op: 'desk.remove', id: 'desk_3' }])
  const after = (ops: unknown[]) => applied(entry().floor, ops).floor

  test.each<[string, unknown[], string | null]>([
    ['nothing changed since', [], null],
    ['another field of a record the entry changed', [{ op: 'desk.update', id: 'desk_2', changes: { label: 'Window' } }], null],
    ['another record', [{ op: 'room.update', id: 'room_a', changes: { x: 0 } }], null],
    ['the same field of the same desk', [{ op: 'desk.update', id: 'desk_2', changes: { x: 700 } }], 'Desk “2” was moved by someone else since; it cannot be undone'],
    ['a renamed room', [{ op: 'room.update', id: 'room_l', changes: { name: 'Lounge 2' } }], 'Room “Lounge 2” was renamed by someone else since; it cannot be undone'],
    ['a removed desk', [{ op: 'desk.remove', id: 'desk_2' }], 'Desk “2” was removed by someone else since; it cannot be undone'],
    ['a field of an added desk', [{ op: 'desk.update', id: 'desk_9', changes: { rotation: 90 } }], 'Desk “9” was rotated by someone else since; it cannot be undone'],
    ['a removed desk added back', [{ op: 'desk.add', desk: desk('desk_3', { label: '3' }) }], 'Desk “3” was added back by someone else since; it cannot be undone'],
  ])('%s → %s', (_name, ops, message) => {
    const current = ops.length ? after(ops) : entry().floor
    expect(checkUndo(current, entry().diff)?.message ?? null).toBe(message)
  })

  it('names the object by id and kind, and the floor by its id', () => {
    expect(checkUndo(after([{ op: 'desk.remove', id: 'desk_2' }]), entry().diff)).toMatchObject({ objectId: 'desk_2', kind: 'desk', name: '2' })
    const resized = applied(baseFloor(), [{ op: 'floor.update', changes: { width: 1100 } }])
    const current = applied(resized.floor, [{ op: 'floor.update', changes: { width: 1200 } }]).floor
    expect(checkUndo(current, resized.diff)).toEqual({ objectId: 'floor_main', kind: 'floor', name: 'Main', message: 'Floor “Main” was resized by someone else since; it cannot be undone' })
  })
})

describe('conflictBetween two diffs from the same floor', () => {
  test.each<[string, unknown[], unknown[], string | null]>([
    ['different records', move2, [{ op: 'desk.update', id: 'desk_1', changes: { x: 1 } }], null],
    ['different fields of one desk', move2, rename2, null],
    ['one field set to the same value by both', move2, move2, null],
    ['both removed the same desk', [{ op: 'desk.remove', id: 'desk_2' }], [{ op: 'desk.remove', id: 'desk_2' }], null],
    ['the same field', move2, [{ op: 'desk.update', id: 'desk_2', changes: { x: 10 } }], 'Desk “2” was moved by someone else'],
    ['mine changed what theirs removed', move2, [{ op: 'room.remove', id: 'room_l' }, { op: 'desk.remove', id: 'desk_2' }], 'Desk “2” was removed by someone else'],
    ['mine removed what theirs changed', [{ op: 'room.remove', id: 'room_l' }], [{ op: 'room.update', id: 'room_l', changes: { width: 50 } }], 'Room “Lounge” was resized by someone else'],
    ['both added one id', [{ op: 'desk.add', desk: desk('desk_9', { label: '9' }) }], [{ op: 'desk.add', desk: desk('desk_9', { label: '9' }) }], 'Desk “9” was also added by someone else'],
    ['the floor renamed by both', [{ op: 'floor.update', changes: { name: 'A' } }], [{ op: 'floor.update', changes: { name: 'B' } }], 'Floor “B” was renamed by someone else'],
    ['the floor: name and width', [{ op: 'floor.update', changes: { name: 'A' } }], [{ op: 'floor.update', changes: { width: 1100 } }], null],
    ['an allowed list both changed', [{ op: 'room.update', id: 'room_a', changes: { allowed: [] } }], [{ op: 'room.update', id: 'room_a', changes: { allowed: ['mem_cy'] } }], 'Room “Aquarium” was changed by someone else'],
  ])('%s → %s', (_name, mine, theirs, message) => {
    expect(conflictBetween(diffOf(mine), diffOf(theirs))?.message ?? null).toBe(message)
  })
})
