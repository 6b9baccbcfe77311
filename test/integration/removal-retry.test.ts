/**
 * A removal that fails halfway can be finished, with the real livekit-server stopped and started
 * again: with LiveKit down the removal answers 503 and says why, yet the member is already signed
 * out and kept out; once LiveKit is back, the same DELETE finishes the job (desk and office
 * freed, record gone), and a third says 404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Member, SignedIn } from '../../protocol/api.ts'
import type { Floor } from '../../protocol/floor/records.ts'
import { addMember, createWorkspace, editFloor, MEMBER_PASSWORD } from '../support/factories.ts'
import { httpClient, type HttpClient } from '../support/http.ts'
import { startStack, type Stack } from '../support/stack.ts'

describe('a removal that failed halfway', () => {
  let stack: Stack
  let http: HttpClient

  beforeAll(async () => {
    stack = await startStack()
    http = httpClient(stack.server.url)
  })
  afterAll(async () => {
    await stack?.stop()
  })

  const remove = (by: SignedIn, who: SignedIn) => http.call<{ message: string }>('DELETE', `/api/workspaces/${by.workspace.id}/members/${who.member.id}`, { token: by.session.token })
  const directory = async (by: SignedIn) => (await http.get<{ members: Member[] }>(`/api/workspaces/${by.workspace.id}/members`, by.session.token)).body.members
  const floorOf = async (by: SignedIn) => (await http.get<Floor>(`/api/workspaces/${by.workspace.id}/floors/floor_main`, by.session.token)).body
  const deskHolders = async (by: SignedIn) => (await floorOf(by)).desks.flatMap((d) => (d.assigneeId ? [d.assigneeId] : []))
  const office = async (by: SignedIn) => (await floorOf(by)).rooms.find((r) => r.id === 'room_private')!

  it('fails cleanly while LiveKit is down, and the same call finishes it once LiveKit is back', async () => {
    const owner = await createWorkspace(http)
    const host = await addMember(http, owner, 'host')
    const bo = await addMember(http, owner)
    expect(await deskHolders(owner)).toContain(bo.member.id)
    // Bo has the private office, and let the host in.
    await editFloor(http, owner, [{ op: 'room.update', id: 'room_private', changes: { ownerId: bo.member.id, allowed: [host.member.id] } }])

    await stack.livekit.kill()
    const failed = await remove(owner, bo)
    expect(failed.status).toBe(503)
    expect(failed.body.message).toMatch(/media server did not answer.*remove them again to finish/)
    // Halfway: signed out and kept out already, but still named on the floor and in the directory.
    expect((await http.get('/api/me', bo.session.token)).status).toBe(401)
    expect((await http.post('/api/sessions', { email: bo.member.email, password: MEMBER_PASSWORD, workspaceId: owner.workspace.id })).status).toBe(401)
    expect((await http.call('PATCH', `/api/workspaces/${owner.workspace.id}/members/${bo.member.id}`, { token: owner.session.token, body: { role: 'guest' } })).status).toBe(404)
    expect((await directory(owner)).map((m) => m.id)).toContain(bo.member.id)
    expect(await deskHolders(owner)).toContain(bo.member.id)
    expect((await office(owner)).ownerId).toBe(bo.member.id)

    await stack.livekit.restart()
    // Any host may finish what was decided.
    expect((await remove(host, bo)).status).toBe(204)
    expect((await directory(owner)).map((m) => m.id)).not.toContain(bo.member.id)
    expect(await deskHolders(owner)).not.toContain(bo.member.id)
    // Freeing Bo's office is the removal's doing, not the host's edit of someone's office.
    expect(await office(owner)).toMatchObject({ ownerId: null, allowed: [host.member.id] })
    expect((await remove(owner, bo)).status).toBe(404)
  })
})
