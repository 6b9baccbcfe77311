/**
 * Issue 13: the community part of the Store: interest groups, events and their RSVPs, guest links,
 * and guests' timed passes (a guest link's window, or an open event's time).
 */
import type { NewMember } from './store.ts'

export interface GroupRecord {
  id: string
  name: string
  description: string
  channelId: string
  createdBy: string | null
  createdAt: number
  members: string[]
}

export interface EventRecord {
  id: string
  title: string
  description: string
  hostId: string | null
  roomId: string
  startsAt: number
  endsAt: number
  capacity: number
  groupId: string | null
  /** Open events: the public link's code; null otherwise. */
  publicCode: string | null
  createdAt: number
  /** Who RSVPed (event guests included), earliest first. */
  attendees: string[]
  /** Issue 14: a weekly series (until: its last start; null: no end), or null. */
  repeat: { until: number | null } | null
  /** Invited members, and those who answered maybe or no (a yes is an RSVP). */
  invited: string[]
  maybe: string[]
  declined: string[]
}

type Answers = 'attendees' | 'publicCode' | 'repeat' | 'invited' | 'maybe' | 'declined'
export type NewEvent = Omit<EventRecord, Answers> & { repeat?: { until: number | null } | null; invited?: readonly string[] }

export interface GuestLinkRecord {
  id: string
  workspaceId: string
  roomId: string
  startsAt: number
  endsAt: number
  createdBy: string
  createdAt: number
  revokedAt: number | null
}

/** A guest's timed pass: one room, from `startsAt` until `endsAt`. */
export interface GuestPass {
  workspaceId: string
  memberId: string
  roomId: string
  startsAt: number
  endsAt: number
  /** Where it came from: a guest link, or an open event. */
  source: 'link' | 'event'
  sourceId: string
  /** An event guest's email, kept for the reminder. */
  email: string | null
}

export type RsvpOutcome = 'ok' | 'full' | 'ended' | 'not-found'

export interface CommunityStore {
  /** 'taken': a group of that name exists. */
  createGroup(workspaceId: string, g: Omit<GroupRecord, 'members'>): Promise<GroupRecord | 'taken'>
  getGroup(workspaceId: string, id: string): Promise<GroupRecord | null>
  listGroups(workspaceId: string): Promise<GroupRecord[]>
  /** Adds or takes out one member (again: no change); null when there is no such group. */
  setGroupMember(workspaceId: string, id: string, memberId: string, on: boolean, at: number): Promise<GroupRecord | null>

  createEvent(workspaceId: string, e: NewEvent): Promise<void>
  getEvent(workspaceId: string, id: string): Promise<EventRecord | null>
  /** Events (series) that have not ended at `now`, earliest first. */
  listEvents(workspaceId: string, now: number): Promise<EventRecord[]>
  deleteEvent(workspaceId: string, id: string): Promise<boolean>
  /** Sets (or clears) an event's public code; null when there is no such event. */
  setEventCode(workspaceId: string, id: string, code: string | null): Promise<EventRecord | null>
  /** The open event of this public code, with its workspace. */
  eventByCode(code: string): Promise<{ workspaceId: string; event: EventRecord } | null>
  /** RSVPs under the capacity, in one transaction ('full' when every seat is taken); again: 'ok', no change. */
  rsvp(workspaceId: string, eventId: string, memberId: string, now: number): Promise<RsvpOutcome>
  cancelRsvp(workspaceId: string, eventId: string, memberId: string): Promise<boolean>

  createGuestLink(codeHash: string, link: Omit<GuestLinkRecord, 'revokedAt'>): Promise<void>
  guestLinkByCode(codeHash: string): Promise<GuestLinkRecord | null>
  /** Links not revoked whose window has not ended at `now`, newest first. */
  listGuestLinks(workspaceId: string, now: number): Promise<GuestLinkRecord[]>
  revokeGuestLink(workspaceId: string, id: string, at: number): Promise<boolean>

  /**
   * Adds a guest member with their pass, in one transaction. An event pass also RSVPs them, under
   * the event's capacity: 'full' (or 'ended') adds nobody.
   */
  addGuest(member: NewMember, pass: GuestPass, at: number): Promise<'ok' | 'full' | 'ended' | 'not-found'>
  guestPass(workspaceId: string, memberId: string): Promise<GuestPass | null>
  /** Passes (of members still there) that ended at or before `now`, in every workspace. */
  endedGuestPasses(now: number): Promise<GuestPass[]>
  /** The earliest end of a pass after `now`, or null. */
  nextGuestPassEnd(now: number): Promise<number | null>
  /**
   * Claims the reminder emails due at `now`: event passes with an email, not reminded yet, whose
   * event starts after `now` and at most `leadMs` later. They are marked reminded in the same
   * statement, so that of several server instances exactly one gets each, and none ever again.
   */
  claimGuestReminders(now: number, leadMs: number): Promise<GuestPass[]>
  /** When the next unclaimed reminder falls due (its event's start less `leadMs`), or null. */
  nextGuestReminder(now: number, leadMs: number): Promise<number | null>
  /**
   * Deletes a guest's account (made for one pass, see server/community/guests.ts) once it has no
   * membership left, with its removal records: nothing of the guest lingers. Any other account: no change.
   */
  forgetGuestAccount(accountId: string): Promise<boolean>
}
