/**
 * The shared calendar (issue 14), beyond what protocol/community.ts says of events: occurrences of
 * weekly events, answers (yes, no, maybe), all-day deadlines, room bookings and their clashes,
 * iCalendar feeds and imports. The occurrence arithmetic is occurrences.ts's (no schemas, so the
 * renderer's light parts take it alone), re-exported here.
 */
import Type, { type Static } from 'typebox'
import { CompanyIdSchema, RoomIdSchema } from './floor/records.ts'
import { DaySchema, DeadlineSchema } from './deadlines.ts'
import { EventIdSchema, EventSchema } from './community.ts'

import { END_OF_TIME } from './occurrences.ts'

export { DAY_MS, END_OF_TIME, firstOverlap, MAX_OCCURRENCES, occurrences, seriesEnd, WEEK_MS, type Occurrence, type Series } from './occurrences.ts'
/** Largest .ics file an import reads. */
export const MAX_ICS_BYTES = 1_000_000
/** Most events one import makes. */
export const MAX_IMPORTED_EVENTS = 200

const Time = Type.Integer({ minimum: 0, maximum: END_OF_TIME })

export const AnswerSchema = Type.Union([Type.Literal('yes'), Type.Literal('no'), Type.Literal('maybe')])
export type Answer = Static<typeof AnswerSchema>
export const AnswerBody = Type.Object({ answer: AnswerSchema }, { additionalProperties: false })

/** The room booking an event clashes with: what a 409 carries, so that a client can say it in its own time zone. */
export const ClashSchema = Type.Object({
  eventId: EventIdSchema,
  title: Type.String({ maxLength: 120 }),
  roomId: RoomIdSchema,
  roomName: Type.String({ maxLength: 200 }),
  hostName: Type.Union([Type.String({ maxLength: 200 }), Type.Null()]),
  startsAt: Time,
  endsAt: Time,
})
export type Clash = Static<typeof ClashSchema>
/** A refused booking: the message names the clash in UTC; `clash` has it in numbers. */
export const BookingConflictSchema = Type.Object({
  error: Type.String(),
  message: Type.String(),
  reason: Type.Optional(Type.String()),
  clash: Type.Optional(ClashSchema),
})

export { DaySchema, DeadlineIdSchema, DeadlineSchema, type Deadline } from './deadlines.ts'
export const DeadlinesSchema = Type.Object({ deadlines: Type.Array(DeadlineSchema, { maxItems: 2_000 }) })
export const CreateDeadlineBody = Type.Object(
  { title: Type.String({ minLength: 1, maxLength: 120, pattern: '\\S' }), day: DaySchema, companyId: Type.Optional(Type.Union([CompanyIdSchema, Type.Null()])) },
  { additionalProperties: false },
)
export type CreateDeadlineBody = Static<typeof CreateDeadlineBody>

/** A member's private feed. Its address holds the token: shown only when made (null otherwise); `active` says whether one works. */
export const FeedSchema = Type.Object({ url: Type.Union([Type.String({ maxLength: 500 }), Type.Null()]), active: Type.Boolean(), createdAt: Type.Union([Time, Type.Null()]) })
export type Feed = Static<typeof FeedSchema>

export const ImportBody = Type.Object(
  {
    /** The .ics file's text. */
    ics: Type.String({ minLength: 1, maxLength: MAX_ICS_BYTES }),
    /** The room its events take place in (an .ics LOCATION is free text, not one of our rooms). */
    roomId: RoomIdSchema,
  },
  { additionalProperties: false },
)
export type ImportBody = Static<typeof ImportBody>
/** What an import made, and how many of the file's events it left out because they had ended. */
export const ImportedSchema = Type.Object({ events: Type.Array(EventSchema, { maxItems: MAX_IMPORTED_EVENTS }), skipped: Type.Integer({ minimum: 0 }) })
