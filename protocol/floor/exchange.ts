/**
 * The floor file a host exports and imports. Parsing checks it exactly as an edit would be
 * checked: the record schemas, then applyBatch's floor rules on the file's own content, with each
 * error named by its path in the file (`floor.rooms[2].width`).
 */
import Type from 'typebox'
import { applyBatch, schemaError, type ApplyContext } from './apply.ts'
import { diffFloors, opsOfDiff } from './diff.ts'
import type { FloorOp } from './ops.ts'
import { FloorSchema, type Desk, type Floor, type Furniture, type Room } from './records.ts'

export const FLOOR_FILE_FORMAT = 'virtual-office.floor'

export interface FloorFile {
  format: typeof FLOOR_FILE_FORMAT
  formatVersion: 1
  /** `furniture` is optional: files exported before furniture existed import as they always did. */
  floor: { name: string; width: number; height: number; rooms: Room[]; desks: Desk[]; furniture?: Furniture[] }
}

const FloorFileSchema = Type.Object(
  {
    format: Type.Literal(FLOOR_FILE_FORMAT),
    formatVersion: Type.Literal(1),
    floor: Type.Omit(FloorSchema, ['id', 'version'], { additionalProperties: false }),
  },
  { additionalProperties: false },
)

const copyRoom = (r: Room): Room => ({ ...r, allowed: [...r.allowed] })

/** Assignees, owners and allowed lists are kept; importOps drops the ones the target does not know. */
export function exportFloor(floor: Floor): FloorFile {
  return {
    format: FLOOR_FILE_FORMAT,
    formatVersion: 1,
    floor: {
      name: floor.name,
      width: floor.width,
      height: floor.height,
      rooms: floor.rooms.map(copyRoom),
      desks: floor.desks.map((d) => ({ ...d })),
      ...(floor.furniture?.length ? { furniture: floor.furniture.map((f) => ({ ...f })) } : {}),
    },
  }
}

export type ParsedFloorFile = { ok: true; file: FloorFile } | { ok: false; field: string; message: string }

const refuse = (field: string, message: string): ParsedFloorFile => ({ ok: false, field, message })

export function parseFloorFile(text: string): ParsedFloorFile {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (err) {
    return refuse('file', `not valid JSON: ${(err as Error).message}`)
  }
  // Say what is wrong with the file as a whole before picking at its fields.
  const head = (data ?? {}) as { format?: unknown; formatVersion?: unknown }
  if (head.format !== FLOOR_FILE_FORMAT) return refuse('format', `not a floor file: format must be "${FLOOR_FILE_FORMAT}"`)
  if (head.formatVersion !== 1) return refuse('formatVersion', `format version ${JSON.stringify(head.formatVersion)} is not supported; this app reads version 1`)
  const invalid = schemaError(FloorFileSchema, data, '')
  if (invalid) return refuse(invalid.field, invalid.message)
  const file = data as FloorFile
  // The floor rules (ids unique, records inside the floor, one desk per person, hot desks without
  // assignee) are applyBatch's: build the file's floor as one batch on an empty floor of its size.
  const { rooms, desks, furniture = [], name, width, height } = file.floor
  const empty: Floor = { id: 'floor_file', name, version: 0, width, height, rooms: [], desks: [] }
  const result = applyBatch(empty, addOps(rooms, desks, furniture), { isMember: () => true })
  if (!result.ok) return refuse(fileField(result.error.field, rooms.length, desks.length), result.error.message)
  return { ok: true, file }
}

const addOps = (rooms: readonly Room[], desks: readonly Desk[], furniture: readonly Furniture[]): FloorOp[] => [
  ...rooms.map((room): FloorOp => ({ op: 'room.add', room })),
  ...desks.map((desk): FloorOp => ({ op: 'desk.add', desk })),
  ...furniture.map((item): FloorOp => ({ op: 'furniture.add', furniture: item })),
]

/** `ops[5].desk.x` of the add batch → `floor.desks[2].x` in the file (with 3 rooms before the desks). */
function fileField(field: string, roomCount: number, deskCount: number): string {
  const m = /^ops\[(\d+)\]\.(room|desk|furniture)(.*)$/.exec(field)
  if (!m) return 'floor'
  const index = Number(m[1])
  if (m[2] === 'room') return `floor.rooms[${index}]${m[3]}`
  if (m[2] === 'desk') return `floor.desks[${index - roomCount}]${m[3]}`
  return `floor.furniture[${index - roomCount - deskCount}]${m[3]}`
}

/**
 * The ops that replace `current`'s content with the file's; member references that are not
 * members (ctx.isMember false) are dropped so an export from another workspace imports cleanly.
 * Records whose id is on both sides are updated in place rather than removed and added, so
 * re-importing a floor's own export changes only what differs (and a desk kept is not "deleted"
 * under its sitter). Empty when the file holds exactly what the floor holds.
 */
export function importOps(current: Floor, file: FloorFile, ctx: ApplyContext): FloorOp[] {
  const member = (id: string | null) => (id !== null && ctx.isMember(id) ? id : null)
  const target = {
    ...file.floor,
    rooms: file.floor.rooms.map((r) => ({ ...r, ownerId: member(r.ownerId), allowed: r.allowed.filter((id) => ctx.isMember(id)) })),
    desks: file.floor.desks.map((d) => ({ ...d, assigneeId: member(d.assigneeId) })),
  }
  return opsOfDiff(diffFloors(current, target))
}
