/**
 * Record diffs of a floor (STYLE G15): what a batch changed, reversed for undo, squashed across a
 * gesture, and turned back into ops. Undo is `opsOfDiff(reverseDiff(diff))`, derived from what
 * applyBatch changed, so it cannot drift from the commands that made the change.
 */
import { changesBetween, furnitureOf, isNoChange, withFurniture, type Change, type FloorDiff, type FloorMeta } from './diff-record.ts'
import type { FloorOp } from './ops.ts'
import type { Desk, Floor, Furniture, Room } from './records.ts'

export type { Change, Conflict, FloorDiff, FloorMeta } from './diff-record.ts'
export { checkUndo, conflictBetween } from './diff-conflicts.ts'

export const emptyDiff = (): FloorDiff => ({ rooms: {}, desks: {}, meta: null })

const sameMeta = (a: FloorMeta, b: FloorMeta) => a.name === b.name && a.width === b.width && a.height === b.height

/** True when the diff changes nothing, including when every change has before deep-equal after. */
export function isEmptyDiff(d: FloorDiff): boolean {
  return (
    Object.values(d.rooms).every(isNoChange) &&
    Object.values(d.desks).every(isNoChange) &&
    Object.values(furnitureOf(d)).every(isNoChange) &&
    (d.meta === null || sameMeta(d.meta.before, d.meta.after))
  )
}

const mapChanges = <T>(changes: Record<string, Change<T>>, f: (c: Change<T>) => Change<T>) =>
  Object.fromEntries(Object.entries(changes).map(([id, c]) => [id, f(c)]))

export function reverseDiff(d: FloorDiff): FloorDiff {
  const swap = <T>(c: Change<T>): Change<T> => ({ before: c.after, after: c.before })
  return withFurniture(
    { rooms: mapChanges(d.rooms, swap), desks: mapChanges(d.desks, swap), meta: d.meta && { before: d.meta.after, after: d.meta.before } },
    mapChanges(furnitureOf(d), swap),
  )
}

function squashChanges<T extends object>(a: Record<string, Change<T>>, b: Record<string, Change<T>>): Record<string, Change<T>> {
  const out: Record<string, Change<T>> = { ...a }
  for (const [id, cb] of Object.entries(b)) {
    const ca = a[id]
    const change = ca ? { before: ca.before, after: cb.after } : cb
    // A record added then removed, or changed and changed back, is no change at all.
    if (isNoChange(change)) delete out[id]
    else out[id] = change
  }
  return out
}

/** `a` then `b`: keeps a's before and b's after for every record either touched. */
export function squashDiffs(a: FloorDiff, b: FloorDiff): FloorDiff {
  const meta = a.meta && b.meta ? { before: a.meta.before, after: b.meta.after } : (a.meta ?? b.meta)
  return withFurniture(
    { rooms: squashChanges(a.rooms, b.rooms), desks: squashChanges(a.desks, b.desks), meta: meta && !sameMeta(meta.before, meta.after) ? meta : null },
    squashChanges(furnitureOf(a), furnitureOf(b)),
  )
}

/** The ops turning the diff's before into its after: add, remove, and update with only the changed fields. */
export function opsOfDiff(d: FloorDiff): FloorOp[] {
  const ops: FloorOp[] = []
  for (const [id, { before, after }] of Object.entries(d.rooms)) {
    if (!before && after) ops.push({ op: 'room.add', room: after })
    else if (before && !after) ops.push({ op: 'room.remove', id })
    else if (before && after) pushUpdate(ops, 'room.update', id, changesBetween(before, after))
  }
  for (const [id, { before, after }] of Object.entries(d.desks)) {
    if (!before && after) ops.push({ op: 'desk.add', desk: after })
    else if (before && !after) ops.push({ op: 'desk.remove', id })
    else if (before && after) pushUpdate(ops, 'desk.update', id, changesBetween(before, after))
  }
  for (const [id, { before, after }] of Object.entries(furnitureOf(d))) {
    if (!before && after) ops.push({ op: 'furniture.add', furniture: after })
    else if (before && !after) ops.push({ op: 'furniture.remove', id })
    else if (before && after) pushUpdate(ops, 'furniture.update', id, changesBetween(before, after))
  }
  if (d.meta) {
    const changes = changesBetween(d.meta.before, d.meta.after)
    if (Object.keys(changes).length > 0) ops.push({ op: 'floor.update', changes })
  }
  return ops
}

function pushUpdate(ops: FloorOp[], op: 'room.update' | 'desk.update' | 'furniture.update', id: string, changes: Record<string, unknown>) {
  if (Object.keys(changes).length > 0) ops.push({ op, id, changes } as FloorOp)
}

export const metaOf = (floor: FloorMeta): FloorMeta => ({ name: floor.name, width: floor.width, height: floor.height })

/**
 * The diff between two whole floors, O(floor). applyBatch never needs it (it records what a batch
 * touched); rebasing and importing do, to learn what changed between two floors they were handed.
 */
type Contents = Pick<Floor, 'rooms' | 'desks' | 'furniture'> & FloorMeta

export function diffFloors(from: Contents, to: Contents): FloorDiff {
  const meta = { before: metaOf(from), after: metaOf(to) }
  return withFurniture(
    { rooms: diffRecords<Room>(from.rooms, to.rooms), desks: diffRecords<Desk>(from.desks, to.desks), meta: sameMeta(meta.before, meta.after) ? null : meta },
    diffRecords<Furniture>(from.furniture ?? [], to.furniture ?? []),
  )
}

function diffRecords<T extends { id: string }>(from: readonly T[], to: readonly T[]): Record<string, Change<T>> {
  const out: Record<string, Change<T>> = {}
  const after = new Map(to.map((r) => [r.id, r]))
  for (const r of from) {
    const next = after.get(r.id) ?? null
    if (!next || !isNoChange({ before: r, after: next })) out[r.id] = { before: r, after: next }
  }
  const before = new Set(from.map((r) => r.id))
  for (const r of to) if (!before.has(r.id)) out[r.id] = { before: null, after: r }
  return out
}
