/** Invites in the SQLite store: kept by the hash of their code, listed and revoked by their id. */
import { toInvite, type InviteRow } from '../rows.ts'
import type { OpenInvite, Store } from '../store.ts'
import type { Connection } from './connection.ts'
import { insertMember } from './members.ts'

type InviteMethods = Pick<Store, 'createInvite' | 'getInvite' | 'listOpenInvites' | 'revokeInvite' | 'acceptInvite'>

export function inviteMethods(c: Connection): InviteMethods {
  const { sql, write } = c
  return {
    async createInvite(codeHash, i) {
      sql(`insert into invites (id, code_hash, workspace_id, role, email, rooms, created_by, created_at, expires_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(i.id, codeHash, i.workspaceId, i.role, i.email, JSON.stringify(i.rooms), i.createdBy, i.createdAt, i.expiresAt)
    },
    async getInvite(codeHash) {
      const r = sql('select * from invites where code_hash = ?').get(codeHash) as InviteRow | undefined
      return r ? toInvite(r) : null
    },
    async listOpenInvites(workspaceId, now) {
      // The creator is named only while they are a member; the code is never read here.
      const rows = sql(`select i.*, (select 1 from members m where m.workspace_id = i.workspace_id and m.id = i.created_by) as creator_here
        from invites i where i.workspace_id = ? and i.used_at is null and i.revoked_at is null and i.expires_at > ?
        order by i.created_at desc, i.id`).all(workspaceId, now) as (InviteRow & { creator_here: 1 | null })[]
      return rows.map((r): OpenInvite => {
        const { createdBy, usedAt: _used, revokedAt: _revoked, ...rest } = toInvite(r)
        return { ...rest, createdBy: r.creator_here ? createdBy : null }
      })
    },
    async revokeInvite(workspaceId, inviteId, at) {
      return write(() => {
        if (!sql('select 1 from invites where workspace_id = ? and id = ?').get(workspaceId, inviteId)) return false
        sql('update invites set revoked_at = ? where workspace_id = ? and id = ? and revoked_at is null').run(at, workspaceId, inviteId)
        return true
      })
    },
    async acceptInvite(codeHash, member, now) {
      return write((): 'ok' | 'gone' | 'revoked' | 'email-taken' | 'removed' => {
        const invite = sql('select workspace_id, created_at, used_at, expires_at, revoked_at from invites where code_hash = ?').get(codeHash) as
          | Pick<InviteRow, 'workspace_id' | 'created_at' | 'used_at' | 'expires_at' | 'revoked_at'>
          | undefined
        if (invite?.revoked_at != null) return 'revoked'
        if (!invite || invite.used_at !== null || invite.expires_at <= now) return 'gone'
        // Someone removed comes back only through an invite made after their removal completed.
        const who = 'existingId' in member.account ? { account: member.account.existingId, email: null } : { account: null, email: member.account.email }
        const removed = sql(`select 1 from member_removals where workspace_id = ? and (account_id = ? or email = ? collate nocase)
          and (completed_at is null or completed_at >= ?)`).get(invite.workspace_id, who.account, who.email, invite.created_at)
        if (removed) return 'removed'
        if ('existingId' in member.account) {
          const already = sql('select 1 from members where workspace_id = ? and account_id = ?').get(invite.workspace_id, member.account.existingId)
          if (already) return 'email-taken'
        } else if (sql('select 1 from accounts where email = ?').get(member.account.email)) {
          return 'email-taken'
        }
        sql('update invites set used_at = ? where code_hash = ?').run(now, codeHash)
        insertMember(c, invite.workspace_id, member, now)
        return 'ok'
      })
    },
  }
}
