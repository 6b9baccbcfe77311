/**
 * Who may change a private office's door (pure): its kind, its owner and its allowed list are the
 * choice of its owner and of the workspace's owners. Hosts lay out the floor around it (name,
 * place, size, capacity, lock), and may remove it, but never hand themselves, or anyone, a key.
 *
 * - An office with an owner: only that owner (or a workspace owner) changes its kind, owner or
 *   allowed list.
 * - An office nobody owns (its owner left, or none was named) is the hosts' to manage.
 * - Making an office for someone else (a new room, a room turned private, or an office handed
 *   over) is allowed, but with nobody else allowed in: its new owner chooses who else may enter.
 *
 * The rule is applied to a batch's result against the floor before it, so a remove and re-add of
 * the same office in one batch (as an import does) is judged by what changed, not by how.
 */
import type { Role } from '../../protocol/api.ts'
import type { OpError } from '../../protocol/floor/apply.ts'
import type { FloorOp } from '../../protocol/floor/ops.ts'
import type { Floor, Room } from '../../protocol/floor/records.ts'

export interface Author {
  id: string
  role: Role
}

/** The fields that decide who may walk into a private office. */
const DOOR = ['kind', 'ownerId', 'allowed'] as const
type DoorField = (typeof DOOR)[number]

const sameDoorField = (a: Room, b: Room, field: DoorField) =>
  field === 'allowed' ? a.allowed.length === b.allowed.length && [...a.allowed].sort().join() === [...b.allowed].sort().join() : a[field] === b[field]

/** A private office with an owner, who is not `author`. */
const ownedByOther = (room: Room, author: Author) => room.kind === 'private' && room.ownerId !== null && room.ownerId !== author.id

/** For each room and door field, the last op of the batch that set it, as `ops[i].…` (the blame). */
function blame(ops: readonly FloorOp[]): Map<string, { index: number; field: string }> {
  const origins = new Map<string, { index: number; field: string }>()
  for (const [index, op] of ops.entries()) {
    for (const field of DOOR) {
      if (op.op === 'room.add') origins.set(`${op.room.id}/${field}`, { index, field: `ops[${index}].room.${field}` })
      if (op.op === 'room.update' && op.changes[field] !== undefined) origins.set(`${op.id}/${field}`, { index, field: `ops[${index}].changes.${field}` })
    }
  }
  return origins
}

/** Why `author` may not make the change from `before` to `after` to a private office, or null. */
export function privateOfficeRefusal(before: Floor, after: Floor, ops: readonly FloorOp[], author: Author): (OpError & { roomId: string }) | null {
  if (author.role === 'owner') return null
  const was = new Map(before.rooms.map((r) => [r.id, r]))
  const origins = blame(ops)
  const refusals: (OpError & { roomId: string })[] = []
  /** Blamed on the first of `fields` an op of this batch set (some op set one, or nothing changed). */
  const refuse = (room: Room, fields: readonly DoorField[], message: string) => {
    const origin = fields.map((f) => origins.get(`${room.id}/${f}`)).find((o) => o !== undefined) ?? { index: -1, field: 'ops' }
    refusals.push({ ...origin, roomId: room.id, message })
  }
  for (const room of after.rooms) {
    const old = was.get(room.id)
    if (old && ownedByOther(old, author)) {
      const changed = DOOR.find((field) => !sameDoorField(old, room, field))
      if (changed) refuse(room, [changed], `${old.name} is a private office: only its owner or a workspace owner changes its ${label[changed]}`)
      continue
    }
    // A new office for someone else, or one handed over: nobody but its new owner gets in.
    const madeForOther = ownedByOther(room, author) && !(old?.kind === 'private' && old.ownerId === room.ownerId)
    if (madeForOther && room.allowed.some((id) => id !== room.ownerId)) {
      refuse(room, ['allowed', 'ownerId', 'kind'], `${room.name} becomes someone else's private office: its allowed list must stay empty, for its owner to choose who may enter`)
    }
  }
  return refusals.reduce<(OpError & { roomId: string }) | null>((first, r) => (first && first.index <= r.index ? first : r), null)
}

const label: Record<DoorField, string> = { kind: 'kind', ownerId: 'owner', allowed: 'allowed list' }
