/**
 * applyBatch: the one pure function that applies an edit batch to a floor. The server runs it
 * authoritatively; clients run it to apply remote batches. It never mutates its input.
 */
import type { TSchema } from 'typebox'
import { Value } from 'typebox/value'
import { changesOf, sameValue, withFurniture } from './diff-record.ts'
import { metaOf, opsOfDiff, reverseDiff, type FloorDiff } from './diff.ts'
import { opSchemas, type FloorOp, type FloorOpName } from './ops.ts'
import { floorLimits, type Desk, type Floor, type Furniture, type MemberId, type Room } from './records.ts'

export interface OpError {
  /** Index of the offending op in the batch, or -1 for the batch as a whole. */
  index: number
  /** Dotted path of the offending field, e.g. `ops[2].room.width`. */
  field: string
  message: string
}

/**
 * On success, also what the batch changed (`diff`, only the records it touched) and the ops that
 * undo it (`inverse` = opsOfDiff(reverseDiff(diff)); empty when the batch changed nothing).
 */
export type ApplyResult = { ok: true; floor: Floor; diff: FloorDiff; inverse: FloorOp[] } | { ok: false; error: OpError }

export interface ApplyContext {
  /** Whether an id names a member of the workspace; assignees, owners and allow-lists must. */
  isMember(id: MemberId): boolean
}

