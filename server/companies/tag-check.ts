/** A floor batch may tag rooms and desks only with companies of the workspace (issue 13). */
import type { OpError } from '../../protocol/floor/apply.ts'
import type { FloorOp } from '../../protocol/floor/ops.ts'

/** The first op of the batch that names a company the workspace does not have, or null. */
export function unknownCompany(ops: readonly FloorOp[], known: ReadonlySet<string>): OpError | null {
  for (const [index, op] of ops.entries()) {
    const tagged =
      op.op === 'room.add' ? { id: op.room.companyId, field: 'room.companyId' }
      : op.op === 'desk.add' ? { id: op.desk.companyId, field: 'desk.companyId' }
      : op.op === 'room.update' || op.op === 'desk.update' ? { id: op.changes.companyId, field: 'changes.companyId' }
      : null
    if (tagged && typeof tagged.id === 'string' && !known.has(tagged.id)) {
      return { index, field: `ops[${index}].${tagged.field}`, message: `${op.op}: no company ${tagged.id} in this workspace` }
    }
  }
  return null
}
