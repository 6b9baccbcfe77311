/**
 * What both stores share, whatever their SQL: the rows they read (the same columns in both
 * schemas) and the records made of them, the rule of which roles a role may invite (a role change
 * revokes the open invites beyond it), and the condition that a member row is not being removed
 * (standard SQL, the same in both).
 */
import type { Role } from '../../protocol/api.ts'
import type { FloorOp } from '../../protocol/floor/ops.ts'
import type { Floor } from '../../protocol/floor/records.ts'
import type { DraftRecord, InviteRecord, MemberRecord, RemovalRecord } from './store.ts'

export interface MemberRow {
  id: string
  workspace_id: string
  account_id: string
  name: string
  email: string
  colour: string
  role: Role
  rooms: string
  last_seen_at: number | null
  /** Only in rows read with the removal's start (the directory's). */
  removing_since?: number | null
}

export const toMemberRecord = (r: MemberRow): MemberRecord => ({
  id: r.id,
  workspaceId: r.workspace_id,
  accountId: r.account_id,
  name: r.name,
  email: r.email,
  colour: r.colour,
  role: r.role,
  rooms: JSON.parse(r.rooms) as string[],
  lastSeenAt: r.last_seen_at,
  ...(r.removing_since !== undefined ? { removingSince: r.removing_since } : {}),
})

export interface InviteRow {
  id: string
  workspace_id: string
  role: Role
  email: string | null
  rooms: string
  created_by: string
  created_at: number
  expires_at: number
  used_at: number | null
  revoked_at: number | null
}

export const toInvite = (r: InviteRow): InviteRecord => ({
  id: r.id,
  workspaceId: r.workspace_id,
  role: r.role,
  email: r.email,
  rooms: JSON.parse(r.rooms) as string[],
  createdBy: r.created_by,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  usedAt: r.used_at,
  revokedAt: r.revoked_at,
})

export interface DraftRow {
  floor_id: string
  member_id: string
  base_version: number
  base_doc: string
  ops: string
  updated_at: number
}

export const toDraft = (r: DraftRow): DraftRecord => ({
  floorId: r.floor_id,
  memberId: r.member_id,
  baseVersion: r.base_version,
  base: JSON.parse(r.base_doc) as Floor,
  ops: JSON.parse(r.ops) as FloorOp[],
  updatedAt: r.updated_at,
})

/** The roles each role may invite (routes/invites.ts): open invites beyond a new role's are revoked with the change. */
export const INVITABLE: Record<Role, readonly Role[]> = { owner: ['host', 'member', 'guest'], host: ['member', 'guest'], member: [], guest: [] }

export interface RemovalRow {
  workspace_id: string
  member_id: string
  account_id: string
  email: string
  role: Role
  started_at: number
  completed_at: number | null
}

export const toRemoval = (r: RemovalRow): RemovalRecord => ({
  workspaceId: r.workspace_id,
  memberId: r.member_id,
  accountId: r.account_id,
  email: r.email,
  role: r.role,
  startedAt: r.started_at,
  completedAt: r.completed_at,
})

/** `m` (a member row) is not being removed. */
export const notLeaving = 'not exists (select 1 from member_removals r where r.workspace_id = m.workspace_id and r.member_id = m.id and r.completed_at is null)'
