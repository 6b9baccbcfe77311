/**
 * Members and their roles in the PostgreSQL store; a role change or a removal also revokes the
 * invites they may no longer make. A removal is recorded (member_removals) when it begins and when
 * it completes: in between, the member is out of getMember and sign-in, but still in the directory.
 * Every change decides under its workspace's lock (connection.ts).
 */
import type { Role } from '../../../protocol/api.ts'
import type { NewMember, Store } from '../store.ts'
import { INVITABLE, notLeaving, toMemberRecord, toRemoval, type MemberRow, type RemovalRow } from '../rows.ts'
import { lockKey, type Connection, type Sql } from './connection.ts'

export const memberColumns = 'm.id, m.workspace_id, m.account_id, a.name, a.email, a.colour, m.role, m.rooms, m.last_seen_at'
const memberSelect = `select ${memberColumns},
  (select r.started_at from member_removals r where r.workspace_id = m.workspace_id and r.member_id = m.id and r.completed_at is null) as removing_since
  from members m join accounts a on a.id = m.account_id`

/** The lock keys a transaction inserting `m` takes besides its workspace's: a new account's email is unique across workspaces. */
export const memberLocks = (m: NewMember): string[] => ('existingId' in m.account ? [] : [lockKey.email(m.account.email)])

/** Inserts a member, and their account when it is new; the caller holds the transaction and memberLocks(m). */
export async function insertMember(sql: Sql, workspaceId: string, m: NewMember, at: number): Promise<void> {
  let accountId: string
  if ('existingId' in m.account) {
    accountId = m.account.existingId
  } else {
    accountId = m.account.id
    await sql.run('insert into accounts (id, email, name, password_hash, colour, created_at) values ($1, $2, $3, $4, $5, $6)', [
      accountId, m.account.email, m.account.name, m.account.passwordHash, m.account.colour, at,
    ])
  }
  await sql.run('insert into members (id, workspace_id, account_id, role, rooms, created_at) values ($1, $2, $3, $4, $5, $6)', [
    m.memberId, workspaceId, accountId, m.role, JSON.stringify(m.rooms), at,
  ])
}

const removalColumns = 'workspace_id, member_id, account_id, email, role, started_at, completed_at'

type MemberMethods = Pick<Store, 'getMember' | 'membersOfAccount' | 'listMembers' | 'setRole' | 'removeMember' | 'beginRemoval' | 'pendingRemoval' | 'touchMember'>

/** Revokes the member's open invites, except those for the roles in `keep`. */
const revokeInvitesOf = (sql: Sql, workspaceId: string, memberId: string, at: number, keep: readonly Role[] = []) =>
  sql.run(`update invites set revoked_at = $1 where workspace_id = $2 and created_by = $3 and used_at is null and revoked_at is null
    and role <> all($4::text[])`, [at, workspaceId, memberId, keep])

const pending = (sql: Sql, workspaceId: string, memberId: string) =>
  sql.one<RemovalRow>(`select ${removalColumns} from member_removals where workspace_id = $1 and member_id = $2 and completed_at is null`, [workspaceId, memberId])

/** Records the removal as begun at `at`, unless it is under way already; the caller holds the workspace's lock. */
async function recordRemoval(sql: Sql, workspaceId: string, memberId: string, at: number): Promise<RemovalRow | undefined> {
  const under = await pending(sql, workspaceId, memberId)
  if (under) return under
  const m = await sql.one<MemberRow>(`${memberSelect} where m.workspace_id = $1 and m.id = $2`, [workspaceId, memberId])
  if (!m) return undefined
  return sql.one<RemovalRow>(`insert into member_removals (workspace_id, member_id, account_id, email, role, started_at) values ($1, $2, $3, $4, $5, $6)
    returning ${removalColumns}`, [workspaceId, memberId, m.account_id, m.email, m.role, at])
}

export function memberMethods(c: Connection): MemberMethods {
  return {
    async getMember(workspaceId, memberId) {
      const r = await c.one<MemberRow>(`${memberSelect} where m.workspace_id = $1 and m.id = $2 and ${notLeaving}`, [workspaceId, memberId])
      return r ? toMemberRecord(r) : null
    },
    async membersOfAccount(accountId) {
      return (await c.rows<MemberRow>(`${memberSelect} where m.account_id = $1 and ${notLeaving} order by m.created_at, m.id`, [accountId])).map(toMemberRecord)
    },
    async listMembers(workspaceId) {
      // SQLite's `collate nocase` order: case folded, then byte order whatever the database's locale.
      const rows = await c.rows<MemberRow>(`${memberSelect} where m.workspace_id = $1 order by lower(a.name) collate "C", m.created_at, m.id`, [workspaceId])
      return rows.map(toMemberRecord)
    },
    async setRole(workspaceId, memberId, role, at) {
      return c.tx(async (sql): Promise<'ok' | 'last-owner' | 'not-found'> => {
        await sql.lock(lockKey.workspace(workspaceId))
        const current = (await sql.one<{ role: Role }>('select role from members where workspace_id = $1 and id = $2', [workspaceId, memberId]))?.role
        if (!current) return 'not-found'
        if (current === 'owner' && role !== 'owner') {
          const owners = await sql.one<{ n: number }>("select count(*) as n from members where workspace_id = $1 and role = 'owner'", [workspaceId])
          if (owners!.n <= 1) return 'last-owner'
        }
        await sql.run('update members set role = $1 where workspace_id = $2 and id = $3', [role, workspaceId, memberId])
        await revokeInvitesOf(sql, workspaceId, memberId, at, INVITABLE[role])
        return 'ok'
      })
    },
    async removeMember(workspaceId, memberId, at) {
      await c.tx(async (sql) => {
        await sql.lock(lockKey.workspace(workspaceId))
        if (!(await recordRemoval(sql, workspaceId, memberId, at))) return
        await sql.run('update member_removals set completed_at = $1 where workspace_id = $2 and member_id = $3 and completed_at is null', [at, workspaceId, memberId])
        await revokeInvitesOf(sql, workspaceId, memberId, at)
        // Sessions, admissions and drafts go with the member (foreign keys cascade).
        await sql.run('delete from members where workspace_id = $1 and id = $2', [workspaceId, memberId])
      })
    },
    async beginRemoval(workspaceId, memberId, at) {
      return c.tx(async (sql) => {
        await sql.lock(lockKey.workspace(workspaceId))
        const removal = await recordRemoval(sql, workspaceId, memberId, at)
        if (!removal) return null
        // Signed out everywhere now, and no invite of theirs lets anyone in, whatever happens next.
        await sql.run('delete from sessions where member_id = $1', [memberId])
        await revokeInvitesOf(sql, workspaceId, memberId, at)
        return toRemoval(removal)
      })
    },
    async pendingRemoval(workspaceId, memberId) {
      const r = await pending(c, workspaceId, memberId)
      return r ? toRemoval(r) : null
    },
    async touchMember(memberId, at) {
      await c.run('update members set last_seen_at = $1 where id = $2', [at, memberId])
    },
  }
}
