/**
 * All-day deadlines of the calendar (issue 14), for a company or the whole space: apart from
 * calendar.ts so that the community notices (community.ts, which calendar.ts imports) carry them too.
 */
import Type, { type Static } from 'typebox'
import { CompanyIdSchema, MemberIdSchema } from './floor/records.ts'

const Time = Type.Integer({ minimum: 0, maximum: 8_640_000_000_000 })

export const DeadlineIdSchema = Type.String({ pattern: '^dl_[A-Za-z0-9_-]{1,48}$', maxLength: 64 })
/** A calendar day, as iCalendar and <input type="date"> write it. */
export const DaySchema = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$' })
export const DeadlineSchema = Type.Object({
  id: DeadlineIdSchema,
  title: Type.String({ maxLength: 120 }),
  day: DaySchema,
  /** The company it is for; null: the whole space. */
  companyId: Type.Union([CompanyIdSchema, Type.Null()]),
  createdBy: Type.Union([MemberIdSchema, Type.Null()]),
  createdAt: Time,
})
export type Deadline = Static<typeof DeadlineSchema>
