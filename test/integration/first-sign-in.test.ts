/**
 * A desk on first sign-in, and only then: a member a host left without a desk (a hot-desker) keeps
 * none when they sign in again, even after signing out; someone never seen gets a free one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Member, SignedIn } from '../../protocol/api.ts'
import { hashPassword } from '../../server/auth/passwords.ts'
import { hashSecret, newId } from '../../server/auth/tokens.ts'
import { MEMBER_PASSWORD, addMember, createWorkspace, editFloor, inviteCode, newPerson, signIn } from '../support/factories.ts'
import { httpClient, type HttpClient } from '../support/http.ts'
import { startStack, type Stack } from '../support/stack.ts'

describe('a desk on first sign-in', () => {
  let stack: Stack
  let http: HttpClient

  beforeAll(async () => {
    stack = await startStack()
    http = httpClient(stack.server.url)
  })
  afterAll(async () => {
    await stack?.stop()
  })

  const deskOf = async (host: SignedIn, id: string) =>
    (await http.get<{ members: Member[] }>(`/api/workspaces/${host.workspace.id}/members`, host.session.token)).body.members.find((m) => m.id === id)?.deskId
  const leaveWithoutDesk = (host: SignedIn, deskId: string) => editFloor(http, host, [{ op: 'desk.update', id: deskId, changes: { assigneeId: null } }])
  const signInAs = async (host: SignedIn, email: string) => {
    const res = await http.post<SignedIn>('/api/sessions', { email, password: MEMBER_PASSWORD, workspaceId: host.workspace.id })
    expect(res.status).toBe(201)
    return res.body
  }

  it('a member joining with an invite (their first sign-in) gets a free desk', async () => {
    const owner = await createWorkspace(http)
    const member = await addMember(http, owner)
    expect(member.member.deskId).toMatch(/^desk_/)
    expect(await deskOf(owner, member.member.id)).toBe(member.member.deskId)
  })

  it('a member a host left without a desk signs out, signs in again and still has none', async () => {
    const owner = await createWorkspace(http)
    const member = await addMember(http, owner)
    await leaveWithoutDesk(owner, member.member.deskId!)
    // Signing out deletes the session: what is remembered of the member must not go with it.
    expect((await http.call('DELETE', '/api/sessions/current', { token: member.session.token })).status).toBe(204)

    const again = await signIn(http, member)
    expect(again.member.deskId).toBeNull()
    expect(await deskOf(owner, member.member.id)).toBeNull()
  })

  it('someone never seen (added by an import or an older server, without a session) gets a free desk at their first sign-in, and only then', async () => {
    const owner = await createWorkspace(http)
    const person = newPerson()
    const memberId = newId('mem')
    const account = { id: newId('acc'), email: person.email, name: person.name, passwordHash: await hashPassword(person.password), colour: '#336699' }
    const joined = await stack.server.app.store.acceptInvite(hashSecret(await inviteCode(http, owner)), { memberId, role: 'member', rooms: [], account }, Date.now())
    expect(joined).toBe('ok')
    expect(await deskOf(owner, memberId)).toBeNull()

    const first = await signInAs(owner, person.email)
    expect(first.member.deskId).toMatch(/^desk_/)
    await leaveWithoutDesk(owner, first.member.deskId!)
    expect((await signInAs(owner, person.email)).member.deskId).toBeNull()
  })
})
