/**
 * Editing the floor plan over the public HTTP API, as hosts' scripts and clients do: concurrent
 * hosts, invalid ops, the op log, idempotent retries, floors added and removed. What the lobby is
 * told is in floor-notices.test.ts.
 */
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it, test } from 'vitest'
import type { FloorSummary, OpsSince, SignedIn } from '../../protocol/api.ts'
import { applyBatch } from '../../protocol/floor/apply.ts'
import type { Floor } from '../../protocol/floor/records.ts'
import { buildApp } from '../../server/app.ts'
import { openSqliteStore } from '../../server/store/sqlite/sqlite-store.ts'
import { addMember, createWorkspace } from '../support/factories.ts'
import { httpClient, type HttpClient } from '../support/http.ts'
import { startLivekit, type TestLivekit } from '../support/livekit.ts'
import { TEST_PASSWORD_COST } from '../support/server.ts'
import { tempDir } from '../support/temp.ts'

/** The log keeps this many batches per floor here, so the 410 is reached without 1,000 edits. */
const OPS_KEPT_HERE = 8

type EditAnswer = { version: number; error?: string; message?: string; field?: string; currentVersion?: number }

describe('floor plan edits over HTTP', () => {
  let livekit: TestLivekit
  let app: FastifyInstance
  let http: HttpClient
  const dir = tempDir('floor-edits-')

  beforeAll(async () => {
    livekit = await startLivekit()
    app = await buildApp({ store: openSqliteStore(join(dir.path, 'office.db'), { opsKept: OPS_KEPT_HERE }), livekit, passwordCost: TEST_PASSWORD_COST })
    http = httpClient(await app.listen({ port: 0, host: '127.0.0.1' }))
  })
  afterAll(async () => {
    await app?.close()
    await livekit?.stop()
    dir.remove()
  })

  const floorPath = (who: SignedIn, floor = 'floor_main') => `/api/workspaces/${who.workspace.id}/floors/${floor}`
  const getFloor = async (who: SignedIn, floor = 'floor_main') => {
    const res = await http.get<Floor>(floorPath(who, floor), who.session.token)
    expect(res.status).toBe(200)
    return res.body
  }
  const opsSince = (who: SignedIn, since: number, floor = 'floor_main') => http.get<OpsSince>(`${floorPath(who, floor)}/ops?since=${since}`, who.session.token)
  const postEdit = (who: SignedIn, body: { baseVersion: number; ops: unknown[]; batchId?: string }, floor = 'floor_main') =>
    http.post<EditAnswer>(`${floorPath(who, floor)}/edits`, body, who.session.token)
  const rename = (deskId: string, label: string) => ({ op: 'desk.update', id: deskId, changes: { label } })
  const newRoom = (id: string, x: number) => ({
    op: 'room.add',
    room: { id, name: id, kind: 'meeting', x, y: 340, width: 100, height: 60, capacity: 4, locked: false, ownerId: null, allowed: [] },
  })

  it('two hosts editing from the same version: one wins, the other gets 409, catches up, retries, and no edit is lost', async () => {
    const owner = await createWorkspace(http)
    const host = await addMember(http, owner, 'host')
    const start = await getFloor(owner)
    const edits = [
      { who: owner, batchId: 'owners-edit', ops: [newRoom('room_owners', 40)] },
      { who: host, batchId: 'hosts-edit', ops: [rename('desk_5', 'Hot desk')] },
    ]

    const answers = await Promise.all(edits.map((e) => postEdit(e.who, { baseVersion: start.version, batchId: e.batchId, ops: e.ops })))
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409])
    const w = answers.findIndex((a) => a.status === 200)
    const [winner, loser] = [edits[w]!, edits[1 - w]!]
    expect(answers[w]!.body.version).toBe(start.version + 1)
    expect(answers[1 - w]!.body).toMatchObject({ error: 'conflict', currentVersion: start.version + 1 })

    // The loser catches up from its base, as a client does, replays its own ops on top and retries.
    const missed = await opsSince(loser.who, start.version)
    expect(missed.status).toBe(200)
    expect(missed.body.batches.map((x) => [x.version, x.batchId])).toEqual([[start.version + 1, winner.batchId]])
    const rebased = replay(replay(start, missed.body.batches[0]!.ops), loser.ops)
    const retry = await postEdit(loser.who, { baseVersion: missed.body.version, batchId: loser.batchId, ops: loser.ops })
    expect([retry.status, retry.body.version]).toEqual([200, start.version + 2])

    // Both edits are in the floor, and the log has both batches in order.
    const end = await getFloor(owner)
    expect(end.version).toBe(start.version + 2)
    expect(end.rooms.map((r) => r.id)).toContain('room_owners')
    expect(end.desks.find((d) => d.id === 'desk_5')?.label).toBe('Hot desk')
    expect(end).toEqual(rebased)
    const log = await opsSince(owner, start.version)
    expect(log.body.batches.map((x) => [x.version, x.batchId])).toEqual([[start.version + 1, winner.batchId], [start.version + 2, loser.batchId]])
  })

  describe('invalid ops are refused with 400 naming the op and field, and the floor stays as it was', () => {
    let owner: SignedIn
    let stranger: SignedIn
    let before: Floor
    beforeAll(async () => {
      owner = await createWorkspace(http)
      stranger = await createWorkspace(http, 'Elsewhere')
      before = await getFloor(owner)
    })

    test.each<[string, string, () => unknown[]]>([
      ['a room of zero width', 'ops[0].room.width', () => [{ ...newRoom('room_x', 40), room: { ...newRoom('room_x', 40).room, width: 0 } }]],
      ['a 65-character label in the second op', 'ops[1].changes.label', () => [rename('desk_2', 'ok'), rename('desk_3', 'x'.repeat(65))]],
      ['an unknown op', 'ops[0].op', () => [{ op: 'desk.paint', id: 'desk_2' }]],
      ['an unknown field', 'ops[0].changes.colour', () => [{ op: 'desk.update', id: 'desk_2', changes: { colour: 'red' } }]],
      ['an update of a desk that does not exist', 'ops[0].id', () => [{ op: 'desk.update', id: 'desk_404', changes: { label: 'x' } }]],
      ['a duplicate id', 'ops[0].room.id', () => [newRoom('room_meeting', 40)]],
      ['a room outside the floor', 'ops[1].room.width', () => [rename('desk_2', 'ok'), { ...newRoom('room_x', 40), room: { ...newRoom('room_x', 40).room, width: 5_000 } }]],
      ['a desk outside the floor', 'ops[0].changes.y', () => [{ op: 'desk.update', id: 'desk_2', changes: { y: 5_000 } }]],
      ['capacity 0', 'ops[0].changes.capacity', () => [{ op: 'room.update', id: 'room_lounge', changes: { capacity: 0 } }]],
      ['rotation 360', 'ops[0].changes.rotation', () => [{ op: 'desk.update', id: 'desk_2', changes: { rotation: 360 } }]],
      ['empty changes', 'ops[0].changes', () => [{ op: 'room.update', id: 'room_lounge', changes: {} }]],
      ['a member of another workspace as assignee', 'ops[0].changes.assigneeId', () => [{ op: 'desk.update', id: 'desk_2', changes: { assigneeId: stranger.member.id } }]],
      ['a second desk for the owner', 'ops[0].changes.assigneeId', () => [{ op: 'desk.update', id: 'desk_2', changes: { assigneeId: owner.member.id } }]],
      ['a room owner who is not a member', 'ops[0].changes.ownerId', () => [{ op: 'room.update', id: 'room_private', changes: { ownerId: 'mem_nobody' } }]],
      ['a good batch with a bad op at index 3', 'ops[3].id', () => [rename('desk_2', 'a'), newRoom('room_y', 40), rename('desk_3', 'b'), { op: 'room.remove', id: 'room_404' }]],
    ])('%s → %s', async (_what, field, ops) => {
      const res = await postEdit(owner, { baseVersion: before.version, ops: ops() })
      expect(res.status).toBe(400)
      expect(res.body).toMatchObject({ error: 'bad_request', field })
      expect(res.body.message).toBeTruthy()
      expect(await getFloor(owner)).toEqual(before)
      expect((await opsSince(owner, before.version)).body.batches).toEqual([])
    })

    test.each<[string, string, unknown]>([
      ['no base version', 'baseVersion', { ops: [rename('desk_2', 'x')] }],
      ['no ops', 'ops', { baseVersion: 0, ops: [] }],
      ['a negative base version', 'baseVersion', { baseVersion: -1, ops: [rename('desk_2', 'x')] }],
    ])('a body with %s → %s', async (_what, field, body) => {
      const res = await http.post<EditAnswer>(`${floorPath(owner)}/edits`, body, owner.session.token)
      expect(res.status).toBe(400)
      expect(res.body.field).toBe(field)
      expect(await getFloor(owner)).toEqual(before)
    })
  })

  it('refuses edits and floor changes from members (403), other workspaces (404) and strangers (401)', async () => {
    const owner = await createWorkspace(http)
    const member = await addMember(http, owner, 'member')
    const other = await createWorkspace(http, 'Other')
    const before = await getFloor(owner)
    const edit = { baseVersion: before.version, ops: [rename('desk_3', 'mine now')] }
    expect((await postEdit(member, edit)).status).toBe(403)
    expect((await http.post(`/api/workspaces/${owner.workspace.id}/floors`, { name: 'Annex', width: 500, height: 500 }, member.session.token)).status).toBe(403)
    expect((await http.call('DELETE', floorPath(owner), { token: member.session.token })).status).toBe(403)
    expect((await http.post(`${floorPath(owner)}/edits`, edit, other.session.token)).status).toBe(404)
    expect((await http.post(`${floorPath(owner)}/edits`, edit)).status).toBe(401)
    expect(await getFloor(owner)).toEqual(before)
  })

  it('ops?since=N answers exactly the batches after N, in order; since the current version, none', async () => {
    const owner = await createWorkspace(http)
    const sent = [0, 1, 2, 3].map((i) => ({ batchId: `batch-${i}`, ops: [rename('desk_2', `label ${i}`)] }))
    for (const [i, batch] of sent.entries()) expect((await postEdit(owner, { baseVersion: i, ...batch })).body.version).toBe(i + 1)

    const since1 = await opsSince(owner, 1)
    expect(since1.status).toBe(200)
    expect(since1.body).toEqual({ version: 4, batches: sent.slice(1).map((b, i) => ({ version: i + 2, ...b })) })
    expect((await opsSince(owner, 4)).body).toEqual({ version: 4, batches: [] })
    // Ahead of the server (a floor restored from an older backup): refetch.
    expect((await opsSince(owner, 5)).status).toBe(410)
    expect((await http.get(`${floorPath(owner, 'floor_nowhere')}/ops?since=0`, owner.session.token)).status).toBe(404)
  })

  it(`answers 410 for versions older than the kept log (${OPS_KEPT_HERE} batches here), and the floor can be refetched`, async () => {
    const owner = await createWorkspace(http)
    const total = OPS_KEPT_HERE + 3
    for (let v = 0; v < total; v++) expect((await postEdit(owner, { baseVersion: v, ops: [rename('desk_2', `v${v + 1}`)] })).status).toBe(200)
    const oldest = total - OPS_KEPT_HERE
    const kept = await opsSince(owner, oldest)
    expect(kept.status).toBe(200)
    expect(kept.body.batches.map((b) => b.version)).toEqual(Array.from({ length: OPS_KEPT_HERE }, (_, i) => oldest + i + 1))
    for (const since of [oldest - 1, 0]) {
      const res = await opsSince(owner, since)
      expect(res.status).toBe(410)
      expect(res.body).toMatchObject({ error: 'gone' })
    }
    const floor = await getFloor(owner)
    expect([floor.version, floor.desks.find((d) => d.id === 'desk_2')?.label]).toEqual([total, `v${total}`])
  })

  it('applies a batch posted twice under the same batchId once (an idempotent retry)', async () => {
    const owner = await createWorkspace(http)
    const batch = { batchId: 'retry-me', baseVersion: 0, ops: [newRoom('room_once', 40)] }
    const first = await postEdit(owner, batch)
    const again = await postEdit(owner, batch)
    expect([first.status, first.body.version, again.status, again.body.version]).toEqual([200, 1, 200, 1])
    expect((await postEdit(owner, { baseVersion: 1, ops: [rename('desk_2', 'later')] })).body.version).toBe(2)
    // Even after another edit, the late retry is recognised rather than refused as stale.
    expect((await postEdit(owner, batch)).body).toEqual({ version: 1 })
    const floor = await getFloor(owner)
    expect(floor.version).toBe(2)
    expect(floor.rooms.filter((r) => r.id === 'room_once')).toHaveLength(1)
    expect((await opsSince(owner, 0)).body.batches.map((b) => b.batchId)).toEqual(['retry-me', expect.any(String)])
  })

  it('refuses a room or desk id that another floor of the workspace already uses (ids name media rooms)', async () => {
    const owner = await createWorkspace(http)
    const annex = (await http.post<{ id: string }>(`/api/workspaces/${owner.workspace.id}/floors`, { name: 'Annex', width: 800, height: 600 }, owner.session.token)).body.id
    const taken = await postEdit(owner, { baseVersion: 0, ops: [newRoom('room_meeting', 10)] }, annex)
    expect([taken.status, taken.body.field]).toEqual([400, 'ops[0].room.id'])
    expect(taken.body.message).toMatch(/room_meeting is already used on another floor/)
    expect((await postEdit(owner, { baseVersion: 0, ops: [newRoom('room_annex_meeting', 10)] }, annex)).status).toBe(200)
  })

  it('keeps ids unique across floors however a floor gets its records: templates, imports (a desk id too), published drafts', async () => {
    const owner = await createWorkspace(http)
    const ws = `/api/workspaces/${owner.workspace.id}`
    const fromTemplate = await Promise.all([1, 2].map(async (i) => (await http.post<Floor>(`${ws}/floors`, { name: `Annex ${i}`, template: 'starter' }, owner.session.token)).body))
    const all = [await getFloor(owner), ...fromTemplate].flatMap((f) => [...f.rooms, ...f.desks].map((r) => r.id))
    expect(new Set(all).size).toBe(all.length)

    const annex = fromTemplate[0]!
    const desk = { id: 'desk_1', label: 'Copied', x: 10, y: 10, rotation: 0, assigneeId: null }
    const imported = await postEdit(owner, { baseVersion: annex.version, ops: [{ op: 'desk.add', desk }] }, annex.id)
    expect([imported.status, imported.body.field]).toEqual([400, 'ops[0].desk.id'])

    // A draft is private and may hold anything; publishing it is an edit like any other.
    const draft = await http.call('PUT', `${floorPath(owner, annex.id)}/draft`, { token: owner.session.token, body: { baseVersion: annex.version, ops: [newRoom('room_meeting', 10)] } })
    expect(draft.status).toBe(200)
    const published = await http.post<EditAnswer>(`${floorPath(owner, annex.id)}/draft/publish`, undefined, owner.session.token)
    expect(published.status).toBe(409)
    expect(published.body.message).toMatch(/room_meeting is already used on another floor/)
    expect(await getFloor(owner, annex.id)).toEqual(annex)
  })

  it('refuses to give a member a desk on one floor while they hold one on another, naming the op, their desk and its floor', async () => {
    const owner = await createWorkspace(http)
    const bo = (await addMember(http, owner)).member.id
    const held = (await getFloor(owner)).desks.find((d) => d.assigneeId === bo)!.id
    const annex = (await http.post<Floor>(`/api/workspaces/${owner.workspace.id}/floors`, { name: 'Annex', template: 'starter' }, owner.session.token)).body
    const [first, second] = annex.desks as [Floor['desks'][0], Floor['desks'][0]]
    const says = `${bo} already has desk ${held} on Main floor`

    const update = await postEdit(owner, { baseVersion: 0, ops: [rename(first.id, 'a'), rename(second.id, 'b'), { op: 'desk.update', id: second.id, changes: { assigneeId: bo } }] }, annex.id)
    expect([update.status, update.body.field]).toEqual([400, 'ops[2].changes.assigneeId'])
    expect(update.body.message).toContain(says)
    const desk = { id: 'desk_annex_new', label: 'New', x: 10, y: 10, rotation: 0, assigneeId: bo }
    const add = await postEdit(owner, { baseVersion: 0, ops: [{ op: 'desk.add', desk }] }, annex.id)
    expect([add.status, add.body.field]).toEqual([400, 'ops[0].desk.assigneeId'])
    expect(add.body.message).toContain(says)
    expect(await getFloor(owner, annex.id)).toEqual(annex)

    // Moving Bo between floors is two edits: free the old desk, then give the new one.
    await postEdit(owner, { baseVersion: (await getFloor(owner)).version, ops: [{ op: 'desk.update', id: held, changes: { assigneeId: null } }] })
    expect((await postEdit(owner, { baseVersion: 0, ops: [{ op: 'desk.update', id: second.id, changes: { assigneeId: bo } }] }, annex.id)).status).toBe(200)
    // Nothing else is refused on a floor because of an assignment on another one.
    expect((await postEdit(owner, { baseVersion: 1, ops: [rename(second.id, 'Bo')] }, annex.id)).status).toBe(200)
  })

  it('hosts add and remove floors; the last floor cannot be removed', async () => {
    const owner = await createWorkspace(http)
    const host = await addMember(http, owner, 'host')
    const floors = () => http.get<{ floors: FloorSummary[] }>(`/api/workspaces/${owner.workspace.id}/floors`, owner.session.token).then((r) => r.body.floors)

    const bad = await http.post<EditAnswer>(`/api/workspaces/${owner.workspace.id}/floors`, { name: 'Annex', width: 0, height: 400 }, host.session.token)
    expect([bad.status, bad.body.field]).toEqual([400, 'width'])
    const added = await http.post<Floor>(`/api/workspaces/${owner.workspace.id}/floors`, { name: 'Annex', width: 600, height: 400 }, host.session.token)
    expect(added.status).toBe(201)
    expect(added.body).toMatchObject({ name: 'Annex', version: 0, width: 600, height: 400, rooms: [], desks: [] })
    const annex = added.body.id
    expect((await floors()).map((f) => f.id)).toEqual(['floor_main', annex])
    expect((await postEdit(host, { baseVersion: 0, ops: [newRoom('room_annex', 10)] }, annex)).status).toBe(200)

    expect((await http.call('DELETE', floorPath(owner), { token: host.session.token })).status).toBe(204)
    expect((await http.get(floorPath(owner), owner.session.token)).status).toBe(404)
    expect((await floors()).map((f) => [f.id, f.version])).toEqual([[annex, 1]])
    const last = await http.call<EditAnswer>('DELETE', floorPath(owner, annex), { token: host.session.token })
    expect([last.status, last.body.error]).toEqual([409, 'conflict'])
    expect((await http.call('DELETE', floorPath(owner, 'floor_nowhere'), { token: host.session.token })).status).toBe(404)
    expect((await getFloor(owner, annex)).rooms.map((r) => r.id)).toEqual(['room_annex'])
  })
})

/** Applies a batch the way a client replays the server's log. */
function replay(floor: Floor, ops: unknown[]): Floor {
  const result = applyBatch(floor, ops, { isMember: () => true })
  if (!result.ok) throw new Error(result.error.message)
  return result.floor
}
