/**
 * Members and their roles in the SQLite store; a role change or a removal also revokes the invites
 * they may no longer make. A removal is recorded (member_removals) when it begins and when it
 * completes: in between, the member is out of getMember and sign-in, but still in the directory.
 */
import type { Role } from '../../../protocol/api.ts'
import type { NewMember, Store } from '../store.ts'
import { INVITABLE, notLeaving, toMemberRecord, toRemoval, type MemberRow, type RemovalRow } from '../rows.ts'
import type { Connection } from './connection.ts'

export const memberSelect = `select m.id, m.workspace_id, m.account_id, a.name, a.email, a.colour, m.role, m.rooms, m.last_seen_at,
  (select r.started_at from member_removals r where r.workspace_id = m.workspace_id and r.member_id = m.id and r.completed_at is null) as removing_since
  from members m join accounts a on a.id = m.account_id`

/** Inserts a member, and their account when it is new; the caller holds the transaction. */
export function insertMember({ sql }: Connection, workspaceId: string, m: NewMember, at: number): void {
  let accountId: string
  if ('existingId' in m.account) {
    accountId = m.account.existingId
  } else {
    accountId = m.account.id
    sql('insert into accounts (id, email, name, password_hash, colour, created_at) values (?, ?, ?, ?, ?, ?)')
      .run(accountId, m.account.email, m.account.name, m.account.passwordHash, m.account.colour, at)
  }
  sql('insert into members (id, workspace_id, account_id, role, rooms, created_at) values (?, ?, ?, ?, ?, ?)')
    .run(m.memberId, workspaceId, accountId, m.role, JSON.stringify(m.rooms), at)
}


type MemberMethods = Pick<Store, 'getMember' | 'membersOfAccount' | 'listMembers' | 'setRole' | 'removeMember' | 'beginRemoval' | 'pendingRemoval' | 'touchMember'>

export function memberMethods(c: Connection): MemberMethods {
  const { sql, write, remembered } = c
  /** Revokes the member's open invites, except those for the roles in `keep`. */
  const revokeInvitesOf = (workspaceId: string, memberId: string, at: number, keep: readonly Role[] = []) =>
    sql(`update invites set revoked_at = ? where workspace_id = ? and created_by = ? and used_at is null and revoked_at is null
      and role not in (select value from json_each(?))`).run(at, workspaceId, memberId, JSON.stringify(keep))

  const pending = (workspaceId: string, memberId: string) =>
    sql('select * from member_removals where workspace_id = ? and member_id = ? and completed_at is null').get(workspaceId, memberId) as RemovalRow | undefined
  /** Records the removal as begun at `at`, unless it is under way already; the caller holds the transaction. */
  const recordRemoval = (workspaceId: string, memberId: string, at: number): RemovalRow | undefined => {
    const under = pending(workspaceId, memberId)
    if (under) return under
    const m = sql(`${memberSelect} where m.workspace_id = ? and m.id = ?`).get(workspaceId, memberId) as MemberRow | undefined
    if (!m) return undefined
    sql('insert into member_removals (workspace_id, member_id, account_id, email, role, started_at) values (?, ?, ?, ?, ?, ?)')
      .run(workspaceId, memberId, m.account_id, m.email, m.role, at)
    return pending(workspaceId, memberId)
  }

  return {
    async getMember(workspaceId, memberId) {
      return remembered(`member:${workspaceId}:${memberId}`, () => {
        const r = sql(`${memberSelect} where m.workspace_id = ? and m.id = ? and ${notLeaving}`).get(workspaceId, memberId) as MemberRow | undefined
        return r ? toMemberRecord(r) : null
      })
    },
    async membersOfAccount(accountId) {
      return (sql(`${memberSelect} where m.account_id = ? and ${notLeaving} order by m.created_at`).all(accountId) as MemberRow[]).map(toMemberRecord)
    },
    async listMembers(workspaceId) {
      return remembered(`members:${workspaceId}`, () =>
        (sql(`${memberSelect} where m.workspace_id = ? order by a.name collate nocase`).all(workspaceId) as MemberRow[]).map(toMemberRecord),
      )
    },
    async setRole(workspaceId, memberId, role, at) {
      return write((): 'ok' | 'last-owner' | 'not-found' => {
        const current = sql('select role from members where workspace_id = ? and id = ?').pluck().get(workspaceId, memberId) as Role | undefined
        if (!current) return 'not-found'
        if (current === 'owner' && role !== 'owner') {
          const owners = sql("select count(*) from members where workspace_id = ? and role = 'owner'").pluck().get(workspaceId) as number
          if (owners <= 1) return 'last-owner'
        }
        sql('update members set role = ? where workspace_id = ? and id = ?').run(role, workspaceId, memberId)
        revokeInvitesOf(workspaceId, memberId, at, INVITABLE[role])
        return 'ok'
      })
    },
    async removeMember(workspaceId, memberId, at) {
      write(() => {
        if (!recordRemoval(workspaceId, memberId, at)) return
        sql('update member_removals set completed_at = ? where workspace_id = ? and member_id = ? and completed_at is null').run(at, workspaceId, memberId)
        revokeInvitesOf(workspaceId, memberId, at)
        // Sessions, admissions and drafts go with the member (foreign keys cascade).
        sql('delete from members where workspace_id = ? and id = ?').run(workspaceId, memberId)
      })
    },
    async beginRemoval(workspaceId, memberId, at) {
      return write(() => {
        const removal = recordRemoval(workspaceId, memberId, at)
        if (!removal) return null
        // Signed out everywhere now, and no invite of theirs lets anyone in, whatever happens next.
        sql('delete from sessions where member_id = ?').run(memberId)
        revokeInvitesOf(workspaceId, memberId, at)
        return toRemoval(removal)
      })
    },
    async pendingRemoval(workspaceId, memberId) {
      const r = pending(workspaceId, memberId)
      return r ? toRemoval(r) : null
    },
    async touchMember(memberId, at) {
      sql('update members set last_seen_at = ? where id = ?').run(at, memberId)
    },
  }
}
