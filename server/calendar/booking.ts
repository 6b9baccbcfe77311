/**
 * Room bookings (issue 14): an event in a room hosts marked bookable is a booking, made only when
 * none of its occurrences overlaps another event of that room (the store checks and inserts in one
 * transaction). A refusal names the clash: in the message in UTC, said so, since the server knows
 * no one's time zone; and in numbers (`clash`), which a client says in its own.
 */
import type { FastifyInstance } from 'fastify'
import { firstOverlap, type Clash } from '../../protocol/calendar.ts'
import { errorCodes, type ErrorBody } from '../../protocol/errors.ts'
import type { Room } from '../../protocol/floor/records.ts'
import { MAX_MEMBER_EVENTS } from '../../protocol/community.ts'
import { atLeast } from '../../protocol/rules.ts'
import { conflict, HttpError } from '../http-error.ts'
import type { MemberRecord } from '../store/store.ts'
import type { EventRecord, NewEvent } from '../store/community-store.ts'

/** The room of this workspace, or null. */
export async function roomOf(app: FastifyInstance, ws: string, roomId: string): Promise<Room | null> {
  const floors = await app.store.listFloors(ws)
  return floors.flatMap((f) => f.rooms).find((r) => r.id === roomId) ?? null
}

const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16)

/** "Meeting room is booked 14:00–15:00 UTC by Ada Lovelace (Standup)". */
export const clashMessage = (c: Clash) => `${c.roomName} is booked ${hhmm(c.startsAt)}–${hhmm(c.endsAt)} UTC by ${c.hostName ?? 'someone'} (${c.title})`

/** The 409 of a booking that clashes with `theirs`, naming its occurrence that overlaps `mine`. */
export async function clashError(app: FastifyInstance, ws: string, room: Room, mine: NewEvent, theirs: EventRecord, now: number): Promise<HttpError> {
  const overlap = firstOverlap(mine, theirs, now)
  const when = overlap?.theirs ?? { startsAt: theirs.startsAt, endsAt: theirs.endsAt }
  const host = theirs.hostId ? await app.store.getMember(ws, theirs.hostId) : null
  const clash: Clash = { eventId: theirs.id, title: theirs.title, roomId: room.id, roomName: room.name, hostName: host?.name ?? null, ...when }
  // The body carries `clash` beside the usual fields: the route's 409 schema (BookingConflictSchema) declares it.
  return new HttpError(409, { error: errorCodes.conflict, message: clashMessage(clash), reason: 'booked', clash } as ErrorBody)
}

/**
 * Refuses (409) a member who is not a host `adding` events beyond MAX_MEMBER_EVENTS upcoming ones
 * of their own: the list everyone reads holds the soonest MAX_LISTED_EVENTS, which one member in
 * a loop would otherwise fill.
 */
export async function checkEventQuota(app: FastifyInstance, ws: string, member: MemberRecord, adding: number): Promise<void> {
  if (atLeast(member.role, 'host')) return
  const mine = (await app.store.listEvents(ws, app.now())).filter((e) => e.hostId === member.id).length
  if (mine + adding > MAX_MEMBER_EVENTS) throw conflict(`you have ${mine} upcoming events; a member has at most ${MAX_MEMBER_EVENTS} (a host can make more)`)
}

/** Makes the event: as a booking in a bookable room (409 on a clash), as a plain event elsewhere. */
export async function makeEvent(app: FastifyInstance, ws: string, room: Room, e: NewEvent): Promise<void> {
  if (!room.bookable) return app.store.createEvent(ws, e)
  const now = app.now()
  const theirs = await app.store.createBooking(ws, e, now)
  if (theirs) throw await clashError(app, ws, room, e, theirs, now)
}
