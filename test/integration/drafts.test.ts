/**
 * Hosts' private drafts on the real server: kept in the database (a restart keeps them), shown to
 * nobody but their host, published as one batch, rebased over another host's unrelated edit, and
 * kept with a conflict that names the object when another host changed the same thing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Draft, OpsSince, SignedIn } from '../../protocol/api.ts'
import type { Floor } from '../../protocol/floor/records.ts'
import { addMember, createWorkspace, editFloor } from '../support/factories.ts'
import { httpClient, type HttpClient } from '../support/http.ts'
import { startServer } from '../support/server.ts'
import { startStack, type Stack } from '../support/stack.ts'

type Answer = Draft & { version: number; error: string; message: string; field?: string; objectId?: string; currentVersion?: number }

describe('drafts', () => {
  let stack: Stack
  let http: HttpClient
  let owner: SignedIn
  let hostA: SignedIn
  let hostB: SignedIn
  let member: SignedIn

  beforeAll(async () => {
    stack = await startStack()
    http = httpClient(stack.server.url)
    owner = await createWorkspace(http)
    hostA = await addMember(http, owner, 'host')
    hostB = await addMember(http, owner, 'host')
    member = await addMember(http, owner)
  })
  afterAll(async () => {
    await stack?.stop()
  })

  const floorPath = (floor = 'floor_main') => `/api/workspaces/${owner.workspace.id}/floors/${floor}`
  const getFloor = async () => (await http.get<Floor>(floorPath(), owner.session.token)).body
  const draft = {
    get: (who: SignedIn) => http.get<Answer>(`${floorPath()}/draft`, who.session.token),
    put: (who: SignedIn, baseVersion: number, ops: unknown[]) => http.call<Answer>('PUT', `${floorPath()}/draft`, { token: who.session.token, body: { baseVersion, ops } }),
    remove: (who: SignedIn) => http.call('DELETE', `${floorPath()}/draft`, { token: who.session.token }),
    publish: (who: SignedIn) => http.post<Answer>(`${floorPath()}/draft/publish`, undefined, who.session.token),
  }
  const label = (id: string, text: string) => ({ op: 'desk.update', id, changes: { label: text } })
  const move = (id: string, x: number) => ({ op: 'desk.update', id, changes: { x } })
  const desk = (floor: Floor, id: string) => floor.desks.find((d) => d.id === id)!

  it("refuses a member's crafted edit and every draft request with 403, changing nothing", async () => {
    const before = await getFloor()
    const edit = await http.post(`${floorPath()}/edits`, { baseVersion: before.version, ops: [label('desk_2', 'mine')] }, member.session.token)
    expect(edit.status).toBe(403)
    expect((await draft.put(member, before.version, [label('desk_2', 'mine')])).status).toBe(403)
    expect((await draft.get(member)).status).toBe(403)
    expect((await draft.publish(member)).status).toBe(403)
    expect((await draft.remove(member)).status).toBe(403)
    expect(await getFloor()).toEqual(before)
  })

  it("is its host's alone, survives a server restart, and publishes as one batch", async () => {
    const start = await getFloor()
    const ops = [label('desk_6', 'Window seat'), move('desk_6', start.desks[5]!.x + 10), { op: 'room.update', id: 'room_lounge', changes: { name: 'Kitchen' } }]
    const saved = await draft.put(hostA, start.version, ops)
    expect(saved.status, JSON.stringify(saved.body)).toBe(200)
    expect(saved.body).toMatchObject({ floorId: 'floor_main', baseVersion: start.version, ops })

    // Nobody else sees it: not another host, not a member, and the floor itself has not changed.
    expect((await draft.get(hostB)).status).toBe(404)
    expect((await draft.get(member)).status).toBe(403)
    expect(await getFloor()).toEqual(start)

    // It is in the database: a restarted server still has it. (On a new port: the client's pooled
    // connections to the old one are closed under it; LiveKit's webhooks are not needed here.)
    const { dataDir } = stack.server
    await stack.server.stop({ keepData: true })
    stack.server = await startServer({ livekit: stack.livekit, dataDir })
    http = httpClient(stack.server.url)
    expect((await draft.get(hostA)).body).toMatchObject({ baseVersion: start.version, ops })

    const published = await draft.publish(hostA)
    expect(published.status, JSON.stringify(published.body)).toBe(200)
    expect(published.body.version).toBe(start.version + 1)
    const log = await http.get<OpsSince>(`${floorPath()}/ops?since=${start.version}`, member.session.token)
    expect(log.body.batches).toHaveLength(1)
    expect(log.body.batches[0]!.ops).toEqual(ops)
    const after = await getFloor()
    expect(desk(after, 'desk_6').label).toBe('Window seat')
    expect(after.rooms.find((r) => r.id === 'room_lounge')?.name).toBe('Kitchen')
    expect((await draft.get(hostA)).status).toBe(404)
  })

  it('refuses an invalid op naming its field, a stale first save with the current version, and an empty publish', async () => {
    const { version } = await getFloor()
    expect((await draft.put(hostB, version, [label('desk_2', 'Fine')])).status).toBe(200)
    const bad = await draft.put(hostB, version, [label('desk_2', 'Fine'), { op: 'desk.update', id: 'desk_3', changes: { rotation: 360 } }])
    expect(bad.status).toBe(400)
    expect(bad.body).toMatchObject({ error: 'bad_request', field: 'ops[1].changes.rotation' })
    expect((await draft.get(hostB)).body.ops).toEqual([label('desk_2', 'Fine')])
    const unknownOp = await draft.put(hostB, version, [{ op: 'desk.paint' }])
    expect(unknownOp.body).toMatchObject({ field: 'ops[0].op' })

    expect((await draft.remove(hostB)).status).toBe(204)
    expect((await draft.get(hostB)).status).toBe(404)
    const stale = await draft.put(hostB, version - 1, [])
    expect([stale.status, stale.body.currentVersion]).toEqual([409, version])

    expect((await draft.put(hostB, version, [])).status).toBe(200)
    expect((await draft.publish(hostB)).body).toMatchObject({ error: 'bad_request', field: 'ops' })
    await draft.remove(hostB)
  })

  it("publishes over another host's unrelated edit by rebasing the draft onto it", async () => {
    const start = await getFloor()
    expect((await draft.put(hostA, start.version, [label('desk_7', 'Drafted')])).status).toBe(200)
    await editFloor(http, hostB, [label('desk_8', 'Live')])

    const published = await draft.publish(hostA)
    expect(published.status, JSON.stringify(published.body)).toBe(200)
    expect(published.body.version).toBe(start.version + 2)
    const after = await getFloor()
    expect([desk(after, 'desk_7').label, desk(after, 'desk_8').label]).toEqual(['Drafted', 'Live'])
    expect((await draft.get(hostA)).status).toBe(404)
  })

  it('answers 409 naming the object another host changed, keeps the draft, and publishes once rebased by its host', async () => {
    const start = await getFloor()
    const x = desk(start, 'desk_9').x
    const ops = [move('desk_9', x + 30), label('desk_10', 'Also drafted')]
    expect((await draft.put(hostA, start.version, ops)).status).toBe(200)
    await editFloor(http, hostB, [move('desk_9', x + 60)])

    const refused = await draft.publish(hostA)
    expect(refused.status).toBe(409)
    expect(refused.body).toMatchObject({ error: 'conflict', objectId: 'desk_9' })
    expect(refused.body.message).toBe('Desk “9” was moved by someone else')
    const kept = await draft.get(hostA)
    expect(kept.body).toMatchObject({ baseVersion: start.version, ops })
    const between = await getFloor()
    expect(desk(between, 'desk_9').x).toBe(x + 60)
    expect(desk(between, 'desk_10').label).toBe(start.desks.find((d) => d.id === 'desk_10')!.label)

    // Its host rebases it (here: keeps only the label), saving it against the current version.
    expect((await draft.put(hostA, between.version, [label('desk_10', 'Also drafted')])).body).toMatchObject({ baseVersion: between.version })
    const published = await draft.publish(hostA)
    expect(published.body.version).toBe(between.version + 1)
    const after = await getFloor()
    expect([desk(after, 'desk_9').x, desk(after, 'desk_10').label]).toEqual([x + 60, 'Also drafted'])
  })
})
