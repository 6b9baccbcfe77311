/**
 * A private office's door is its owner's, on the real server: a host cannot put themselves on its
 * allowed list, take it over or change its kind (403 naming the room and the field), by a live edit
 * or by publishing a draft; its owner and the workspace's owner can. Hosts still lay out the
 * floor around it, and may make an office for someone else only with nobody else allowed in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SignedIn } from '../../protocol/api.ts'
import type { Floor, Room } from '../../protocol/floor/records.ts'
import { addMember, createWorkspace, editFloor, roomRecord } from '../support/factories.ts'
import { httpClient, type HttpClient } from '../support/http.ts'
import { startStack, type Stack } from '../support/stack.ts'

type Answer = { version: number; error: string; message: string; field?: string; objectId?: string }

describe('private offices', () => {
  let stack: Stack
  let http: HttpClient

  beforeAll(async () => {
    stack = await startStack()
    http = httpClient(stack.server.url)
  })
  afterAll(async () => {
    await stack?.stop()
  })

  /** A workspace whose starter office (room_private) the owner has given to host Ana; Bo is another host, Cy a member. */
  const workspace = async () => {
    const owner = await createWorkspace(http)
    const [ana, bo, cy] = [await addMember(http, owner, 'host'), await addMember(http, owner, 'host'), await addMember(http, owner)]
    await editFloor(http, owner, [{ op: 'room.update', id: 'room_private', changes: { ownerId: ana.member.id } }])
    return { owner, ana, bo, cy }
  }
  const floorPath = (who: SignedIn) => `/api/workspaces/${who.workspace.id}/floors/floor_main`
  const getFloor = async (who: SignedIn) => (await http.get<Floor>(floorPath(who), who.session.token)).body
  const office = async (who: SignedIn): Promise<Room> => (await getFloor(who)).rooms.find((r) => r.id === 'room_private')!
  const edit = async (who: SignedIn, ops: unknown[]) => http.post<Answer>(`${floorPath(who)}/edits`, { baseVersion: (await getFloor(who)).version, ops }, who.session.token)
  const office$ = (changes: Partial<Room>) => ({ op: 'room.update', id: 'room_private', changes })

  it('a host cannot edit themselves in, take the office or change its kind: 403 naming the room and the field', async () => {
    const { ana, bo } = await workspace()
    const before = await getFloor(bo)
    const attempts: [Partial<Room>, string][] = [
      [{ allowed: [bo.member.id] }, 'ops[0].changes.allowed'],
      [{ ownerId: bo.member.id }, 'ops[0].changes.ownerId'],
      [{ kind: 'lounge' }, 'ops[0].changes.kind'],
    ]
    for (const [changes, field] of attempts) {
      const refused = await edit(bo, [office$(changes)])
      expect(refused.status, JSON.stringify(refused.body)).toBe(403)
      expect(refused.body).toMatchObject({ error: 'forbidden', field, objectId: 'room_private' })
      expect(refused.body.message).toMatch(/^Private office is a private office: only its owner or a workspace owner changes its/)
    }
    // Nothing changed, and the room is the one Ana owns.
    expect(await getFloor(bo)).toEqual(before)
    expect((await office(bo)).ownerId).toBe(ana.member.id)
    // The rest of the floor around it is a host's to lay out.
    expect((await edit(bo, [office$({ name: 'Corner office', capacity: 2 })])).status).toBe(200)
  })

  it('its owner and the workspace owner can change its allowed list, owner and kind', async () => {
    const { owner, ana, bo, cy } = await workspace()
    expect((await edit(ana, [office$({ allowed: [bo.member.id] })])).status).toBe(200)
    expect((await office(ana)).allowed).toEqual([bo.member.id])
    expect((await edit(owner, [office$({ allowed: [cy.member.id], kind: 'private' })])).status).toBe(200)
    expect((await office(ana)).allowed).toEqual([cy.member.id])
    expect((await edit(ana, [office$({ kind: 'meeting' })])).status).toBe(200)
    expect((await office(ana)).kind).toBe('meeting')
  })

  it('a draft that lets its host in is refused when saved, and one saved before the office changed hands when published', async () => {
    const { owner, ana, bo } = await workspace()
    const start = await getFloor(bo)
    const saved = await http.call<Answer>('PUT', `${floorPath(bo)}/draft`, { token: bo.session.token, body: { baseVersion: start.version, ops: [office$({ allowed: [bo.member.id] })] } })
    expect(saved.status).toBe(403)
    expect(saved.body).toMatchObject({ field: 'ops[0].changes.allowed', objectId: 'room_private' })
    expect((await http.get(`${floorPath(bo)}/draft`, bo.session.token)).status).toBe(404)

    // An office nobody owns is the hosts' to manage: Bo's draft is fine then. Then it is Ana's again.
    await editFloor(http, owner, [office$({ ownerId: null })])
    const unowned = await getFloor(bo)
    const put = await http.call<Answer>('PUT', `${floorPath(bo)}/draft`, { token: bo.session.token, body: { baseVersion: unowned.version, ops: [office$({ allowed: [bo.member.id] })] } })
    expect(put.status).toBe(200)
    await editFloor(http, owner, [office$({ ownerId: ana.member.id })])
    const published = await http.post<Answer>(`${floorPath(bo)}/draft/publish`, undefined, bo.session.token)
    expect(published.status).toBe(403)
    expect(published.body).toMatchObject({ field: 'ops[0].changes.allowed', objectId: 'room_private' })
    expect((await office(bo)).allowed).toEqual([])
    expect((await http.get(`${floorPath(bo)}/draft`, bo.session.token)).status).toBe(200)
  })

  it('an import that brings the office back with its host on the list is refused, naming the op that adds it', async () => {
    const { bo } = await workspace()
    const current = await office(bo)
    const refused = await edit(bo, [{ op: 'room.remove', id: 'room_private' }, { op: 'room.add', room: { ...current, allowed: [bo.member.id] } }])
    expect(refused.status).toBe(403)
    expect(refused.body).toMatchObject({ field: 'ops[1].room.allowed', objectId: 'room_private' })
    // The same office brought back as it was is fine.
    expect((await edit(bo, [{ op: 'room.remove', id: 'room_private' }, { op: 'room.add', room: current }])).status).toBe(200)
  })

  it('a host makes an office for someone else only with nobody else allowed in', async () => {
    const { bo, cy } = await workspace()
    const forCy = (allowed: string[]) => ({ op: 'room.add', room: roomRecord('room_cy', { name: 'Cy office', kind: 'private', ownerId: cy.member.id, allowed }) })
    const keyed = await edit(bo, [forCy([bo.member.id])])
    expect(keyed.status).toBe(403)
    expect(keyed.body).toMatchObject({ field: 'ops[0].room.allowed', objectId: 'room_cy' })
    expect(keyed.body.message).toMatch(/for its owner to choose who may enter/)
    expect((await edit(bo, [forCy([])])).status).toBe(200)
    // Turning a room into someone's office works the same way.
    expect((await edit(bo, [{ op: 'room.update', id: 'room_meeting', changes: { kind: 'private', ownerId: cy.member.id } }])).status).toBe(200)
    expect((await edit(bo, [{ op: 'room.update', id: 'room_meeting', changes: { allowed: [bo.member.id] } }])).status).toBe(403)
  })
})
