/**
 * The actions of the People and invites view, over the HTTP client. Members the server answers
 * go to the floor store (the one owner of the directory), so the whole app sees a role change or a
 * removal at once; invites belong to this view alone and are returned, not stored.
 */
import type { CreateInviteBody, Invite, InviteSummary, Member, Role } from '../../protocol/api.ts'
import type { Api } from '../services/api.ts'

export interface PeopleAdminDeps {
  api: Api
  workspaceId: string
  meId: string
  setMembers(members: Member[]): void
  /** Called with the viewer's own record: handing over ownership changes the viewer's role too. */
  setMe(me: Member): void
}

export interface PeopleAdmin {
  refreshMembers(): Promise<void>
  invites(): Promise<InviteSummary[]>
  createInvite(body: CreateInviteBody): Promise<Invite>
  revokeInvite(inviteId: string): Promise<void>
  setRole(memberId: string, role: Role): Promise<void>
  removeMember(memberId: string): Promise<void>
}

export function createPeopleAdmin({ api, workspaceId, meId, setMembers, setMe }: PeopleAdminDeps): PeopleAdmin {
  const refreshMembers = async () => {
    const members = await api.members(workspaceId)
    setMembers(members)
    const me = members.find((m) => m.id === meId)
    if (me) setMe(me)
  }
  return {
    refreshMembers,
    invites: () => api.listInvites(workspaceId),
    createInvite: (body) => api.createInvite(workspaceId, body),
    revokeInvite: (inviteId) => api.revokeInvite(workspaceId, inviteId),
    // The server may change more than the one record (a new owner demotes the old one; a removal
    // frees desks), so the directory is read again rather than patched here.
    async setRole(memberId, role) {
      await api.setRole(workspaceId, memberId, role)
      await refreshMembers()
    },
    async removeMember(memberId) {
      try {
        await api.removeMember(workspaceId, memberId)
      } finally {
        // A removal that stopped halfway changed the directory too: it shows them as being removed.
        await refreshMembers().catch(() => undefined)
      }
    },
  }
}
