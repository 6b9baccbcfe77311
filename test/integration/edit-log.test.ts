/**
 * No entry in the edit log breaks `ops?since` for clients. A real log replays, however varied its
 * ops; a row that would not (an older server's op, a batch that no longer applies, one that leads
 * to another floor, a damaged row, one without the inverse this server keeps) is never handed out:
 * the reader gets 410 and fetches the floor. Rows are written straight into the real SQLite file.
 */
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it, test } from 'vitest'
import type { OpsSince, SignedIn } from '../../protocol/api.ts'
import { applyBatch } from '../../protocol/floor/apply.ts'
import type { Floor } from '../../protocol/floor/records.ts'
import { buildApp } from '../../server/app.ts'
import { openSqliteStore } from '../../server/store/sqlite/sqlite-store.ts'
import { createWorkspace } from '../support/factories.ts'
import { httpClient, type HttpClient } from '../support/http.ts'
import { startLivekit, type TestLivekit } from '../support/livekit.ts'
import { TEST_PASSWORD_COST } from '../support/server.ts'
import { tempDir } from '../support/temp.ts'

describe('the edit log behind ops?since', () => {
  let livekit: TestLivekit
  let app: FastifyInstance
  let http: HttpClient
  let db: Database.Database
  const dir = tempDir('edit-log-')
  const file = join(dir.path, 'office.db')

  beforeAll(async () => {
    livekit = await startLivekit()
    app = await buildApp({ store: openSqliteStore(file), livekit, passwordCost: TEST_PASSWORD_COST })
    http = httpClient(await app.listen({ port: 0, host: '127.0.0.1' }))
    // A second connection to the same file, as an operator's tool (or an older server) would have.
    db = new Database(file)
  })
  afterAll(async () => {
    db?.close()
    await app?.close()
    await livekit?.stop()
    dir.remove()
  })

  const floorPath = (who: SignedIn) => `/api/workspaces/${who.workspace.id}/floors/floor_main`
  const getFloor = async (who: SignedIn) => (await http.get<Floor>(floorPath(who), who.session.token)).body
  const opsSince = (who: SignedIn, since: number) => http.get<OpsSince>(`${floorPath(who)}/ops?since=${since}`, who.session.token)
  const edit = async (who: SignedIn, ops: unknown[]) => {
    const res = await http.post<{ version: number }>(`${floorPath(who)}/edits`, { baseVersion: (await getFloor(who)).version, ops }, who.session.token)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
  }
  const rename = (deskId: string, label: string) => ({ op: 'desk.update', id: deskId, changes: { label } })
  /** What a client does with a 200: apply each batch to the floor it holds, as renderer/services/sync.ts does. */
  const replay = (from: Floor, batches: OpsSince['batches']): Floor => {
    let floor = from
    for (const batch of batches) {
      const next = applyBatch(floor, batch.ops, { isMember: () => true })
      if (!next.ok) throw new Error(`batch ${batch.version} does not apply: ${next.error.message}`)
      expect(next.floor.version).toBe(batch.version)
      floor = next.floor
    }
    return floor
  }
  const sameContent = (a: Floor, b: Floor) => {
    const byId = <T extends { id: string }>(xs: readonly T[]) => [...xs].sort((x, y) => x.id.localeCompare(y.id))
    expect({ ...a, rooms: byId(a.rooms), desks: byId(a.desks) }).toEqual({ ...b, rooms: byId(b.rooms), desks: byId(b.desks) })
  }

  it('hands out a real log of every kind of op, which replays on the floor a client held to the floor the server has', async () => {
    const owner = await createWorkspace(http)
    const start = await getFloor(owner)
    const room = { id: 'room_huddle', name: 'Huddle', kind: 'meeting', x: 40, y: 330, width: 100, height: 60, capacity: 4, locked: false, ownerId: null, allowed: [] }
    const desk = { id: 'desk_new', label: 'New', x: 700, y: 500, rotation: 90, assigneeId: null }
    for (const ops of [
      [rename('desk_2', 'Window')],
      [{ op: 'room.add', room }],
      [{ op: 'room.update', id: 'room_huddle', changes: { name: 'Big huddle', capacity: 6, allowed: [owner.member.id] } }],
      [{ op: 'desk.add', desk }, { op: 'desk.update', id: 'desk_3', changes: { hot: true } }],
      [{ op: 'desk.update', id: 'desk_3', changes: { hot: false } }, { op: 'desk.update', id: 'desk_new', changes: { x: 710 } }],
      [{ op: 'desk.remove', id: 'desk_new' }, { op: 'room.remove', id: 'room_huddle' }],
      [{ op: 'floor.update', changes: { name: 'Ground floor', height: 700 } }],
      [{ op: 'room.update', id: 'room_private', changes: { locked: false } }, { op: 'room.remove', id: 'room_lounge' }],
    ]) {
      await edit(owner, ops)
    }
    const now = await getFloor(owner)
    for (const since of [0, 3, 7]) {
      const res = await opsSince(owner, since)
      expect(res.status).toBe(200)
      expect(res.body.batches.map((b) => b.version)).toEqual(Array.from({ length: now.version - since }, (_, i) => since + i + 1))
    }
    sameContent(replay(start, (await opsSince(owner, 0)).body.batches), now)
  })

  const broken: [string, (ws: string) => void][] = [
    ['holds an op today\'s schemas refuse (an older server\'s "room.resize")', (ws) => setOps(ws, 2, [{ op: 'room.resize', id: 'room_meeting', w: 3 }])],
    ['holds an op with a field today\'s schemas do not know', (ws) => setOps(ws, 2, [{ op: 'desk.update', id: 'desk_2', changes: { label: 'Two', colour: 'red' } }])],
    ['no longer applies in sequence (a desk that is not there)', (ws) => setOps(ws, 2, [rename('desk_nowhere', 'Two')])],
    ['applies, but leads to another floor than the server has', (ws) => setOps(ws, 2, [rename('desk_5', 'Elsewhere')])],
    ['is not JSON at all', (ws) => db.prepare("update floor_ops set ops = '{half a batch' where workspace_id = ? and version = 2").run(ws)],
    ['has no inverse (logged before this server kept them)', (ws) => db.prepare('update floor_ops set undo = null where workspace_id = ? and version = 2').run(ws)],
  ]
  function setOps(ws: string, version: number, ops: unknown[]) {
    db.prepare('update floor_ops set ops = ? where workspace_id = ? and version = ?').run(JSON.stringify(ops), ws, version)
  }

  test.each(broken)('answers 410 (fetch the floor), never the log, when a logged batch %s', async (_what, breakIt) => {
    const owner = await createWorkspace(http)
    const start = await getFloor(owner)
    for (const label of ['One', 'Two', 'Three']) await edit(owner, [rename('desk_2', label)])
    expect((await opsSince(owner, 0)).status).toBe(200)

    breakIt(owner.workspace.id)
    for (const since of [0, 1]) {
      const res = await opsSince(owner, since)
      expect(res.status, JSON.stringify(res.body)).toBe(410)
      expect(res.body).toMatchObject({ error: 'gone', message: expect.stringMatching(/fetch the floor/) })
    }
    // Past the broken batch the log still serves, and the floor itself is always there.
    const after = await opsSince(owner, 2)
    expect(after.status).toBe(200)
    expect(after.body.batches.map((b) => b.version)).toEqual([3])
    const floor = await getFloor(owner)
    expect([floor.version, floor.desks.find((d) => d.id === 'desk_2')?.label]).toEqual([start.version + 3, 'Three'])
  })
})
