/**
 * The server's persistence boundary. Every method is one transaction; the embedded default is
 * SQLite (sqlite/sqlite-store.ts). A shared database for several server instances implements the
 * same interface, which is why it is async although SQLite is not.
 */
import type { Role } from '../../protocol/api.ts'
import type { Attachment, ConversationKind, Message } from '../../protocol/chat.ts'
import type { OpError } from '../../protocol/floor/apply.ts'
import type { FloorOp } from '../../protocol/floor/ops.ts'
import type { Floor } from '../../protocol/floor/records.ts'
import type { AnalyticsStore } from './analytics-store.ts'
import type { CommunityStore } from './community-store.ts'
import type { WhiteboardStore } from './whiteboard-store.ts'
import type { ShelfStore } from './shelf-store.ts'
import type { CalendarStore } from './calendar-store.ts'
import type { BoardStore } from './board-store.ts'
import type { CompanyStore } from './companies-store.ts'
import type { ProfileStore } from './profiles-store.ts'

export interface WorkspaceRecord {
  id: string
  name: string
  createdAt: number
}

export interface AccountRecord {
  id: string
  email: string
  name: string
  passwordHash: string
  colour: string
}

export interface MemberRecord {
  id: string
  workspaceId: string
  accountId: string
  name: string
  email: string
  colour: string
  role: Role
  /** Rooms a guest may enter (from their invite); empty for everyone else. */
  rooms: string[]
  lastSeenAt: number | null
  /** When their removal began, while it is under way (stopped halfway); null or absent otherwise. */
  removingSince?: number | null
}

export interface SessionRecord {
  memberId: string
  workspaceId: string
  /** When it was opened: a session ends SESSION_MAX_AGE after that however active it is. */
  createdAt: number
  expiresAt: number
}

export interface InviteRecord {
  id: string
  workspaceId: string
  role: Role
  email: string | null
  rooms: string[]
  createdBy: string
  createdAt: number
  expiresAt: number
  usedAt: number | null
  revokedAt: number | null
}

export type NewInvite = Omit<InviteRecord, 'usedAt' | 'revokedAt'>

/** A member's removal from a workspace: under way while `completedAt` is null (see server/removal.ts). */
export interface RemovalRecord {
  workspaceId: string
  memberId: string
  accountId: string
  email: string
  /** Their role when the removal began: finishing it needs no new decision. */
  role: Role
  startedAt: number
  completedAt: number | null
}

/** An invite still usable (unused, unexpired, not revoked); `createdBy` is null once its creator has left. */
export type OpenInvite = Omit<InviteRecord, 'createdBy' | 'usedAt' | 'revokedAt'> & { createdBy: string | null }

/** A host's private draft of one floor. */
export interface DraftRecord {
  floorId: string
  memberId: string
  baseVersion: number
  /** The floor the ops were collected against, kept so that publishing can rebase them later. */
  base: Floor
  ops: FloorOp[]
  updatedAt: number
}

export type DraftOutcome =
  | { kind: 'saved'; draft: DraftRecord }
  | { kind: 'conflict'; currentVersion: number }
  | { kind: 'invalid'; error: OpError }
  | { kind: 'not-found' }

export interface OpsBatch {
  version: number
  batchId: string
  ops: FloorOp[]
}

export type EditOutcome =
  | { kind: 'applied'; version: number; floor: Floor; before: Floor }
  | { kind: 'duplicate'; version: number }
  | { kind: 'conflict'; currentVersion: number }
  | { kind: 'invalid'; error: OpError }
  | { kind: 'not-found' }

export interface NewMember {
  memberId: string
  role: Role
  rooms: string[]
  account: { id: string; email: string; name: string; passwordHash: string; colour: string } | { existingId: string }
}

/** Someone a host or a room's owner removed from a room: kept out until `until`, by `by` (a member id). */
export interface RoomBan {
  until: number
  by: string
}

/** A rate limit's fixed window: hits so far and when the window ends. */
export interface HitCount {
  count: number
  resetAt: number
}

/** A stored conversation: a channel, a DM, or a room chat once it has a message. */
export interface ConversationRecord {
  id: string
  kind: ConversationKind
  name: string
  private: boolean
  archived: boolean
  roomId: string | null
  createdAt: number
  createdBy: string | null
  /** Channels and DMs: who belongs (#general: nobody listed, every non-guest belongs). */
  members: string[]
  /** The workspace seq of its last change (created, archived, people changed): for catch-up. */
  seq: number
}

