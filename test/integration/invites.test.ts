/**
 * Invites as hosts manage them over HTTP, on the real server with a clock the test moves: open
 * invites listed without their codes, revoked by id (a revoked link answers 410), revoked
 * with their maker when the maker is demoted or removed, and refused (403) to someone removed
 * after the invite was made.
 */
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Invite, InviteSummary, SignedIn } from '../../protocol/api.ts'
import { buildApp } from '../../server/app.ts'
import { openSqliteStore } from '../../server/store/sqlite/sqlite-store.ts'
import { addMember, createWorkspace, MEMBER_PASSWORD, newPerson } from '../support/factories.ts'
import { httpClient, type HttpClient } from '../support/http.ts'
import { startLivekit, type TestLivekit } from '../support/livekit.ts'
import { tempDir } from '../support/temp.ts'

const HOUR = 3_600_000

describe('invites', () => {
  let livekit: TestLivekit
  let app: FastifyInstance
  let http: HttpClient
  let clock = Date.now()
  const dir = tempDir('invites-')

  beforeAll(async () => {
    livekit = await startLivekit()
    app = await buildApp({ store: openSqliteStore(join(dir.path, 'office.db')), livekit, now: () => clock })
    http = httpClient(await app.listen({ port: 0, host: '127.0.0.1' }))
  })
  afterAll(async () => {
    await app?.close()
    await livekit?.stop()
    dir.remove()
  })

  const invitesPath = (who: SignedIn) => `/api/workspaces/${who.workspace.id}/invites`
  const invite = async (by: SignedIn, body: Record<string, unknown> = { role: 'member' }) => {
    const res = await http.post<Invite>(invitesPath(by), body, by.session.token)
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    return res.body
  }
  const list = async (who: SignedIn) => {
    const res = await http.get<{ invites: InviteSummary[] }>(invitesPath(who), who.session.token)
    expect(res.status).toBe(200)
    return res.body.invites
  }
  const revoke = (who: SignedIn, id: string, ws = who.workspace.id) => http.call('DELETE', `/api/workspaces/${ws}/invites/${id}`, { token: who.session.token })
  const accept = (code: string) => http.post<{ message: string }>(`/api/invites/${code}/accept`, newPerson())

  it('lists open invites newest first, without codes, hiding used, expired and revoked ones', async () => {
    const owner = await createWorkspace(http)
    const host = await addMember(http, owner, 'host')
    const used = await invite(owner)
    const expiring = await invite(owner, { role: 'member', expiresInHours: 1 })
    const revoked = await invite(owner)
    clock += 1_000
    const guest = await invite(host, { role: 'guest', email: 'gus@example.com', rooms: ['room_meeting'], expiresInHours: 48 })
    clock += 1_000
    const plain = await invite(owner)
    expect(guest.id).toMatch(/^inv_/)
    expect(new Set([used.id, expiring.id, revoked.id, guest.id, plain.id]).size).toBe(5)

    expect((await accept(used.code)).status).toBe(201)
    expect((await revoke(owner, revoked.id)).status).toBe(204)
    clock += HOUR

    const listed = await list(host)
    expect(listed).toEqual([
      { id: plain.id, role: 'member', email: null, rooms: [], createdBy: owner.member.id, createdAt: clock - HOUR, expiresAt: plain.expiresAt },
      { id: guest.id, role: 'guest', email: 'gus@example.com', rooms: ['room_meeting'], createdBy: host.member.id, createdAt: clock - HOUR - 1_000, expiresAt: guest.expiresAt },
    ])
    // Nothing in the answer is, or leads to, a code.
    const text = JSON.stringify(listed)
    for (const code of [used.code, expiring.code, revoked.code, guest.code, plain.code]) expect(text).not.toContain(code)
    expect(await list(owner)).toEqual(listed)
  })

  it('a revoked invite answers 410 saying it was revoked; an unknown or foreign id is a 404', async () => {
    const owner = await createWorkspace(http)
    const other = await createWorkspace(http, 'Other')
    const open = await invite(owner)
    expect((await revoke(other, open.id)).status).toBe(404)
    expect((await revoke(other, open.id, owner.workspace.id)).status).toBe(404)
    expect((await revoke(owner, 'inv_doesnotexist')).status).toBe(404)
    expect((await revoke(owner, 'not-an-invite-id')).body).toMatchObject({ error: 'bad_request', field: 'id' })

    expect((await revoke(owner, open.id)).status).toBe(204)
    const refused = await accept(open.code)
    expect(refused.status).toBe(410)
    expect(refused.body.message).toMatch(/revoked/)
    expect((await list(owner)).map((i) => i.id)).not.toContain(open.id)
    // A used one says so differently.
    const spent = await invite(owner)
    await accept(spent.code)
    expect((await accept(spent.code)).body.message).toMatch(/used or has expired/)
  })

  it('members neither list nor revoke invites', async () => {
    const owner = await createWorkspace(http)
    const member = await addMember(http, owner)
    const open = await invite(owner)
    expect((await http.get(invitesPath(owner), member.session.token)).status).toBe(403)
    expect((await revoke(member, open.id)).status).toBe(403)
    expect((await list(owner)).map((i) => i.id)).toEqual([open.id])
  })

  it("demoting a host below host, or removing them, revokes the open invites they made, and nobody else's", async () => {
    const owner = await createWorkspace(http)
    const [demoted, removed, staying] = await Promise.all([addMember(http, owner, 'host'), addMember(http, owner, 'host'), addMember(http, owner, 'host')])
    const byDemoted = await invite(demoted)
    const byRemoved = await invite(removed)
    const byStaying = await invite(staying)
    const byOwner = await invite(owner)

    const patch = await http.call('PATCH', `/api/workspaces/${owner.workspace.id}/members/${demoted.member.id}`, { token: owner.session.token, body: { role: 'member' } })
    expect(patch.status).toBe(200)
    expect((await http.call('DELETE', `/api/workspaces/${owner.workspace.id}/members/${removed.member.id}`, { token: owner.session.token })).status).toBe(204)

    expect((await list(owner)).map((i) => i.id).sort()).toEqual([byStaying.id, byOwner.id].sort())
    expect((await accept(byDemoted.code)).status).toBe(410)
    expect((await accept(byRemoved.code)).status).toBe(410)
    expect((await accept(byStaying.code)).status).toBe(201)
    // The demoted member can no longer invite anyone either.
    expect((await http.post(invitesPath(demoted), { role: 'member' }, demoted.session.token)).status).toBe(403)
  })

  it('someone removed comes back only through an invite made after their removal', async () => {
    const owner = await createWorkspace(http)
    const older = await invite(owner)
    const addressed = await invite(owner, { role: 'member', email: 'bo-returns@example.com' })
    const bo = await http.post<SignedIn>(`/api/invites/${(await invite(owner, { role: 'member', email: 'bo-returns@example.com' })).code}/accept`, {
      name: 'Bo', email: 'bo-returns@example.com', password: MEMBER_PASSWORD,
    })
    expect(bo.status).toBe(201)
    clock += 1_000
    expect((await http.call('DELETE', `/api/workspaces/${owner.workspace.id}/members/${bo.body.member.id}`, { token: owner.session.token })).status).toBe(204)
    const back = (code: string) => http.post<SignedIn & { message: string }>(`/api/invites/${code}/accept`, { name: 'Bo', email: 'BO-returns@example.com', password: MEMBER_PASSWORD })

    // Invites made before the removal, to anyone or to Bo, are refused to Bo, and stay open for others.
    for (const code of [older.code, addressed.code]) {
      const refused = await back(code)
      expect(refused.status).toBe(403)
      expect(refused.body.message).toMatch(/you were removed from this workspace after this invite was made/)
    }
    expect((await list(owner)).map((i) => i.id).sort()).toEqual([older.id, addressed.id].sort())
    expect((await accept(older.code)).status).toBe(201)

    clock += 1_000
    const fresh = await invite(owner)
    const returned = await back(fresh.code)
    expect(returned.status).toBe(201)
    expect(returned.body.member.email).toBe('bo-returns@example.com')
  })
})
