/**
 * Floors as whole things, on the real server: new floors from templates (with fresh ids) or empty
 * of a given size, a new order, and removal that moves the people with desks on the removed floor
 * to free desks on the first floor.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FloorSummary, Member, SignedIn } from '../../protocol/api.ts'
import type { Floor } from '../../protocol/floor/records.ts'
import { addMember, createWorkspace, editFloor } from '../support/factories.ts'
import { httpClient, type HttpClient } from '../support/http.ts'
import { startStack, type Stack } from '../support/stack.ts'

type Answer = { error?: string; field?: string; message?: string }

describe('floor structure', () => {
  let stack: Stack
  let http: HttpClient

  beforeAll(async () => {
    stack = await startStack()
    http = httpClient(stack.server.url)
  })
  afterAll(async () => {
    await stack?.stop()
  })

  const floorsPath = (who: SignedIn) => `/api/workspaces/${who.workspace.id}/floors`
  const addFloor = (who: SignedIn, body: Record<string, unknown>) => http.post<Floor & Answer>(floorsPath(who), body, who.session.token)
  const order = async (who: SignedIn) => (await http.get<{ floors: FloorSummary[] }>(floorsPath(who), who.session.token)).body.floors.map((f) => f.id)
  const reorder = (who: SignedIn, floorIds: unknown) => http.call<{ floors: FloorSummary[] } & Answer>('PUT', `${floorsPath(who)}/order`, { token: who.session.token, body: { floorIds } })
  const deskOf = async (who: SignedIn, id: string) =>
    (await http.get<{ members: Member[] }>(`/api/workspaces/${who.workspace.id}/members`, who.session.token)).body.members.find((m) => m.id === id)?.deskId

  it('builds floors from the three templates with fresh ids, at version 0, with nobody assigned', async () => {
    const owner = await createWorkspace(http)
    const teamA = await addFloor(owner, { name: 'Team A', template: 'team-30' })
    const teamB = await addFloor(owner, { name: 'Team B', template: 'team-30', width: 10, height: 10 })
    const events = await addFloor(owner, { name: 'Events', template: 'event-space' })
    const starter = await addFloor(owner, { name: 'Second starter', template: 'starter' })
    for (const res of [teamA, teamB, events, starter]) expect(res.status, JSON.stringify(res.body)).toBe(201)

    expect(teamA.body).toMatchObject({ name: 'Team A', version: 0 })
    expect(teamA.body.desks).toHaveLength(30)
    // The template's size wins over one given alongside it.
    expect([teamB.body.width, teamB.body.height]).toEqual([teamA.body.width, teamA.body.height])
    expect(events.body.rooms.map((r) => r.kind)).toContain('stage')
    expect(starter.body.desks).toHaveLength(12)
    const all = [teamA.body, teamB.body, events.body, starter.body]
    expect(all.flatMap((f) => f.desks).every((d) => d.assigneeId === null)).toBe(true)
    // Room ids name media rooms: no two floors share one, nor with the first floor.
    const ids = [...all.flatMap((f) => [f.id, ...f.rooms.map((r) => r.id), ...f.desks.map((d) => d.id)]), 'room_meeting', 'room_lounge', 'room_private']
    expect(new Set(ids).size).toBe(ids.length)
    // What was answered is what is stored.
    expect((await http.get<Floor>(`${floorsPath(owner)}/${events.body.id}`, owner.session.token)).body).toEqual(events.body)
  })

  it('an empty floor needs its width and height, and an unknown template is refused, naming the field', async () => {
    const owner = await createWorkspace(http)
    expect((await addFloor(owner, { name: 'Annex', height: 300 })).body).toMatchObject({ error: 'bad_request', field: 'width' })
    expect((await addFloor(owner, { name: 'Annex', width: 300 })).body).toMatchObject({ error: 'bad_request', field: 'height' })
    expect((await addFloor(owner, { name: 'Annex', template: 'castle' })).body).toMatchObject({ error: 'bad_request', field: 'template' })
    const empty = await addFloor(owner, { name: 'Annex', width: 400, height: 300 })
    expect(empty.body).toMatchObject({ name: 'Annex', width: 400, height: 300, rooms: [], desks: [] })
    expect(await order(owner)).toEqual(['floor_main', empty.body.id])
  })

  it('reorders floors when every floor is named once, and refuses anything else naming floorIds', async () => {
    const owner = await createWorkspace(http)
    const host = await addMember(http, owner, 'host')
    const member = await addMember(http, owner)
    const b = (await addFloor(owner, { name: 'B', width: 100, height: 100 })).body.id
    const c = (await addFloor(owner, { name: 'C', width: 100, height: 100 })).body.id

    const res = await reorder(host, [c, 'floor_main', b])
    expect(res.status).toBe(200)
    expect(res.body.floors.map((f) => [f.id, f.name])).toEqual([[c, 'C'], ['floor_main', 'Main floor'], [b, 'B']])
    expect(await order(member)).toEqual([c, 'floor_main', b])

    for (const wrong of [[c, 'floor_main'], [c, 'floor_main', b, b], [c, 'floor_main', 'floor_elsewhere'], [c, c, b]]) {
      const refused = await reorder(host, wrong)
      expect(refused.status).toBe(400)
      expect(refused.body.field).toBe('floorIds')
    }
    expect((await reorder(host, [])).body).toMatchObject({ field: 'floorIds' })
    expect((await reorder(member, [b, c, 'floor_main'])).status).toBe(403)
    expect(await order(owner)).toEqual([c, 'floor_main', b])
  })

  it('removing a floor moves the people with desks on it to free desks on the (new) first floor', async () => {
    const owner = await createWorkspace(http)
    const [ann, bob] = [await addMember(http, owner), await addMember(http, owner)]
    const annex = (await addFloor(owner, { name: 'Annex', template: 'starter' })).body
    const [d1, d2] = [annex.desks[0]!.id, annex.desks[1]!.id]
    // Move both onto the annex, freeing their first-floor desks.
    const annDesk = await deskOf(owner, ann.member.id)
    const bobDesk = await deskOf(owner, bob.member.id)
    await editFloor(http, owner, [
      { op: 'desk.update', id: annDesk, changes: { assigneeId: null } },
      { op: 'desk.update', id: bobDesk, changes: { assigneeId: null } },
    ])
    await editFloor(http, owner, [
      { op: 'desk.update', id: d1, changes: { assigneeId: ann.member.id } },
      { op: 'desk.update', id: d2, changes: { assigneeId: bob.member.id } },
    ], annex.id)
    expect([await deskOf(owner, ann.member.id), await deskOf(owner, bob.member.id)]).toEqual([d1, d2])
    // The annex first, then a second floor: once the annex is gone, the second floor is the first.
    const second = (await addFloor(owner, { name: 'Second', template: 'team-30' })).body
    expect((await reorder(owner, [annex.id, second.id, 'floor_main'])).status).toBe(200)

    expect((await http.call('DELETE', `${floorsPath(owner)}/${annex.id}`, { token: owner.session.token })).status).toBe(204)
    expect(await order(owner)).toEqual([second.id, 'floor_main'])
    const first = (await http.get<Floor>(`${floorsPath(owner)}/${second.id}`, owner.session.token)).body
    const seats = new Map(first.desks.filter((d) => d.assigneeId).map((d) => [d.assigneeId, d.id]))
    expect([...seats.keys()].sort()).toEqual([ann.member.id, bob.member.id].sort())
    expect(await deskOf(owner, ann.member.id)).toBe(seats.get(ann.member.id))
    expect(await deskOf(owner, bob.member.id)).toBe(seats.get(bob.member.id))
    expect(await deskOf(owner, owner.member.id)).toBe('desk_1')

    expect((await http.call('DELETE', `${floorsPath(owner)}/${second.id}`, { token: owner.session.token })).status).toBe(204)
    const last = await http.call<Answer>('DELETE', `${floorsPath(owner)}/floor_main`, { token: owner.session.token })
    expect(last.status).toBe(409)
    expect(last.body.message).toBe('a workspace keeps at least one floor')
  })
})