export type NewConversation = Omit<ConversationRecord, 'seq' | 'archived'>

export interface NewMessage {
  id: string
  conversationId: string
  authorId: string
  clientId: string
  body: string
  threadId: string | null
  createdAt: number
  mentions: string[]
  mentionsAll: boolean
  /** Attachments the author uploaded and has not posted yet. */
  attachments: string[]
}

export type PostOutcome =
  | { kind: 'posted'; message: Message; parent: Message | null }
  /** The author sent this clientId before: that message, unchanged. */
  | { kind: 'duplicate'; message: Message }
  /** The thread to reply in is not a top-level message of this conversation. */
  | { kind: 'no-thread' }
  /** An attachment that is not this author's, is posted already, or does not exist. */
  | { kind: 'bad-attachment'; id: string }

export interface AttachmentRecord extends Attachment {
  workspaceId: string
  uploaderId: string
  storageKey: string
  messageId: string | null
  createdAt: number
}

/** One reader's view of a conversation: its last message and what they have not read. */
export interface ReadState {
  lastSeq: number
  lastAt: number | null
  readSeq: number
  unread: number
  mentions: number
}

export interface ChatStore {
  /**
   * Creates a channel or DM (a room chat's row is made by its first message). 'taken': a channel of
   * that name exists. A DM whose id exists already is answered as it is (its id is its people).
   */
  createConversation(workspaceId: string, c: NewConversation): Promise<ConversationRecord | 'taken'>
  getConversation(workspaceId: string, id: string): Promise<ConversationRecord | null>
  /** Every channel, and the DMs `memberId` belongs to. */
  listConversations(workspaceId: string, memberId: string): Promise<ConversationRecord[]>
  /** Conversations changed after `since` (created, archived, people changed). */
  conversationsSince(workspaceId: string, since: number): Promise<ConversationRecord[]>
  setArchived(workspaceId: string, id: string, archived: boolean): Promise<ConversationRecord | null>
  /** Adds people (those already in stay as they are); the conversation as it is now. */
  addConversationMembers(workspaceId: string, id: string, memberIds: readonly string[], at: number): Promise<ConversationRecord | null>
  /** Takes someone out, recorded for their catch-up ('gone'); null when they were not in it. */
  removeConversationMember(workspaceId: string, id: string, memberId: string): Promise<ConversationRecord | null>
  /** Conversations `memberId` left or was taken out of after `since`. */
  departuresSince(workspaceId: string, memberId: string, since: number): Promise<string[]>

  /** Posts a message with the workspace's next seq (a reply also bumps its thread's top message). */
  postMessage(workspaceId: string, m: NewMessage): Promise<PostOutcome>
  getMessage(workspaceId: string, id: string): Promise<Message | null>
  editMessage(workspaceId: string, id: string, change: { body: string; mentions: string[]; mentionsAll: boolean; at: number }): Promise<Message | null>
  /** Empties the body, drops its reactions and attachments; deleted again: no change. */
  deleteMessage(workspaceId: string, id: string, at: number): Promise<Message | null>
  /** Adds or takes back one reaction of `memberId`; unchanged (same seq) when it already was so. */
  react(workspaceId: string, id: string, memberId: string, reaction: string, on: boolean): Promise<Message | null>
  /**
   * The newest `limit` messages posted before the message whose seq is `before` (or before seq
   * `before` when no message has it now), oldest first: top level, or the replies of `thread`.
   */
  history(workspaceId: string, conversationId: string, q: { before?: number; thread?: string | null; limit: number }): Promise<{ messages: Message[]; more: boolean }>
  /** Changes (by seq) after `since` in these conversations, oldest first, at most `limit`; `seq`: the last one looked at. */
  messagesSince(workspaceId: string, since: number, limit: number): Promise<{ messages: Message[]; seq: number; more: boolean }>
  /** The workspace's last seq. */
  chatSeq(workspaceId: string): Promise<number>
  /** Moves a read marker forward (never back). */
  setReadMarker(workspaceId: string, conversationId: string, memberId: string, seq: number): Promise<void>
  /** Read states of these conversations for `memberId` (those without a message are left out). */
  readStates(workspaceId: string, memberId: string, conversationIds: readonly string[]): Promise<Map<string, ReadState>>
  /** Messages in these conversations matching the words of `q`, newest first. */
  searchMessages(workspaceId: string, q: string, conversationIds: readonly string[], limit: number): Promise<Message[]>

