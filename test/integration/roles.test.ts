/**
 * Who may change whose role, on the real server: owners make owners and hosts and change anyone;
 * hosts move members and guests between those two roles and remove them; nobody but an owner
 * changes their own role, and the last owner cannot step down. Every refusal is a 403 that says why.
 */
import { afterAll, beforeAll, describe, expect, it, test } from 'vitest'
import type { Member, Role, SignedIn } from '../../protocol/api.ts'
import { addMember, createWorkspace, newPerson } from '../support/factories.ts'
import { httpClient, type HttpClient } from '../support/http.ts'
import { startStack, type Stack } from '../support/stack.ts'

type Actor = 'owner' | 'host' | 'member' | 'guest'

describe('roles', () => {
  let stack: Stack
  let http: HttpClient
  let owner: SignedIn
  let host: SignedIn
  let member: SignedIn
  let guest: SignedIn

  beforeAll(async () => {
    stack = await startStack()
    http = httpClient(stack.server.url)
    owner = await createWorkspace(http)
    host = await addMember(http, owner, 'host')
    member = await addMember(http, owner)
    guest = await addMember(http, owner, 'guest', ['room_meeting'])
  })
  afterAll(async () => {
    await stack?.stop()
  })

  const actors = () => ({ owner, host, member, guest })
  const setRole = (by: SignedIn, id: string, role: Role) =>
    http.call<Member & { message?: string }>('PATCH', `/api/workspaces/${owner.workspace.id}/members/${id}`, { token: by.session.token, body: { role } })
  const roleOf = async (id: string) => (await http.get<{ members: Member[] }>(`/api/workspaces/${owner.workspace.id}/members`, owner.session.token)).body.members.find((m) => m.id === id)?.role
  /** A fresh person with `role`, so that each cell changes someone nobody else touches. */
  const subject = async (role: Exclude<Role, 'owner'>) => (await addMember(http, owner, role, role === 'guest' ? ['room_meeting'] : undefined)).member.id

  // [who acts, the subject's role, the new role, allowed]
  test.each<[Actor, Exclude<Role, 'owner'>, Role, boolean]>([
    ['owner', 'member', 'owner', true],
    ['owner', 'member', 'host', true],
    ['owner', 'host', 'member', true],
    ['owner', 'host', 'guest', true],
    ['owner', 'guest', 'host', true],
    ['host', 'member', 'guest', true],
    ['host', 'guest', 'member', true],
    ['host', 'member', 'host', false],
    ['host', 'member', 'owner', false],
    ['host', 'guest', 'host', false],
    ['host', 'host', 'member', false],
    ['host', 'host', 'guest', false],
    ['member', 'member', 'guest', false],
    ['member', 'guest', 'member', false],
    ['guest', 'member', 'guest', false],
  ])('%s changing a %s into a %s → allowed: %s', async (actor, from, to, allowed) => {
    const id = await subject(from)
    const res = await setRole(actors()[actor], id, to)
    if (allowed) {
      expect(res.status, JSON.stringify(res.body)).toBe(200)
      expect(res.body).toMatchObject({ id, role: to })
      expect(await roleOf(id)).toBe(to)
    } else {
      expect(res.status).toBe(403)
      expect(res.body.message).toEqual(expect.any(String))
      expect(await roleOf(id)).toBe(from)
    }
  })

  it("an owner changes another owner's role; a host cannot", async () => {
    const second = await subject('member')
    expect((await setRole(owner, second, 'owner')).status).toBe(200)
    const refused = await setRole(host, second, 'member')
    expect([refused.status, refused.body.message]).toEqual([403, 'only an owner changes the role of an owner'])
    expect((await setRole(owner, second, 'host')).status).toBe(200)
    expect(await roleOf(second)).toBe('host')
  })

  it('nobody changes their own role, except an owner while another owner remains', async () => {
    for (const who of [host, member]) {
      const res = await setRole(who, who.member.id, who === host ? 'owner' : 'host')
      expect(res.status).toBe(403)
    }
    expect((await setRole(host, host.member.id, 'member')).body.message).toBe('you cannot change your own role; ask an owner')

    // The only owner cannot step down…
    const other = await createWorkspace(http, 'Two owners')
    const alone = await http.call<{ message: string }>('PATCH', `/api/workspaces/${other.workspace.id}/members/${other.member.id}`, { token: other.session.token, body: { role: 'host' } })
    expect([alone.status, alone.body.message]).toEqual([403, 'the last owner cannot step down; make someone else owner first'])

    // …until there is another owner; then the new owner is the last one.
    const heir = await addMember(http, other, 'host')
    expect((await http.call('PATCH', `/api/workspaces/${other.workspace.id}/members/${heir.member.id}`, { token: other.session.token, body: { role: 'owner' } })).status).toBe(200)
    const stepDown = await http.call<Member>('PATCH', `/api/workspaces/${other.workspace.id}/members/${other.member.id}`, { token: other.session.token, body: { role: 'host' } })
    expect([stepDown.status, stepDown.body.role]).toEqual([200, 'host'])
    const last = await http.call('PATCH', `/api/workspaces/${other.workspace.id}/members/${heir.member.id}`, { token: heir.session.token, body: { role: 'member' } })
    expect(last.status).toBe(403)
  })

  it('a guest made a member gets a free desk, as a member joining does', async () => {
    const office = await createWorkspace(http, 'Desks to spare')
    const visitor = await addMember(http, office, 'guest', ['room_meeting'])
    const path = `/api/workspaces/${office.workspace.id}/members`
    const before = await http.get<{ members: Member[] }>(path, office.session.token)
    expect(before.body.members.find((m) => m.id === visitor.member.id)?.deskId).toBeNull()
    const res = await http.call<Member>('PATCH', `${path}/${visitor.member.id}`, { token: office.session.token, body: { role: 'member' } })
    expect(res.body.deskId).toMatch(/^desk_/)
  })

  it('an owner made a host loses the invites only an owner makes (of hosts); made a member, all of them', async () => {
    const office = await createWorkspace(http, 'Two owners inviting')
    const second = await addMember(http, office, 'host')
    const path = `/api/workspaces/${office.workspace.id}/members/${second.member.id}`
    const promote = (role: Role) => http.call('PATCH', path, { token: office.session.token, body: { role } })
    expect((await promote('owner')).status).toBe(200)
    const invite = async (role: 'host' | 'member') =>
      (await http.post<{ id: string; code: string }>(`/api/workspaces/${office.workspace.id}/invites`, { role }, second.session.token)).body
    const [ofHost, ofMember, ofMemberToo] = [await invite('host'), await invite('member'), await invite('member')]
    const open = async () => (await http.get<{ invites: { id: string }[] }>(`/api/workspaces/${office.workspace.id}/invites`, office.session.token)).body.invites.map((i) => i.id).sort()
    const accept = (code: string) => http.post<{ message: string }>(`/api/invites/${code}/accept`, newPerson())

    expect((await promote('host')).status).toBe(200)
    expect(await open()).toEqual([ofMember.id, ofMemberToo.id].sort())
    const refused = await accept(ofHost.code)
    expect([refused.status, refused.body.message]).toEqual([410, expect.stringMatching(/revoked/)])
    expect((await accept(ofMember.code)).status).toBe(201)

    expect((await promote('member')).status).toBe(200)
    expect(await open()).toEqual([])
    expect((await accept(ofMemberToo.code)).status).toBe(410)
  })

  it('hosts remove members and guests, only an owner removes a host, and nobody removes an owner', async () => {
    const remove = (by: SignedIn, id: string) => http.call<{ message: string }>('DELETE', `/api/workspaces/${owner.workspace.id}/members/${id}`, { token: by.session.token })
    expect((await remove(host, await subject('member'))).status).toBe(204)
    expect((await remove(host, await subject('guest'))).status).toBe(204)
    // Hosts are made by owners: an owner invites this one.
    const otherHost = (await addMember(http, owner, 'host')).member.id
    const refused = await remove(host, otherHost)
    expect([refused.status, refused.body.message]).toEqual([403, 'only an owner removes a host'])
    expect(await roleOf(otherHost)).toBe('host')
    expect((await remove(owner, otherHost)).status).toBe(204)
    expect(await roleOf(otherHost)).toBeUndefined()
    expect((await remove(host, owner.member.id)).status).toBe(403)
    expect((await remove(member, await subject('guest'))).status).toBe(403)
  })
})
