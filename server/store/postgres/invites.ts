/**
 * Invites in the PostgreSQL store: kept by the hash of their code, listed and revoked by their id.
 * Accepting one decides under its workspace's lock (and a new account's email's), so that an invite
 * is used once however many server instances accept it at the same moment.
 */
import { toInvite, type InviteRow } from '../rows.ts'
import type { OpenInvite, Store } from '../store.ts'
import { lockKey, type Connection } from './connection.ts'
import { insertMember, memberLocks } from './members.ts'

const inviteColumns = 'i.id, i.workspace_id, i.role, i.email, i.rooms, i.created_by, i.created_at, i.expires_at, i.used_at, i.revoked_at'

type InviteMethods = Pick<Store, 'createInvite' | 'getInvite' | 'listOpenInvites' | 'revokeInvite' | 'acceptInvite'>

export function inviteMethods(c: Connection): InviteMethods {
  return {
    async createInvite(codeHash, i) {
      await c.run(`insert into invites (id, code_hash, workspace_id, role, email, rooms, created_by, created_at, expires_at)
        values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, [i.id, codeHash, i.workspaceId, i.role, i.email, JSON.stringify(i.rooms), i.createdBy, i.createdAt, i.expiresAt])
    },
    async getInvite(codeHash) {
      const r = await c.one<InviteRow>(`select ${inviteColumns} from invites i where i.code_hash = $1`, [codeHash])
      return r ? toInvite(r) : null
    },
    async listOpenInvites(workspaceId, now) {
      // The creator is named only while they are a member; the code is never read here.
      const rows = await c.rows<InviteRow & { creator_here: boolean }>(`select ${inviteColumns},
          exists (select 1 from members m where m.workspace_id = i.workspace_id and m.id = i.created_by) as creator_here
        from invites i where i.workspace_id = $1 and i.used_at is null and i.revoked_at is null and i.expires_at > $2
        order by i.created_at desc, i.id collate "C"`, [workspaceId, now])
      return rows.map((r): OpenInvite => {
        const { createdBy, usedAt: _used, revokedAt: _revoked, ...rest } = toInvite(r)
        return { ...rest, createdBy: r.creator_here ? createdBy : null }
      })
    },
    async revokeInvite(workspaceId, inviteId, at) {
      return c.tx(async (sql) => {
        await sql.lock(lockKey.workspace(workspaceId))
        if (!(await sql.one('select 1 from invites where workspace_id = $1 and id = $2', [workspaceId, inviteId]))) return false
        await sql.run('update invites set revoked_at = $1 where workspace_id = $2 and id = $3 and revoked_at is null', [at, workspaceId, inviteId])
        return true
      })
    },
    async acceptInvite(codeHash, member, now) {
      return c.tx(async (sql): Promise<'ok' | 'gone' | 'revoked' | 'email-taken' | 'removed'> => {
        // An invite's workspace never changes: read it to know which lock to wait for, then read the rest after.
        const of = await sql.one<{ workspace_id: string }>('select workspace_id from invites where code_hash = $1', [codeHash])
        if (!of) return 'gone'
        await sql.lock(lockKey.workspace(of.workspace_id), ...memberLocks(member))
        const invite = await sql.one<Pick<InviteRow, 'workspace_id' | 'created_at' | 'used_at' | 'expires_at' | 'revoked_at'>>(
          'select workspace_id, created_at, used_at, expires_at, revoked_at from invites where code_hash = $1', [codeHash])
        if (invite?.revoked_at != null) return 'revoked'
        if (!invite || invite.used_at !== null || invite.expires_at <= now) return 'gone'
        // Someone removed comes back only through an invite made after their removal completed.
        const who = 'existingId' in member.account ? { account: member.account.existingId, email: null } : { account: null, email: member.account.email }
        const removed = await sql.one(`select 1 from member_removals where workspace_id = $1 and (account_id = $2 or lower(email) = lower($3))
          and (completed_at is null or completed_at >= $4)`, [invite.workspace_id, who.account, who.email, invite.created_at])
        if (removed) return 'removed'
        if ('existingId' in member.account) {
          const already = await sql.one('select 1 from members where workspace_id = $1 and account_id = $2', [invite.workspace_id, member.account.existingId])
          if (already) return 'email-taken'
        } else if (await sql.one('select 1 from accounts where lower(email) = lower($1)', [member.account.email])) {
          return 'email-taken'
        }
        await sql.run('update invites set used_at = $1 where code_hash = $2', [now, codeHash])
        await insertMember(sql, invite.workspace_id, member, now)
        return 'ok'
      })
    },
  }
}
