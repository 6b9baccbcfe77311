/**
 * Edit operations on a floor plan and the batch that carries them. A batch applies atomically
 * against `baseVersion` (see apply.ts); only the server appends batches to the edit log.
 */
import Type, { type Static } from 'typebox'
import { DeskIdSchema, DeskSchema, floorLimits, FurnitureIdSchema, FurnitureSchema, RoomIdSchema, RoomSchema } from './records.ts'

const partialOf = <T extends Type.TObject>(schema: T) =>
  Type.Partial(Type.Omit(schema, ['id']), { additionalProperties: false, minProperties: 1 })

export const RoomAddOp = Type.Object({ op: Type.Literal('room.add'), room: RoomSchema }, { additionalProperties: false })
export const RoomUpdateOp = Type.Object(
  { op: Type.Literal('room.update'), id: RoomIdSchema, changes: partialOf(RoomSchema) },
  { additionalProperties: false },
)
export const RoomRemoveOp = Type.Object({ op: Type.Literal('room.remove'), id: RoomIdSchema }, { additionalProperties: false })
export const DeskAddOp = Type.Object({ op: Type.Literal('desk.add'), desk: DeskSchema }, { additionalProperties: false })
export const DeskUpdateOp = Type.Object(
  { op: Type.Literal('desk.update'), id: DeskIdSchema, changes: partialOf(DeskSchema) },
  { additionalProperties: false },
)
export const DeskRemoveOp = Type.Object({ op: Type.Literal('desk.remove'), id: DeskIdSchema }, { additionalProperties: false })
export const FurnitureAddOp = Type.Object({ op: Type.Literal('furniture.add'), furniture: FurnitureSchema }, { additionalProperties: false })
export const FurnitureUpdateOp = Type.Object(
  { op: Type.Literal('furniture.update'), id: FurnitureIdSchema, changes: partialOf(FurnitureSchema) },
  { additionalProperties: false },
)
export const FurnitureRemoveOp = Type.Object({ op: Type.Literal('furniture.remove'), id: FurnitureIdSchema }, { additionalProperties: false })
export const FloorUpdateOp = Type.Object(
  {
    op: Type.Literal('floor.update'),
    changes: Type.Partial(
      Type.Object({
        name: Type.String({ minLength: 1, maxLength: floorLimits.maxLabel }),
        width: Type.Number({ exclusiveMinimum: 0, maximum: floorLimits.maxSide }),
        height: Type.Number({ exclusiveMinimum: 0, maximum: floorLimits.maxSide }),
      }),
      { additionalProperties: false, minProperties: 1 },
    ),
  },
  { additionalProperties: false },
)

/** Each op's schema by its `op` name, so a bad op is reported against the schema it claims to be. */
export const opSchemas = {
  'room.add': RoomAddOp,
  'room.update': RoomUpdateOp,
  'room.remove': RoomRemoveOp,
  'desk.add': DeskAddOp,
  'desk.update': DeskUpdateOp,
  'desk.remove': DeskRemoveOp,
  'furniture.add': FurnitureAddOp,
  'furniture.update': FurnitureUpdateOp,
  'furniture.remove': FurnitureRemoveOp,
  'floor.update': FloorUpdateOp,
} as const

export const FloorOpSchema = Type.Union([
  RoomAddOp,
  RoomUpdateOp,
  RoomRemoveOp,
  DeskAddOp,
  DeskUpdateOp,
  DeskRemoveOp,
  FurnitureAddOp,
  FurnitureUpdateOp,
  FurnitureRemoveOp,
  FloorUpdateOp,
])
export type FloorOp = Static<typeof FloorOpSchema>
export type FloorOpName = keyof typeof opSchemas

export const MAX_OPS_PER_BATCH = 2_000

/** What travels on the wire: ops are checked one by one in applyBatch, so a bad op names its field. */
export const EditBatchSchema = Type.Object(
  {
    batchId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    baseVersion: Type.Integer({ minimum: 0 }),
    ops: Type.Array(Type.Object({ op: Type.String() }), { minItems: 1, maxItems: MAX_OPS_PER_BATCH }),
  },
  { additionalProperties: false },
)
export type EditBatch = Static<typeof EditBatchSchema>
