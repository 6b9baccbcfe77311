/**
 * Rebasing a stale batch (409): replay what it changed on the newer floor through applyBatch,
 * unless another host changed the same thing in between. Nothing silently overwrites another
 * host's change: the replay carries only the fields the batch really changed, and a field both
 * changed is a conflict that names the object.
 */
import { applyBatch, type ApplyContext, type OpError } from './apply.ts'
import { conflict, nameOf } from './diff-conflicts.ts'
import { furnitureOf, withFurniture } from './diff-record.ts'
import { conflictBetween, diffFloors, emptyDiff, opsOfDiff, type Conflict, type FloorDiff } from './diff.ts'
import type { FloorOp } from './ops.ts'
import type { Floor } from './records.ts'

/** On success, `ops` is the batch to send in place of the stale one (empty: nothing is left to do). */
export type RebaseResult =
  | { ok: true; floor: Floor; diff: FloorDiff; inverse: FloorOp[]; ops: FloorOp[] }
  | { ok: false; conflict: Conflict }
  | { ok: false; error: OpError }

/**
 * Replays `ops` (made against `base`) on `current` after others' batches `theirs` (base → current,
 * in order) — never silently overwriting a field another host changed. What others changed is
 * read from `base` against `current`, which holds even when the batches in between are not all at
 * hand (after a gap the client fetches the floor); `theirs` is accepted for callers that have them.
 */
export function rebaseOps(base: Floor, _theirs: readonly { ops: readonly unknown[] }[], current: Floor, ops: readonly unknown[], ctx: ApplyContext): RebaseResult {
  const mine = applyBatch(base, ops, ctx)
  if (!mine.ok) return { ok: false, error: mine.error }
  const theirs = diffFloors(base, current)
  const clash = conflictBetween(mine.diff, theirs)
  if (clash) return { ok: false, conflict: clash.kind === 'floor' ? { ...clash, objectId: current.id } : clash }
  const replay = opsOfDiff(withoutAgreed(mine.diff, theirs))
  if (replay.length === 0) return { ok: true, floor: current, diff: emptyDiff(), inverse: [], ops: [] }
  const result = applyBatch(current, replay, ctx)
  if (!result.ok) return { ok: false, conflict: conflictOfOpError(current, replay, result.error) }
  return { ok: true, floor: result.floor, diff: result.diff, inverse: result.inverse, ops: replay }
}

/** Drops the records both sides removed: they agree, and removing twice would fail. */
function withoutAgreed(mine: FloorDiff, theirs: FloorDiff): FloorDiff {
  const keep = <T>(changes: Record<string, { before: T | null; after: T | null }>, other: Record<string, { after: unknown }>) =>
    Object.fromEntries(Object.entries(changes).filter(([id, c]) => !(c.after === null && other[id] && other[id].after === null)))
  return withFurniture({ rooms: keep(mine.rooms, theirs.rooms), desks: keep(mine.desks, theirs.desks), meta: mine.meta }, keep(furnitureOf(mine), furnitureOf(theirs)))
}

/**
 * The object behind an applyBatch error on `floor`, as a conflict: a batch that applied on the
 * floor it was made for but not on a newer one (say, a member now assigned two desks) names what
 * it could not change. Also usable for an undo that no longer applies.
 */
export function conflictOfOpError(floor: Floor, ops: readonly unknown[], error: OpError): Conflict {
  const op = ops[error.index] as FloorOp | undefined
  const because = `could not be changed after someone else's edit: ${error.message}`
  if (!op || op.op === 'floor.update') return conflict('floor', floor.id, floor.name, because)
  if (op.op === 'room.add') return conflict('room', op.room.id, op.room.name, because)
  if (op.op === 'desk.add') return conflict('desk', op.desk.id, op.desk.label, because)
  if (op.op === 'furniture.add') return conflict('furniture', op.furniture.id, op.furniture.kind, because)
  if (op.op.startsWith('furniture.')) {
    const item = floor.furniture?.find((f) => f.id === op.id)
    return conflict('furniture', op.id, item ? nameOf(item) : op.id, because)
  }
  const [kind, records] = op.op.startsWith('room.') ? (['room', floor.rooms] as const) : (['desk', floor.desks] as const)
  const record = (records as readonly { id: string }[]).find((r) => r.id === op.id) as Parameters<typeof nameOf>[0] | undefined
  return conflict(kind, op.id, record ? nameOf(record) : op.id, because)
}