/** `prefix` + a JSON pointer as a dotted path: `ops[2]` + `/room/allowed/0` → `ops[2].room.allowed[0]`. */
const pathOf = (prefix: string, instancePath: string) =>
  (prefix + instancePath.split('/').filter(Boolean).map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p}`)).join('')).replace(/^\./, '')

/**
 * The first schema error of `value` as a field path under `prefix` and a plain message, or null
 * when it is valid. Shared by ops and floor files so both name fields the same way.
 */
export function schemaError(schema: TSchema, value: unknown, prefix: string): { field: string; message: string } | null {
  if (Value.Check(schema, value)) return null
  const errors = [...Value.Errors(schema, value)]
  const first = errors[0]
  if (!first) return { field: prefix, message: 'invalid' }
  let field = pathOf(prefix, first.instancePath)
  let message = first.message
  if (first.keyword === 'required') {
    // Name the missing field itself, not the object that lacks it.
    const missing = (first.params as { requiredProperties?: string[] }).requiredProperties ?? []
    if (missing[0]) field = field ? `${field}.${missing[0]}` : missing[0]
  } else if (first.message === 'schema is false') {
    // TypeBox reports an unexpected property as the `false` schema of additionalProperties.
    message = 'unexpected field'
  } else if (first.keyword === 'const') {
    const allowed = errors.filter((e) => e.keyword === 'const' && e.instancePath === first.instancePath)
    message = `must be one of ${allowed.map((e) => JSON.stringify((e.params as { allowedValue?: unknown }).allowedValue)).join(', ')}`
  }
  return { field, message }
}

function checkOp(raw: unknown, index: number): { error: OpError } | { op: FloorOp } {
  const name = (raw as { op?: unknown } | null)?.op
  // Own keys only: `in` would also take "toString", "constructor" or "__proto__" for op names.
  if (typeof name !== 'string' || !Object.hasOwn(opSchemas, name)) {
    return { error: { index, field: `ops[${index}].op`, message: `unknown op ${JSON.stringify(name)}; expected one of ${Object.keys(opSchemas).join(', ')}` } }
  }
  const error = schemaError(opSchemas[name as FloorOpName], raw, `ops[${index}]`)
  return error ? { error: { index, field: error.field, message: `${name}: ${error.message}` } } : { op: raw as FloorOp }
}

/** Which op last set a record's field, so a whole-floor rule can name the op that broke it. */
interface Origin {
  index: number
  field: string
}

const FLOOR = '#floor'

/**
 * Applies `ops` in order; any failure leaves the input untouched and names the op and field.
 * The floor rules (bounds, membership, one desk per member, limits) hold for the floor after the
 * batch, so a batch may pass through an invalid state (swapping two people's desks, say).
 */
export function applyBatch(floor: Floor, ops: readonly unknown[], ctx: ApplyContext): ApplyResult {
  if (ops.length === 0) return { ok: false, error: { index: -1, field: 'ops', message: 'a batch holds at least one op' } }
  const rooms = new Map<string, Room>(floor.rooms.map((r) => [r.id, r]))
  const desks = new Map<string, Desk>(floor.desks.map((d) => [d.id, d]))
  const furniture = new Map<string, Furniture>((floor.furniture ?? []).map((f) => [f.id, f]))
  const taken = (id: string) => rooms.has(id) || desks.has(id) || furniture.has(id)
  let meta = { name: floor.name, width: floor.width, height: floor.height }
  const origins = new Map<string, Origin>()
  const touch = (id: string, keys: string[], index: number, base: string) => {
    for (const key of keys) origins.set(`${id}/${key}`, { index, field: `${base}.${key}` })
  }
  // Each touched record as it was before the batch: the diff is built from these, O(ops).
  const roomsBefore = new Map<string, Room | null>()
  const desksBefore = new Map<string, Desk | null>()
  const furnitureBefore = new Map<string, Furniture | null>()
  const seen = <T>(before: Map<string, T | null>, now: Map<string, T>, id: string) => {
    if (!before.has(id)) before.set(id, now.get(id) ?? null)
  }
  let lastRoomAdd = -1
  let lastDeskAdd = -1
  let lastFurnitureAdd = -1

  for (const [index, raw] of ops.entries()) {
    const checked = checkOp(raw, index)
    if ('error' in checked) return { ok: false, error: checked.error }
    const op = checked.op
    const at = `ops[${index}]`
    switch (op.op) {
      case 'room.add':
        if (taken(op.room.id)) return fail(index, `${at}.room.id`, `id ${op.room.id} already exists`)
        seen(roomsBefore, rooms, op.room.id)
        rooms.set(op.room.id, op.room)
        touch(op.room.id, Object.keys(op.room), index, `${at}.room`)
        lastRoomAdd = index
        break
      case 'room.update': {
        const room = rooms.get(op.id)
        if (!room) return fail(index, `${at}.id`, `no room ${op.id} on this floor`)
        seen(roomsBefore, rooms, op.id)
        rooms.set(op.id, { ...room, ...op.changes } as Room)
        touch(op.id, Object.keys(op.changes), index, `${at}.changes`)
        break
      }
      case 'room.remove':
        seen(roomsBefore, rooms, op.id)
        if (!rooms.delete(op.id)) return fail(index, `${at}.id`, `no room ${op.id} on this floor`)
        break
      case 'desk.add':
        if (taken(op.desk.id)) return fail(index, `${at}.desk.id`, `id ${op.desk.id} already exists`)
        seen(desksBefore, desks, op.desk.id)
        desks.set(op.desk.id, plainDesk(op.desk))
        touch(op.desk.id, Object.keys(op.desk), index, `${at}.desk`)
        lastDeskAdd = index
        break
      case 'desk.update': {
        const desk = desks.get(op.id)
        if (!desk) return fail(index, `${at}.id`, `no desk ${op.id} on this floor`)
        seen(desksBefore, desks, op.id)
        desks.set(op.id, plainDesk({ ...desk, ...op.changes } as Desk))
        touch(op.id, Object.keys(op.changes), index, `${at}.changes`)
        break
      }
      case 'desk.remove':
        seen(desksBefore, desks, op.id)
        if (!desks.delete(op.id)) return fail(index, `${at}.id`, `no desk ${op.id} on this floor`)
        break
      case 'furniture.add':
        if (taken(op.furniture.id)) return fail(index, `${at}.furniture.id`, `id ${op.furniture.id} already exists`)
        seen(furnitureBefore, furniture, op.furniture.id)
        furniture.set(op.furniture.id, op.furniture)
        touch(op.furniture.id, Object.keys(op.furniture), index, `${at}.furniture`)
        lastFurnitureAdd = index
        break
      case 'furniture.update': {
        const item = furniture.get(op.id)
        if (!item) return fail(index, `${at}.id`, `no furniture ${op.id} on this floor`)
        seen(furnitureBefore, furniture, op.id)
        furniture.set(op.id, { ...item, ...op.changes } as Furniture)
        touch(op.id, Object.keys(op.changes), index, `${at}.changes`)
        break
      }
      case 'furniture.remove':
        seen(furnitureBefore, furniture, op.id)
        if (!furniture.delete(op.id)) return fail(index, `${at}.id`, `no furniture ${op.id} on this floor`)
        break
      case 'floor.update':
        meta = { ...meta, ...op.changes } as typeof meta
        touch(FLOOR, Object.keys(op.changes), index, `${at}.changes`)
        break
    }
  }

  const next: Floor = { id: floor.id, ...meta, version: floor.version + 1, rooms: [...rooms.values()], desks: [...desks.values()] }
  // A floor without furniture leaves the field out, as floors saved before furniture existed do.
  if (furniture.size > 0) next.furniture = [...furniture.values()]
  if (next.rooms.length > floorLimits.maxRooms && lastRoomAdd >= 0) {
    return fail(lastRoomAdd, `ops[${lastRoomAdd}].room`, `a floor holds at most ${floorLimits.maxRooms} rooms`)
  }
  if (next.desks.length > floorLimits.maxDesks && lastDeskAdd >= 0) {
    return fail(lastDeskAdd, `ops[${lastDeskAdd}].desk`, `a floor holds at most ${floorLimits.maxDesks} desks`)
  }
  if (furniture.size > floorLimits.maxFurniture && lastFurnitureAdd >= 0) {
    return fail(lastFurnitureAdd, `ops[${lastFurnitureAdd}].furniture`, `a floor holds at most ${floorLimits.maxFurniture} pieces of furniture`)
  }
  const broken = checkRules(next, ctx, origins)
  if (broken) return { ok: false, error: broken }
  const before = metaOf(floor)
  const diff: FloorDiff = withFurniture(
    { rooms: changesOf(roomsBefore, rooms), desks: changesOf(desksBefore, desks), meta: sameValue(before, meta) ? null : { before, after: meta } },
    changesOf(furnitureBefore, furniture),
  )
  return { ok: true, floor: next, diff, inverse: opsOfDiff(reverseDiff(diff)) }
}

/** One form for "not hot": absent, as on floors saved before hot desks, so diffs compare equal. */
function plainDesk(desk: Desk): Desk {
  if (desk.hot !== false) return desk
  const { hot: _off, ...rest } = desk
  return rest
}


const fail = (index: number, field: string, message: string): ApplyResult => ({ ok: false, error: { index, field, message } })

/**
 * The floor rules, blamed on the latest op that set one of the fields involved (candidates listed
 * in order of preference). A violation no op of this batch touched predates it and is left alone:
 * an unrelated edit must not fail because of it.
 */
function checkRules(floor: Floor, ctx: ApplyContext, origins: Map<string, Origin>): OpError | null {
  const found: OpError[] = []
  const report = (candidates: [string, string][], message: string, suffix = '') => {
    let blame: Origin | undefined
    for (const [id, key] of candidates) {
      const origin = origins.get(`${id}/${key}`)
      if (origin && (!blame || origin.index > blame.index)) blame = origin
    }
    if (blame) found.push({ index: blame.index, field: blame.field + suffix, message })
  }
  const size = `${floor.width}×${floor.height}`
  for (const room of floor.rooms) {
    if (room.x + room.width > floor.width) report([[room.id, 'width'], [room.id, 'x'], [FLOOR, 'width']], `room ${room.id} extends outside the floor (${size})`)
    if (room.y + room.height > floor.height) report([[room.id, 'height'], [room.id, 'y'], [FLOOR, 'height']], `room ${room.id} extends outside the floor (${size})`)
    if (room.ownerId !== null && !ctx.isMember(room.ownerId)) report([[room.id, 'ownerId']], `${room.ownerId} is not a member of this workspace`)
    const stranger = room.allowed.findIndex((id) => !ctx.isMember(id))
    if (stranger >= 0) report([[room.id, 'allowed']], `${room.allowed[stranger]} is not a member of this workspace`, `[${stranger}]`)
  }
  const seated = new Map<string, Desk>()
  for (const desk of floor.desks) {
    if (desk.x > floor.width) report([[desk.id, 'x'], [FLOOR, 'width']], `desk ${desk.id} is outside the floor (${size})`)
    if (desk.y > floor.height) report([[desk.id, 'y'], [FLOOR, 'height']], `desk ${desk.id} is outside the floor (${size})`)
    if (desk.assigneeId === null) continue
    if (desk.hot === true) report([[desk.id, 'assigneeId'], [desk.id, 'hot']], `desk ${desk.id} is a hot desk, for anyone that day; it cannot have an assignee`)
    if (!ctx.isMember(desk.assigneeId)) report([[desk.id, 'assigneeId']], `${desk.assigneeId} is not a member of this workspace`)
    const other = seated.get(desk.assigneeId)
    if (!other) {
      seated.set(desk.assigneeId, desk)
      continue
    }
    // Blame whichever of the two desks this batch gave the member last.
    const mine = origins.get(`${desk.id}/assigneeId`)
    const theirs = origins.get(`${other.id}/assigneeId`)
    const [blamed, kept] = (theirs?.index ?? -1) > (mine?.index ?? -1) ? [other, desk] : [desk, other]
    report([[blamed.id, 'assigneeId']], `${desk.assigneeId} already has desk ${kept.id}`)
  }
  for (const item of floor.furniture ?? []) {
    if (item.x > floor.width) report([[item.id, 'x'], [FLOOR, 'width']], `furniture ${item.id} is outside the floor (${size})`)
    if (item.y > floor.height) report([[item.id, 'y'], [FLOOR, 'height']], `furniture ${item.id} is outside the floor (${size})`)
  }
  return found.reduce<OpError | null>((first, e) => (first && first.index <= e.index ? first : e), null)
}
