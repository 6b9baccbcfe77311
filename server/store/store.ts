/**
 * The server's persistence boundary. Every method is one transaction; the embedded default is
 * SQLite (sqlite/sqlite-store.ts). A shared database for several server instances implements the
 * same interface, which is why it is async although SQLite is not.
 */
import type { Role } from '../../protocol/api.ts'
import type { ApplyResult } from '../../protocol/floor/apply.ts'
import type { FloorOp } from '../../protocol/floor/ops.ts'
import type { Floor } from '../../protocol/floor/records.ts'

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
}

export interface SessionRecord {
  memberId: string
  workspaceId: string
  expiresAt: number
}

export interface InviteRecord {
  workspaceId: string
  role: Role
  email: string | null
  rooms: string[]
  expiresAt: number
  usedAt: number | null
}

export interface OpsBatch {
  version: number
  batchId: string
  ops: FloorOp[]
}

export type EditOutcome =
  | { kind: 'applied'; version: number; floor: Floor }
  | { kind: 'duplicate'; version: number }
  | { kind: 'conflict'; currentVersion: number }
  | { kind: 'invalid'; error: Extract<ApplyResult, { ok: false }>['error'] }
  | { kind: 'not-found' }

export interface NewMember {
  memberId: string
  role: Role
  rooms: string[]
  account: { id: string; email: string; name: string; passwordHash: string; colour: string } | { existingId: string }
}

export interface Store {
  createWorkspace(workspace: WorkspaceRecord, owner: NewMember, floor: Floor): Promise<void>
  getWorkspace(id: string): Promise<WorkspaceRecord | null>

  findAccountByEmail(email: string): Promise<AccountRecord | null>
  updateAccount(accountId: string, changes: Partial<Pick<AccountRecord, 'name' | 'passwordHash' | 'colour'>>): Promise<void>

  /** Adds a member through an invite: the invite is used up in the same transaction, or nothing happens. */
  acceptInvite(codeHash: string, member: NewMember, now: number): Promise<'ok' | 'gone' | 'email-taken'>
  getMember(workspaceId: string, memberId: string): Promise<MemberRecord | null>
  membersOfAccount(accountId: string): Promise<MemberRecord[]>
  listMembers(workspaceId: string): Promise<MemberRecord[]>
  setRole(workspaceId: string, memberId: string, role: Role): Promise<void>
  removeMember(workspaceId: string, memberId: string): Promise<void>
  touchMember(memberId: string, at: number): Promise<void>

  createSession(tokenHash: string, memberId: string, expiresAt: number): Promise<void>
  /** The session and its member in one read: every authenticated request starts here. */
  getSession(tokenHash: string): Promise<(SessionRecord & { member: MemberRecord }) | null>
  extendSession(tokenHash: string, expiresAt: number): Promise<void>
  deleteSession(tokenHash: string): Promise<void>
  deleteSessionsOfAccount(accountId: string, except?: string): Promise<void>

  createInvite(codeHash: string, invite: InviteRecord & { createdBy: string }): Promise<void>
  getInvite(codeHash: string): Promise<InviteRecord | null>

  listFloors(workspaceId: string): Promise<Floor[]>
  getFloor(workspaceId: string, floorId: string): Promise<Floor | null>
  addFloor(workspaceId: string, floor: Floor): Promise<void>
  /** Removes a floor and its edit log; refuses ('last') to remove the only floor. */
  removeFloor(workspaceId: string, floorId: string): Promise<'removed' | 'last' | 'not-found'>
  /** Applies a batch atomically against `baseVersion`; the op log and the floor change together. */
  editFloor(
    workspaceId: string,
    floorId: string,
    edit: { baseVersion: number; batchId: string; ops: unknown[]; authorId: string; at: number },
    apply: (floor: Floor, ops: unknown[]) => { ok: true; floor: Floor } | Extract<ApplyResult, { ok: false }>,
  ): Promise<EditOutcome>
  /** Batches after `since`, or 'gone' when the log no longer reaches back that far (or `since` is ahead of the floor). */
  opsSince(workspaceId: string, floorId: string, since: number): Promise<{ version: number; batches: OpsBatch[] } | 'gone' | null>

  admit(workspaceId: string, roomId: string, memberId: string, until: number): Promise<void>
  isAdmitted(workspaceId: string, roomId: string, memberId: string, now: number): Promise<boolean>

  /** Replaces who is in one media room (from LiveKit's participant list); returns whether it changed. */
  setOccupants(workspaceId: string, roomId: string, memberIds: readonly string[], at: number): Promise<boolean>
  /** Every occupied room of the workspace and who is in it. */
  occupancy(workspaceId: string): Promise<Record<string, string[]>>

  /** Records a sign-in attempt under `key` and returns how many happened since `since`. */
  countAttempt(key: string, now: number, since: number): Promise<number>

  close(): void
}