  createAttachment(a: Omit<AttachmentRecord, 'messageId'>): Promise<void>
  getAttachment(workspaceId: string, id: string): Promise<AttachmentRecord | null>
  /** Who a knock has let into `roomId` and whose pass has not run out at `now` (they read its chat meanwhile). */
  roomAdmissions(workspaceId: string, roomId: string, now: number): Promise<string[]>
}

export interface Store extends ChatStore, CompanyStore, ProfileStore, CommunityStore, AnalyticsStore, BoardStore, CalendarStore, ShelfStore, WhiteboardStore {
  createWorkspace(workspace: WorkspaceRecord, owner: NewMember, floor: Floor): Promise<void>
  getWorkspace(id: string): Promise<WorkspaceRecord | null>

  findAccountByEmail(email: string): Promise<AccountRecord | null>
  updateAccount(accountId: string, changes: Partial<Pick<AccountRecord, 'name' | 'passwordHash' | 'colour'>>): Promise<void>

  /**
   * Adds a member through an invite: the invite is used up in the same transaction, or nothing
   * happens. 'removed': the account was removed from the workspace after the invite was made (or is
   * being removed); only an invite made after a removal lets someone back.
   */
  acceptInvite(codeHash: string, member: NewMember, now: number): Promise<'ok' | 'gone' | 'revoked' | 'email-taken' | 'removed'>
  /** A member; not one whose removal is under way (see beginRemoval). */
  getMember(workspaceId: string, memberId: string): Promise<MemberRecord | null>
  /** The account's memberships, without those being removed (they cannot sign in to it). */
  membersOfAccount(accountId: string): Promise<MemberRecord[]>
  /** Every member record, those being removed included: the floor may still name them until their removal completes. */
  listMembers(workspaceId: string): Promise<MemberRecord[]>
  /**
   * Changes a role; refuses ('last-owner') to leave the workspace without an owner. The member's open
   * invites their new role could not make (a host's invite of a host, anything below host) are
   * revoked in the same transaction.
   */
  setRole(workspaceId: string, memberId: string, role: Role, at: number): Promise<'ok' | 'last-owner' | 'not-found'>
  /**
   * Removes a member with their sessions, admissions and drafts, revokes their open invites, and
   * records the removal as complete at `at` (begun then too, when beginRemoval was not called).
   */
  removeMember(workspaceId: string, memberId: string, at: number): Promise<void>
  /**
   * Begins removing a member: records the removal (begun again: no change), ends their sessions and
   * revokes their open invites. From then on getMember and membersOfAccount no longer find them.
   * Null when there is no such member and no removal of theirs under way.
   */
  beginRemoval(workspaceId: string, memberId: string, at: number): Promise<RemovalRecord | null>
  /** Their removal that began and has not completed, or null. */
  pendingRemoval(workspaceId: string, memberId: string): Promise<RemovalRecord | null>
  touchMember(memberId: string, at: number): Promise<void>

  /**
   * Opens a session and counts it as seeing the member (lastSeenAt), so that a member never seen
   * is one who has never signed in nor been in the lobby, even after they sign out.
   */
  createSession(tokenHash: string, memberId: string, expiresAt: number, at: number): Promise<void>
  /** The session and its member in one read: every authenticated request starts here. */
  getSession(tokenHash: string): Promise<(SessionRecord & { member: MemberRecord }) | null>
  extendSession(tokenHash: string, expiresAt: number): Promise<void>
  deleteSession(tokenHash: string): Promise<void>
  /** Ends every session of the account in every workspace (but `except`); returns how many ended. */
  deleteSessionsOfAccount(accountId: string, except?: string): Promise<number>

  createInvite(codeHash: string, invite: NewInvite): Promise<void>
  getInvite(codeHash: string): Promise<InviteRecord | null>
  /** Invites still usable at `now`, newest first. */
  listOpenInvites(workspaceId: string, now: number): Promise<OpenInvite[]>
  /** Revokes an invite of this workspace (again: no change); false when there is none with this id. */
  revokeInvite(workspaceId: string, inviteId: string, at: number): Promise<boolean>

