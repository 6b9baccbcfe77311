/**
 * The schemas a client checks everything from a peer against (see presence.ts for the trust rule):
 * lobby attributes, data packets and RPC payloads, and the server's occupancy notice. Kept apart
 * from presence.ts so that code needing only its constants does not load TypeBox.
 */
import Type from 'typebox'
import { FloorIdSchema, MemberIdSchema, RoomIdSchema, floorLimits } from './floor/records.ts'
import { MAX_STATUS_TEXT, reactions, rpcMethods } from './presence.ts'

/** A floor coordinate as an attribute: a whole number of floor units (a reader also checks ≤ floorLimits.maxSide). */
const Coordinate = Type.String({ pattern: `^[0-9]{1,${String(floorLimits.maxSide).length}}$` })

/**
 * The attributes a lobby participant declares about itself, each checked on its own: position (the
 * floor it stands on and its resting point) and status. Nothing else a peer says is believed, so
 * there is no name, desk or room among them: those come from the directory, the floor plan and
 * the server's occupancy. Unknown keys are ignored.
 */
export const PresenceAttributesSchema = Type.Object({
  status: Type.Union([Type.Literal('available'), Type.Literal('busy'), Type.Literal('away'), Type.Literal('dnd')]),
  /** Free text, often starting with an emoji: "🌴 back Monday". */
  statusText: Type.String({ maxLength: MAX_STATUS_TEXT }),
  /** When the status ends (epoch ms as a string), or '' for never. */
  statusUntil: Type.String({ pattern: '^[0-9]{0,15}$' }),
  /** The floor the member stands on, or '' before they have one. */
  floor: Type.Union([Type.Literal(''), FloorIdSchema]),
  /** Resting position in whole floor units (a client also clamps it to its floor). */
  x: Coordinate,
  y: Coordinate,
  /**
   * A raised hand: the room it was raised in, '' when lowered. Others show it only while the server's
   * occupancy has the member in that room, so a hand never outlives the visit or reaches another room.
   */
  hand: Type.Optional(Type.Union([Type.Literal(''), RoomIdSchema])),
})

export const KnockRequestSchema = Type.Object({ roomId: RoomIdSchema })
export const KnockAnswerSchema = Type.Object({ answer: Type.Union([Type.Literal('admitted'), Type.Literal('declined')]) })
/** Empty: extra keys (an older client's `roomId`) are ignored, never believed. */
export const WaveRequestSchema = Type.Object({})
export const MeetRequestSchema = Type.Object({ roomId: RoomIdSchema })

/** The request schema of each RPC method: a payload that does not match is refused unread. */
export const rpcRequestSchemas = {
  [rpcMethods.knock]: KnockRequestSchema,
  [rpcMethods.wave]: WaveRequestSchema,
  [rpcMethods.meet]: MeetRequestSchema,
} as const

export const PresenceNoticeSchema = Type.Object({ type: Type.Literal('bye') })

/**
 * The server's occupancy notice. Bounded far above any room's capacity, since a room made smaller
 * still holds its people until they move out.
 */
export const OccupancyNoticeSchema = Type.Object({
  rooms: Type.Record(RoomIdSchema, Type.Array(MemberIdSchema, { maxItems: 5_000 }), { additionalProperties: false }),
})

/** One reaction from the fixed set; anything else (free text, another emoji) is refused. */
export const ReactionPacketSchema = Type.Object({ emoji: Type.Enum(reactions) })

export const MovePacketSchema = Type.Object({
  x: Type.Number({ minimum: 0, maximum: floorLimits.maxSide }),
  y: Type.Number({ minimum: 0, maximum: floorLimits.maxSide }),
})
