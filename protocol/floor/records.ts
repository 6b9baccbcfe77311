/**
 * The floor-plan model shared by server and clients: typed ids and TypeBox schemas for floors,
 * rooms, desks and furniture. The schemas validate HTTP bodies, cached JSON and edit ops alike.
 */
import Type, { type Static } from 'typebox'

const idOf = (prefix: string) => Type.String({ pattern: `^${prefix}_[A-Za-z0-9_-]{1,48}$`, maxLength: 64 })

export const WorkspaceIdSchema = idOf('ws')
export const MemberIdSchema = idOf('mem')
export const FloorIdSchema = idOf('floor')
export const RoomIdSchema = idOf('room')
export const DeskIdSchema = idOf('desk')
export const FurnitureIdSchema = idOf('furn')
/** A company of the workspace (issue 13; protocol/companies.ts). */
export const CompanyIdSchema = idOf('co')

export type WorkspaceId = string
export type MemberId = string
export type FloorId = string
export type RoomId = string
export type DeskId = string
export type FurnitureId = string

/** Limits that keep a floor sane; the server refuses anything beyond them. */
export const floorLimits = {
  maxSide: 20_000,
  maxRooms: 500,
  maxDesks: 5_000,
  maxCapacity: 500,
  maxLabel: 64,
  maxAllowed: 500,
  maxFurniture: 2_000,
  /** Floors in a workspace: every edit reads them all (rules across floors), and a reorder names each. */
  maxFloors: 100,
} as const

const coordinate = Type.Number({ minimum: 0, maximum: floorLimits.maxSide })
const size = Type.Number({ exclusiveMinimum: 0, maximum: floorLimits.maxSide })
const label = Type.String({ minLength: 1, maxLength: floorLimits.maxLabel })

export const RoomKindSchema = Type.Union([
  Type.Literal('meeting'),
  Type.Literal('lounge'),
  Type.Literal('private'),
  Type.Literal('stage'),
])
export type RoomKind = Static<typeof RoomKindSchema>

export const RoomSchema = Type.Object(
  {
    id: RoomIdSchema,
    name: label,
    kind: RoomKindSchema,
    x: coordinate,
    y: coordinate,
    width: size,
    height: size,
    capacity: Type.Integer({ minimum: 1, maximum: floorLimits.maxCapacity }),
    locked: Type.Boolean(),
    ownerId: Type.Union([MemberIdSchema, Type.Null()]),
    allowed: Type.Array(MemberIdSchema, { maxItems: floorLimits.maxAllowed }),
    /**
     * The company whose area this room is in (issue 13), and whether only its members walk in
     * (others knock, see rules.ts). Optional so that floors saved before companies stay valid.
     */
    companyId: Type.Optional(Type.Union([CompanyIdSchema, Type.Null()])),
    companyOnly: Type.Optional(Type.Boolean()),
    /** Hosts let members book it in the calendar (issue 14): its events may not overlap. Optional: old floors stay valid. */
    bookable: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
)
export type Room = Static<typeof RoomSchema>

export const DeskSchema = Type.Object(
  {
    id: DeskIdSchema,
    label,
    x: coordinate,
    y: coordinate,
    rotation: Type.Number({ minimum: 0, exclusiveMaximum: 360 }),
    assigneeId: Type.Union([MemberIdSchema, Type.Null()]),
    /**
     * A hot desk is for anyone that day and never has an assignee. Optional so that floors saved
     * before hot desks existed stay valid; applyBatch stores `false` as absent, one form for both.
     */
    hot: Type.Optional(Type.Boolean()),
    /** The company whose area this desk is in (issue 13); optional, as for rooms. */
    companyId: Type.Optional(Type.Union([CompanyIdSchema, Type.Null()])),
  },
  { additionalProperties: false },
)
export type Desk = Static<typeof DeskSchema>

/** Decoration a host places: drawn under desks and people, never a place to walk to or sit at. */
export const FurnitureKindSchema = Type.Union([
  Type.Literal('plant'),
  Type.Literal('sofa'),
  Type.Literal('table'),
  Type.Literal('bookshelf'),
  Type.Literal('whiteboard'),
  Type.Literal('rug'),
])
export type FurnitureKind = Static<typeof FurnitureKindSchema>

/** One piece of furniture, positioned by its centre (as desks are) and turned by `rotation`. */
export const FurnitureSchema = Type.Object(
  {
    id: FurnitureIdSchema,
    kind: FurnitureKindSchema,
    x: coordinate,
    y: coordinate,
    rotation: Type.Number({ minimum: 0, exclusiveMaximum: 360 }),
  },
  { additionalProperties: false },
)
export type Furniture = Static<typeof FurnitureSchema>

export const FloorSchema = Type.Object(
  {
    id: FloorIdSchema,
    name: label,
    version: Type.Integer({ minimum: 0 }),
    width: size,
    height: size,
    rooms: Type.Array(RoomSchema, { maxItems: floorLimits.maxRooms }),
    desks: Type.Array(DeskSchema, { maxItems: floorLimits.maxDesks }),
    /**
     * Optional so that floors saved before furniture existed stay valid; applyBatch leaves it out
     * when the floor has none, one form for both.
     */
    furniture: Type.Optional(Type.Array(FurnitureSchema, { maxItems: floorLimits.maxFurniture })),
  },
  { additionalProperties: false },
)
export type Floor = Static<typeof FloorSchema>

export { DESK_SIZE, roomAt } from './geometry.ts'
