/**
 * Furniture over the real server (issue 10): a host's batch placing, moving and removing furniture
 * is stored, logged and served to everyone; a plain member's is refused and changes nothing; bad
 * input is a 400 naming the field; a draft holding furniture publishes it. That the stored floor
 * keeps its furniture across a reopen, on SQLite and PostgreSQL, is in the store suite.
 */
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { OpsSince, SignedIn } from '../../protocol/api.ts'
import type { Floor } from '../../protocol/floor/records.ts'
import { buildApp } from '../../server/app.ts'
import { openSqliteStore } from '../../server/store/sqlite/sqlite-store.ts'
import { addMember, createWorkspace } from '../support/factories.ts'
import { httpClient, type HttpClient } from '../support/http.ts'
import { startLivekit, type TestLivekit } from '../support/livekit.ts'
import { TEST_PASSWORD_COST } from '../support/server.ts'
import { tempDir } from '../support/temp.ts'

type EditAnswer = { version: number; error?: string; message?: string; field?: string }

describe('furniture on the server', () => {
  let livekit: TestLivekit
  let app: FastifyInstance
  let http: HttpClient
  const dir = tempDir('furniture-')

  beforeAll(async () => {
    livekit = await startLivekit()
    app = await buildApp({ store: openSqliteStore(join(dir.path, 'office.db')), livekit, passwordCost: TEST_PASSWORD_COST })
    http = httpClient(await app.listen({ port: 0, host: '127.0.0.1' }))
  })
  afterAll(async () => {
    await app?.close()
    await livekit?.stop()
    dir.remove()
  })

  const floorPath = (who: SignedIn) => `/api/workspaces/${who.workspace.id}/floors/floor_main`
  const getFloor = async (who: SignedIn) => {
    const res = await http.get<Floor>(floorPath(who), who.session.token)
    expect(res.status).toBe(200)
    return res.body
  }
  const postEdit = (who: SignedIn, baseVersion: number, ops: unknown[]) => http.post<EditAnswer>(`${floorPath(who)}/edits`, { baseVersion, ops }, who.session.token)
  const plant = { id: 'furn_plant1', kind: 'plant', x: 120, y: 140, rotation: 0 }

  it("stores a host's furniture and serves it to a member; the member's own furniture batch is refused", async () => {
    const owner = await createWorkspace(http)
    const host = await addMember(http, owner, 'host')
    const member = await addMember(http, owner, 'member')
    const start = await getFloor(host)
    expect(start.furniture).toBeUndefined()

    const added = await postEdit(host, start.version, [{ op: 'furniture.add', furniture: plant }, { op: 'furniture.add', furniture: { ...plant, id: 'furn_sofa1', kind: 'sofa', rotation: 90 } }])
    expect(added.status).toBe(200)
    expect((await getFloor(member)).furniture).toEqual([plant, { ...plant, id: 'furn_sofa1', kind: 'sofa', rotation: 90 }])
    const log = await http.get<OpsSince>(`${floorPath(member)}/ops?since=${start.version}`, member.session.token)
    expect(log.body.batches.map((b) => b.ops.map((op) => op.op))).toEqual([['furniture.add', 'furniture.add']])

    const refused = await postEdit(member, added.body.version, [{ op: 'furniture.add', furniture: { ...plant, id: 'furn_mine' } }])
    expect(refused.status).toBe(403)
    const moved = await postEdit(member, added.body.version, [{ op: 'furniture.update', id: 'furn_plant1', changes: { x: 500 } }])
    expect(moved.status).toBe(403)
    const after = await getFloor(owner)
    expect(after.version).toBe(added.body.version)
    expect(after.furniture?.map((f) => f.id)).toEqual(['furn_plant1', 'furn_sofa1'])

    const removed = await postEdit(host, after.version, [{ op: 'furniture.update', id: 'furn_plant1', changes: { x: 200, rotation: 45 } }, { op: 'furniture.remove', id: 'furn_sofa1' }])
    expect(removed.status).toBe(200)
    expect((await getFloor(member)).furniture).toEqual([{ ...plant, x: 200, rotation: 45 }])
  })

  it.each([
    ['an unknown kind', { op: 'furniture.add', furniture: { ...plant, kind: 'piano' } }, 'ops[0].furniture.kind'],
    ['a piece outside the floor', { op: 'furniture.add', furniture: { ...plant, y: 19_000 } }, 'ops[0].furniture.y'],
    ['a piece that is not there', { op: 'furniture.remove', id: 'furn_nowhere' }, 'ops[0].id'],
  ])('refuses %s with a 400 naming the field, changing nothing', async (_what, op, field) => {
    const owner = await createWorkspace(http)
    const start = await getFloor(owner)
    const res = await postEdit(owner, start.version, [op])
    expect(res.status).toBe(400)
    expect(res.body.field).toBe(field)
    expect(await getFloor(owner)).toEqual(start)
  })

  it('publishes furniture from a host’s draft', async () => {
    const owner = await createWorkspace(http)
    const host = await addMember(http, owner, 'host')
    const start = await getFloor(host)
    const put = await http.call('PUT', `${floorPath(host)}/draft`, { token: host.session.token, body: { baseVersion: start.version, ops: [{ op: 'furniture.add', furniture: plant }] } })
    expect(put.status).toBe(200)
    expect((await getFloor(owner)).furniture).toBeUndefined()
    expect((await http.post(`${floorPath(host)}/draft/publish`, undefined, host.session.token)).status).toBe(200)
    expect((await getFloor(owner)).furniture).toEqual([plant])
  })
})