  listFloors(workspaceId: string): Promise<Floor[]>
  getFloor(workspaceId: string, floorId: string): Promise<Floor | null>
  /** Adds a floor after the others; 'full' when the workspace has floorLimits.maxFloors already. */
  addFloor(workspaceId: string, floor: Floor): Promise<'added' | 'full'>
  /**
   * Removes a floor with its edit log and drafts, answering the floor as it was when removed (to
   * move its people elsewhere); refuses ('last') to remove the only floor.
   */
  removeFloor(workspaceId: string, floorId: string): Promise<{ removed: Floor } | 'last' | 'not-found'>
  /** Puts the floors in this order; 'mismatch' unless `floorIds` names every floor exactly once. */
  reorderFloors(workspaceId: string, floorIds: readonly string[]): Promise<'ok' | 'mismatch'>
  /**
   * Applies a batch atomically against `baseVersion`; the op log and the floor change together.
   * `apply` also gets the workspace's other floors as the same transaction reads them, so that rules
   * across floors (ids, one desk per member) hold against concurrent edits of those floors too.
   */
  editFloor(
    workspaceId: string,
    floorId: string,
    edit: { baseVersion: number; batchId: string; ops: unknown[]; authorId: string; at: number },
    apply: (floor: Floor, ops: unknown[], others: readonly Floor[]) => { ok: true; floor: Floor; inverse: readonly FloorOp[] } | { ok: false; error: OpError },
  ): Promise<EditOutcome>
  /**
   * Batches after `since`, or 'gone' when the log no longer reaches back that far (or `since` is ahead
   * of the floor), or when its batches do not replay from `since` to the floor as it is (written by
   * an older server, refused by today's op schemas): a reader then fetches the floor instead.
   */
  opsSince(workspaceId: string, floorId: string, since: number): Promise<{ version: number; batches: OpsBatch[] } | 'gone' | null>

  getDraft(workspaceId: string, floorId: string, memberId: string): Promise<DraftRecord | null>
  /**
   * Saves a host's whole draft of a floor. `baseVersion` must be the draft's own base, or the floor's
   * current version, which (re)bases the draft on the current floor; otherwise 'conflict'. `check`
   * validates the ops against that base inside the transaction (empty ops are not checked).
   */
  putDraft(
    workspaceId: string,
    floorId: string,
    memberId: string,
    draft: { baseVersion: number; ops: unknown[]; at: number },
    check: (base: Floor, ops: unknown[]) => { ok: true } | { ok: false; error: OpError },
  ): Promise<DraftOutcome>
  deleteDraft(workspaceId: string, floorId: string, memberId: string): Promise<boolean>

  admit(workspaceId: string, roomId: string, memberId: string, until: number): Promise<void>
  isAdmitted(workspaceId: string, roomId: string, memberId: string, now: number): Promise<boolean>

  /** Keeps `memberId` out of `roomId` until `until` (a later removal replaces an earlier one). */
  banFromRoom(workspaceId: string, roomId: string, memberId: string, until: number, by: string): Promise<void>
  /** The ban keeping `memberId` out of `roomId` at `now`, or null (none, or it has ended). */
  roomBan(workspaceId: string, roomId: string, memberId: string, now: number): Promise<RoomBan | null>
  /** Brings a member on stage in a stage room (`on`), or takes them off. */
  setSpeaker(workspaceId: string, roomId: string, memberId: string, on: boolean): Promise<void>
  /**
   * A speaker left the stage room (`until`: they stay a speaker until then, for a rejoin after a
   * drop), or is back in it (null). Nothing happens to someone who is not a speaker there.
   */
  speakerAway(workspaceId: string, roomId: string, memberId: string, until: number | null): Promise<void>
  /** Whether `memberId` is on stage in `roomId` at `now`: brought on, and in the room or away for less than its grace. */
  isSpeaker(workspaceId: string, roomId: string, memberId: string, now: number): Promise<boolean>

  /**
   * Replaces who is in one media room (from LiveKit's participant list, read at `at`); returns
   * whether it changed. Those who stay keep their arrival time. A list read before the one last
   * written is older news and changes nothing, whichever server instance read it.
   */
  setOccupants(workspaceId: string, roomId: string, memberIds: readonly string[], at: number): Promise<boolean>
  /** Every occupied room of the workspace and who is in it, earliest arrival first. */
  occupancy(workspaceId: string): Promise<Record<string, string[]>>

  /** Counts one hit on a rate limit's `key` (auth/rate-limit.ts): a new window of `windowMs` opens when the last has ended. */
  countHit(key: string, windowMs: number, now: number): Promise<HitCount>
  /** The hits on `key` in its current window (none once it has ended), counting none. */
  readHits(key: string, now: number): Promise<HitCount>

  close(): void
}
