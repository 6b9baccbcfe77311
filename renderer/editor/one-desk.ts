/**
 * An undo must not seat someone twice: when a desk comes back (or gets its sitter back) while that
 * member has since been given another desk, say by the server after the first was removed, the
 * desk comes back free.
 */
import type { FloorOp } from '../../protocol/floor/ops.ts'
import type { Floor } from '../../protocol/floor/records.ts'

export function keepOneDeskEach(ops: readonly FloorOp[], floors: readonly Floor[]): FloorOp[] {
  const seat = new Map<string, string>()
  for (const floor of floors) for (const desk of floor.desks) if (desk.assigneeId) seat.set(desk.assigneeId, desk.id)
  const elsewhere = (member: string | null | undefined, deskId: string) => !!member && seat.has(member) && seat.get(member) !== deskId
  const out: FloorOp[] = []
  for (const op of ops) {
    if (op.op === 'desk.add' && elsewhere(op.desk.assigneeId, op.desk.id)) {
      out.push({ ...op, desk: { ...op.desk, assigneeId: null } })
    } else if (op.op === 'desk.update' && elsewhere(op.changes.assigneeId, op.id)) {
      const { assigneeId: _seated, ...rest } = op.changes
      if (Object.keys(rest).length > 0) out.push({ ...op, changes: rest })
    } else {
      out.push(op)
    }
  }
  return out
}
