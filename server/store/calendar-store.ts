/**
 * Issue 14: the calendar part of the Store, beyond community events (community-store.ts holds the
 * events themselves, with their weekly series and invites): bookings made without a clash, answers
 * (yes, no, maybe), all-day deadlines, and members' private iCalendar feeds (kept by the hash of
 * their token, like sessions: a revoked or replaced token finds nothing).
 */
import type { Answer } from '../../protocol/calendar.ts'
import type { EventRecord, NewEvent, RsvpOutcome } from './community-store.ts'

export interface DeadlineRecord {
  id: string
  title: string
  /** YYYY-MM-DD: an all-day date, the same in every time zone. */
  day: string
  /** null: the whole space. */
  companyId: string | null
  createdBy: string | null
  createdAt: number
}

export interface FeedRecord {
  workspaceId: string
  memberId: string
  createdAt: number
}

export interface CalendarStore {
  /**
   * Makes an event in a bookable room unless an occurrence of it overlaps one of another event in
   * that room that ends after `now`: check and insert in one transaction, so that of two bookings
   * racing for one slot exactly one is made. Returns the event it clashes with, or null when made.
   */
  createBooking(workspaceId: string, e: NewEvent, now: number): Promise<EventRecord | null>
  /** Yes takes a seat (an RSVP, under the capacity); no and maybe give up any seat and are kept as the answer. */
  answerEvent(workspaceId: string, eventId: string, memberId: string, answer: Answer, now: number): Promise<RsvpOutcome>

  createDeadline(workspaceId: string, d: DeadlineRecord): Promise<void>
  getDeadline(workspaceId: string, id: string): Promise<DeadlineRecord | null>
  /** Every deadline of the workspace, by day. */
  listDeadlines(workspaceId: string): Promise<DeadlineRecord[]>
  deleteDeadline(workspaceId: string, id: string): Promise<boolean>

  /** Gives the member a feed with this token's hash, replacing (so revoking) any earlier one. */
  setFeed(workspaceId: string, memberId: string, tokenHash: string, at: number): Promise<void>
  getFeed(workspaceId: string, memberId: string): Promise<FeedRecord | null>
  revokeFeed(workspaceId: string, memberId: string): Promise<boolean>
  feedByToken(tokenHash: string): Promise<FeedRecord | null>
}
