/** Builds workspaces and members through the public API, the way a host would. */
import type { SignedIn } from '../../protocol/api.ts'
import type { HttpClient } from './http.ts'

let counter = 0
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`

export async function createWorkspace(http: HttpClient, name = 'Acme'): Promise<SignedIn> {
  const id = unique()
  const res = await http.post<SignedIn>('/api/workspaces', { name, owner: { name: `Owner ${id}`, email: `owner-${id}@example.com`, password: 'owner-password' } })
  if (res.status !== 201) throw new Error(`create workspace: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body
}

/** Invites and signs up a member with `role` into the owner's workspace. */
export async function addMember(http: HttpClient, owner: SignedIn, role: 'host' | 'member' | 'guest' = 'member', rooms?: string[]): Promise<SignedIn> {
  const id = unique()
  const invite = await http.post<{ code: string }>(`/api/workspaces/${owner.workspace.id}/invites`, { role, ...(rooms ? { rooms } : {}) }, owner.session.token)
  if (invite.status !== 201) throw new Error(`invite: ${invite.status} ${JSON.stringify(invite.body)}`)
  const res = await http.post<SignedIn>(`/api/invites/${invite.body.code}/accept`, { name: `${role} ${id}`, email: `${role}-${id}@example.com`, password: 'member-password' })
  if (res.status !== 201) throw new Error(`accept: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body
}
