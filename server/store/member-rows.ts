/**
 * What both stores share about members, whatever their SQL: the rule of which roles a role may
 * invite (a role change revokes the open invites beyond it), the row of a removal and its record,
 * and the condition that a member row is not being removed (standard SQL, the same in both).
 */
import type { Role } from '../../protocol/api.ts'
import type { RemovalRecord } from './store.ts'

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
