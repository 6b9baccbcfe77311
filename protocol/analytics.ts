/**
 * Hosts' view of the space (issue 13): how rooms, desks and companies were used per hour or per
 * day over up to 30 days, from the arrivals and departures LiveKit's webhooks reported.
 */
import Type, { type Static } from 'typebox'

export const MAX_USAGE_DAYS = 30

export const UsageQuery = Type.Object(
  {
    days: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_USAGE_DAYS })),
    bucket: Type.Optional(Type.Union([Type.Literal('hour'), Type.Literal('day')])),
  },
  { additionalProperties: false },
)
export type UsageQuery = Static<typeof UsageQuery>

const Counts = Type.Array(Type.Integer({ minimum: 0 }))

export const UsageSchema = Type.Object({
  bucket: Type.Union([Type.Literal('hour'), Type.Literal('day')]),
  /** Each bucket's start (ms since the epoch), oldest first; the series below have one count per bucket. */
  starts: Type.Array(Type.Integer()),
  /** People online at some time in the bucket. */
  people: Counts,
  /** Rooms with someone in them. */
  rooms: Counts,
  /** Assigned desks whose member was online. */
  desks: Counts,
  /** Companies with one of their people online. */
  companies: Counts,
  /** Each room's hours of presence (one person for an hour counts one) over the whole window, busiest first. */
  roomHours: Type.Array(Type.Object({ roomId: Type.String(), name: Type.String(), hours: Type.Number({ minimum: 0 }) })),
})
export type Usage = Static<typeof UsageSchema>
