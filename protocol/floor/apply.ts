/**
 * applyBatch: the one pure function that applies an edit batch to a floor. The server runs it
 * authoritatively; clients run it to apply remote batches. It never mutates its input.
 */
import { Value } from 'typebox/value'
import { opSchemas, type FloorOp, type FloorOpName } from './ops.ts'
import { floorLimits, type Desk, type Floor, type MemberId, type Room } from './records.ts'

export interface OpError {
  /** Index of the offending op in the batch, or -1 for a whole-floor rule. */
  index: number
  /** Dotted path of the offending field, e.g. `ops[2].room.width`. */
  field: string
  message: string
}

export type ApplyResult = { ok: true; floor: Floor } | { ok: false; error: OpError }

export interface ApplyContext {
  /** Whether an id names a member of the workspace; assignees, owners and allow-lists must. */
  isMember(id: MemberId): boolean
}

const pathOf = (index: number, instancePath: string) =>
  `ops[${index}]` + instancePath.split('/').filter(Boolean).map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p}`)).join('')

function checkOp(raw: unknown, index: number): { error: OpError } | { op: FloorOp } {
  const name = (raw as { op?: unknown } | null)?.op
  if (typeof name !== 'string' || !(name in opSchemas)) {
    return { error: { index, field: `ops[${index}].op`, message: `unknown op ${JSON.stringify(name)}; expected one of ${Object.keys(opSchemas).join(', ')}` } }
  }
  const schema = opSchemas[name as FloorOpName]
  if (Value.Check(schema, raw)) return { op: raw as FloorOp }
  const first = [...Value.Errors(schema, raw)][0]
  const field = first ? pathOf(index, first.instancePath) : `ops[${index}]`
  // TypeBox reports an unexpected property as the `false` schema of additionalProperties.
  const message = first?.message === 'schema is false' ? 'unexpected field' : (first?.message ?? 'invalid')
  return { error: { index, field, message: `${name}: ${message}` } }
}

const fail = (index: number, field: string, message: string): ApplyResult => ({ ok: false, error: { index, field, message } })

/** Applies `ops` in order; any failure leaves the input untouched and names the op and field. */
export function applyBatch(floor: Floor, ops: readonly unknown[], ctx: ApplyContext): ApplyResult {
  const rooms = new Map<string, Room>(floor.rooms.map((r) => [r.id, r]))
  const desks = new Map<string, Desk>(floor.desks.map((d) => [d.id, d]))
  let meta = { name: floor.name, width: floor.width, height: floor.height }

  for (const [index, raw] of ops.entries()) {
    const checked = checkOp(raw, index)
    if ('error' in checked) return { ok: false, error: checked.error }
    const op = checked.op
    switch (op.op) {
      case 'room.add':
        if (rooms.has(op.room.id) || desks.has(op.room.id)) return fail(index, `ops[${index}].room.id`, `id ${op.room.id} already exists`)
        rooms.set(op.room.id, op.room)
        break
      case 'room.update': {
        const room = rooms.get(op.id)
        if (!room) return fail(index, `ops[${index}].id`, `no room ${op.id} on this floor`)
        rooms.set(op.id, { ...room, ...op.changes } as Room)
        break
      }
      case 'room.remove':
        if (!rooms.delete(op.id)) return fail(index, `ops[${index}].id`, `no room ${op.id} on this floor`)
        break
      case 'desk.add':
        if (desks.has(op.desk.id) || rooms.has(op.desk.id)) return fail(index, `ops[${index}].desk.id`, `id ${op.desk.id} already exists`)
        desks.set(op.desk.id, op.desk)
        break
      case 'desk.update': {
        const desk = desks.get(op.id)
        if (!desk) return fail(index, `ops[${index}].id`, `no desk ${op.id} on this floor`)
        desks.set(op.id, { ...desk, ...op.changes } as Desk)
        break
      }
      case 'desk.remove':
        if (!desks.delete(op.id)) return fail(index, `ops[${index}].id`, `no desk ${op.id} on this floor`)
        break
      case 'floor.update':
        meta = { ...meta, ...op.changes } as typeof meta
        break
    }
  }

  const next: Floor = { id: floor.id, ...meta, version: floor.version + 1, rooms: [...rooms.values()], desks: [...desks.values()] }
  const broken = checkFloor(next, ctx)
  return broken ? { ok: false, error: broken } : { ok: true, floor: next }
}

/** Whole-floor rules checked after a batch: sizes, bounds, membership, one desk per member. */
export function checkFloor(floor: Floor, ctx: ApplyContext): OpError | null {
  const rule = (field: string, message: string): OpError => ({ index: -1, field, message })
  if (floor.rooms.length > floorLimits.maxRooms) return rule('rooms', `a floor holds at most ${floorLimits.maxRooms} rooms`)
  if (floor.desks.length > floorLimits.maxDesks) return rule('desks', `a floor holds at most ${floorLimits.maxDesks} desks`)
  for (const room of floor.rooms) {
    if (room.x + room.width > floor.width || room.y + room.height > floor.height) {
      return rule(`rooms.${room.id}`, `room ${room.id} extends outside the floor (${floor.width}×${floor.height})`)
    }
    for (const id of [room.ownerId, ...room.allowed]) {
      if (id !== null && !ctx.isMember(id)) return rule(`rooms.${room.id}`, `${id} is not a member of this workspace`)
    }
  }
  const seated = new Map<string, string>()
  for (const desk of floor.desks) {
    if (desk.x > floor.width || desk.y > floor.height) return rule(`desks.${desk.id}`, `desk ${desk.id} is outside the floor`)
    if (desk.assigneeId === null) continue
    if (!ctx.isMember(desk.assigneeId)) return rule(`desks.${desk.id}.assigneeId`, `${desk.assigneeId} is not a member of this workspace`)
    const other = seated.get(desk.assigneeId)
    if (other) return rule(`desks.${desk.id}.assigneeId`, `${desk.assigneeId} already has desk ${other}`)
    seated.set(desk.assigneeId, desk.id)
  }
  return null
}
