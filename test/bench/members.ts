/**
 * Members for the simulated crowd, made through the public API as a host's script would (invite,
 * then accept): the server shows anyone who is not a member out of the lobby, and each accepted
 * member gets a desk on the floor, as in a real office.
 */
import type { SignedIn } from '../../protocol/api.ts'
import type { HttpClient } from '../support/http.ts'

export interface BenchMember {
  id: string
  name: string
  /** Their session token, to call the API as them. */
  token: string
}

export const simName = (i: number) => `Sim ${String(i).padStart(3, '0')}`

/** Adds `count` members named "Sim 000"…, `concurrency` at a time (each accept hashes a password). */
export async function addMembers(http: HttpClient, owner: SignedIn, count: number, concurrency = 4): Promise<BenchMember[]> {
  const members: BenchMember[] = new Array(count)
  let next = 0
  const tag = Date.now().toString(36)
  const worker = async () => {
    while (next < count) {
      const i = next++
      const invite = await http.post<{ code: string }>(`/api/workspaces/${owner.workspace.id}/invites`, { role: 'member' }, owner.session.token)
      if (invite.status !== 201) throw new Error(`invite: ${invite.status} ${JSON.stringify(invite.body)}`)
      const name = simName(i)
      const res = await http.post<SignedIn>(`/api/invites/${invite.body.code}/accept`, { name, email: `sim-${i}-${tag}@example.com`, password: 'sim-password' })
      if (res.status !== 201) throw new Error(`accept: ${res.status} ${JSON.stringify(res.body)}`)
      members[i] = { id: res.body.member.id, name, token: res.body.session.token }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  return members
}
