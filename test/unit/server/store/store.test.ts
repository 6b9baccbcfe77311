/**
 * The Store's transactions on both stores (a real SQLite file, a real PostgreSQL database): edits
 * against a base version with their op log, the log's reach, foreign keys, and writers racing from
 * several connections (server instances) at once.
 */
import { Worker } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'
import { applyBatch } from '../../../../protocol/floor/apply.ts'
import { floorLimits, type Floor } from '../../../../protocol/floor/records.ts'
import { FloorOrderBody } from '../../../../protocol/api.ts'
import { Value } from 'typebox/value'
import { MAX_REPLAY_BATCHES } from '../../../../server/store/ops-log.ts'
import type { Store } from '../../../../server/store/store.ts'
import { storeKinds, type StoreKind } from '../../../support/stores.ts'
import { inviteRecord, newMember, seedWorkspace } from './fixtures.ts'
import type { WorkerCall, WorkerData } from './store-worker.ts'

const kinds = storeKinds()

const anyone = { isMember: () => true }
const applyOps = (floor: Floor, ops: unknown[]) => applyBatch(floor, ops, anyone)
const rename = (label: string) => [{ op: 'desk.update', id: 'desk_2', changes: { label } }]

async function edit(store: Store, ws: string, baseVersion: number, batchId: string, ops: unknown[] = rename(batchId)) {
  return store.editFloor(ws, 'floor_main', { baseVersion, batchId, ops, authorId: 'mem_owner', at: 1 }, applyOps)
}

/** Floor and log as a reader sees them, to compare before and after a refused write. */
async function snapshot(store: Store, ws: string) {
  return { floor: await store.getFloor(ws, 'floor_main'), log: await store.opsSince(ws, 'floor_main', 0) }
}

type Answer = { result?: string; error?: string }

/** Runs each call on its own connection in a worker thread, all released at the same moment. */
async function race(kind: StoreKind, place: string, calls: WorkerCall[]): Promise<Answer[]> {
  const barrier = new SharedArrayBuffer(4)
  const workers = calls.map((call) => new Worker(new URL('./store-worker.ts', import.meta.url), { workerData: { kind: kind.name, place, barrier, call } satisfies WorkerData }))
  const ready: Promise<void>[] = []
  const answers = workers.map(
    (w) =>
      new Promise<Answer>((resolve, reject) => {
        let signalReady = () => {}
        ready.push(new Promise<void>((r, fail) => ((signalReady = r), w.once('error', fail))))
        w.on('message', (m: Answer & { ready?: boolean }) => (m.ready ? signalReady() : resolve(m)))
        w.once('error', reject)
        w.once('exit', (code) => reject(new Error(`worker exited with ${code} before answering`)))
      }),
  )
  try {
    // Every worker has its connection open and sits at the barrier: release them all at once.
    await Promise.all(ready)
    const gate = new Int32Array(barrier)
    Atomics.store(gate, 0, 1)
    Atomics.notify(gate, 0)
    return await Promise.all(answers)
  } finally {
    await Promise.all(workers.map((w) => w.terminate()))
  }
}

describe.each(kinds)('$name store', (kind) => {
  describe('editFloor', () => {
    it('applies a batch: the floor and the op log move together by one version', async () => {
      const store = await kind.open()
      const { workspaceId: ws } = await seedWorkspace(store)
      expect(await edit(store, ws, 0, 'batch_a')).toMatchObject({ kind: 'applied', version: 1 })
      expect((await store.getFloor(ws, 'floor_main'))?.desks[1]?.label).toBe('batch_a')
      expect(await store.opsSince(ws, 'floor_main', 0)).toEqual({ version: 1, batches: [{ version: 1, batchId: 'batch_a', ops: rename('batch_a') }] })
    })

    it('leaves floor and log untouched when the apply function throws', async () => {
      const store = await kind.open()
      const { workspaceId: ws } = await seedWorkspace(store)
      await edit(store, ws, 0, 'batch_a')
      const before = await snapshot(store, ws)
      const throwing = () => {
        throw new Error('apply broke')
      }
      await expect(store.editFloor(ws, 'floor_main', { baseVersion: 1, batchId: 'batch_b', ops: [], authorId: 'x', at: 1 }, throwing)).rejects.toThrow('apply broke')
      expect(await snapshot(store, ws)).toEqual(before)
    })

    it('leaves floor and log untouched when the batch is invalid, and says which field', async () => {
      const store = await kind.open()
      const { workspaceId: ws } = await seedWorkspace(store)
      const before = await snapshot(store, ws)
      const outcome = await edit(store, ws, 0, 'batch_a', [...rename('ok'), { op: 'desk.update', id: 'desk_3', changes: { rotation: 360 } }])
      expect(outcome).toMatchObject({ kind: 'invalid', error: { field: 'ops[1].changes.rotation' } })
      expect(await snapshot(store, ws)).toEqual(before)
    })

    it('never half-applies: when the log append fails, the floor update is rolled back with it', async () => {
      const store = await kind.open()
      const { workspaceId: ws } = await seedWorkspace(store)
      await edit(store, ws, 0, 'batch_a')
      const before = await snapshot(store, ws)
      // A result that claims an already logged version makes the append hit the log's primary key.
      const clashing = (floor: Floor) => ({ ok: true as const, floor: { ...floor, name: 'Half applied', version: 1 }, inverse: [] })
      await expect(store.editFloor(ws, 'floor_main', { baseVersion: 1, batchId: 'batch_b', ops: rename('b'), authorId: 'x', at: 1 }, clashing)).rejects.toThrow(kind.errors.unique)
      expect(await snapshot(store, ws)).toEqual(before)
    })

    it('refuses a stale base with the current version and writes nothing', async () => {
      const store = await kind.open()
      const { workspaceId: ws } = await seedWorkspace(store)
      await edit(store, ws, 0, 'batch_a')
      const before = await snapshot(store, ws)
      expect(await edit(store, ws, 0, 'batch_b')).toEqual({ kind: 'conflict', currentVersion: 1 })
      expect(await snapshot(store, ws)).toEqual(before)
    })

    it('applies a retried batch id once, answering the version it got the first time', async () => {
      const store = await kind.open()
      const { workspaceId: ws } = await seedWorkspace(store)
      await edit(store, ws, 0, 'batch_a')
      await edit(store, ws, 1, 'batch_b')
      expect(await edit(store, ws, 0, 'batch_a')).toEqual({ kind: 'duplicate', version: 1 })
      expect(await edit(store, ws, 2, 'batch_a')).toEqual({ kind: 'duplicate', version: 1 })
      const log = await store.opsSince(ws, 'floor_main', 0)
      expect(log !== 'gone' && log?.batches.map((b) => b.batchId)).toEqual(['batch_a', 'batch_b'])
    })

    it('answers not-found for a floor that is not in the workspace', async () => {
      const store = await kind.open()
      await seedWorkspace(store, 'ws_a')
      await seedWorkspace(store, 'ws_b')
      await store.addFloor('ws_b', { id: 'floor_b', name: 'B', version: 0, width: 500, height: 500, rooms: [], desks: [] })
      const floorB = { baseVersion: 0, batchId: 'b', ops: [{ op: 'floor.update', changes: { name: 'Mine' } }], authorId: 'x', at: 1 }
      expect(await store.editFloor('ws_a', 'floor_b', floorB, applyOps)).toEqual({ kind: 'not-found' })
      expect(await store.opsSince('ws_a', 'floor_b', 0)).toBeNull()
      expect((await store.getFloor('ws_b', 'floor_b'))?.name).toBe('B')
    })

    it('keeps every acknowledged edit across a reopen of the file', async () => {
      const file = await kind.place()
      const first = await kind.open(file)
      const { workspaceId: ws } = await seedWorkspace(first)
      for (let v = 0; v < 5; v++) await edit(first, ws, v, `batch_${v}`)
      first.close()
      const second = await kind.open(file)
      expect((await second.getFloor(ws, 'floor_main'))?.version).toBe(5)
      const log = await second.opsSince(ws, 'floor_main', 0)
      expect(log !== 'gone' && log?.batches.map((b) => b.version)).toEqual([1, 2, 3, 4, 5])
    })

    it('keeps a floor document holding furniture as it was sent, across a reopen', async () => {
      const file = await kind.place()
      const first = await kind.open(file)
      const { workspaceId: ws } = await seedWorkspace(first)
      const sofa = { id: 'furn_sofa', kind: 'sofa', x: 200, y: 150, rotation: 90 }
      expect(await edit(first, ws, 0, 'batch_f', [{ op: 'furniture.add', furniture: sofa }])).toMatchObject({ kind: 'applied', version: 1 })
      first.close()
      const second = await kind.open(file)
      expect((await second.getFloor(ws, 'floor_main'))?.furniture).toEqual([sofa])
    })
  })

  describe('opsSince', () => {
    it('keeps the last 1,000 batches by default and a configured number when asked', async () => {
      expect(kind.defaultOpsKept).toBe(1_000)
      const store = await kind.open(undefined, { opsKept: 3 })
      const { workspaceId: ws } = await seedWorkspace(store)
      for (let v = 0; v < 6; v++) await edit(store, ws, v, `batch_${v + 1}`)
      const versions = async (since: number) => {
        const r = await store.opsSince(ws, 'floor_main', since)
        return r === 'gone' || r === null ? r : r.batches.map((b) => b.batchId)
      }
      expect(await versions(3)).toEqual(['batch_4', 'batch_5', 'batch_6'])
      expect(await versions(5)).toEqual(['batch_6'])
      expect(await versions(6)).toEqual([])
      expect(await versions(2)).toBe('gone')
      expect(await versions(0)).toBe('gone')
      // A reader ahead of the floor holds a plan this store never had: it must refetch.
      expect(await versions(7)).toBe('gone')
      // However far ahead: past a 32-bit integer too (PostgreSQL's integer column once failed the query).
      expect(await versions(3_000_000_000)).toBe('gone')
    })

    it('hands out no stretch longer than a reader should replay: one that far behind fetches the floor', async () => {
      const store = await kind.open()
      const { workspaceId: ws } = await seedWorkspace(store)
      for (let v = 0; v <= MAX_REPLAY_BATCHES; v++) await edit(store, ws, v, `batch_${v + 1}`)
      const longest = await store.opsSince(ws, 'floor_main', 1)
      expect(longest === 'gone' || longest === null ? longest : longest.batches.length).toBe(MAX_REPLAY_BATCHES)
      expect(await store.opsSince(ws, 'floor_main', 0)).toBe('gone')
      // Nor more ops than one full batch: two batches of 1,001 are fetched as the floor.
      const many = (tag: string) => Array.from({ length: 1_001 }, (_, i) => ({ op: 'floor.update', changes: { name: `${tag} ${i}` } }))
      const v = MAX_REPLAY_BATCHES + 1
      for (const [i, tag] of ['first', 'second'].entries()) expect(await edit(store, ws, v + i, `big_${tag}`, many(tag))).toMatchObject({ kind: 'applied' })
      const last = await store.opsSince(ws, 'floor_main', v + 1)
      expect(last === 'gone' || last === null ? last : last.batches.map((b) => b.batchId)).toEqual(['big_second'])
      expect(await store.opsSince(ws, 'floor_main', v)).toBe('gone')
    })

    it('refuses a kept count that is not a positive integer', async () => {
      await expect(kind.open(undefined, { opsKept: 0 })).rejects.toThrow(/opsKept/)
    })
  })

  describe('floors', () => {
    it(`holds at most ${floorLimits.maxFloors} floors in a workspace, all of which can be put in order`, async () => {
      const store = await kind.open()
      const { workspaceId: ws } = await seedWorkspace(store)
      const floor = (i: number) => ({ id: `floor_${i}`, name: `Floor ${i}`, version: 0, width: 500, height: 500, rooms: [], desks: [] })
      for (let i = 1; i < floorLimits.maxFloors; i++) expect(await store.addFloor(ws, floor(i))).toBe('added')
      expect(await store.addFloor(ws, floor(floorLimits.maxFloors))).toBe('full')
      const ids = (await store.listFloors(ws)).map((f) => f.id)
      expect(ids).toHaveLength(floorLimits.maxFloors)
      expect(Value.Check(FloorOrderBody, { floorIds: ids.toReversed() })).toBe(true)
      expect(await store.reorderFloors(ws, ids.toReversed())).toBe('ok')
      expect((await store.listFloors(ws)).map((f) => f.id)).toEqual(ids.toReversed())
    })
  })

  describe('foreign keys are enforced', () => {
    it('removing a floor removes its edit log', async () => {
      const file = await kind.place()
      const store = await kind.open(file)
      const { workspaceId: ws } = await seedWorkspace(store)
      await store.addFloor(ws, { id: 'floor_two', name: 'Two', version: 0, width: 500, height: 500, rooms: [], desks: [] })
      await store.editFloor(ws, 'floor_two', { baseVersion: 0, batchId: 'b1', ops: [{ op: 'floor.update', changes: { name: 'Deux' } }], authorId: 'x', at: 1 }, applyOps)
      expect(await store.removeFloor(ws, 'floor_two')).toEqual({ removed: expect.objectContaining({ id: 'floor_two', name: 'Deux', version: 1 }) })
      expect(await kind.count(file, 'floor_ops', "floor_id = 'floor_two'")).toBe(0)
      expect(await store.removeFloor(ws, 'floor_main')).toBe('last')
    })

    it("removing a member ends the member's sessions and admissions", async () => {
      const store = await kind.open()
      const { workspaceId: ws } = await seedWorkspace(store)
      await store.createInvite('code_1', inviteRecord(ws, { expiresAt: 10 }))
      const bo = newMember()
      expect(await store.acceptInvite('code_1', bo, 1)).toBe('ok')
      await store.createSession('session_1', bo.memberId, Date.now() + 60_000, Date.now())
      await store.admit(ws, 'room_meeting', bo.memberId, 100)
      await store.removeMember(ws, bo.memberId, 2)
      expect(await store.getSession('session_1')).toBeNull()
      expect(await store.isAdmitted(ws, 'room_meeting', bo.memberId, 1)).toBe(false)
    })

    it('refuses a session for a member that does not exist', async () => {
      const store = await kind.open()
      await expect(store.createSession('session_1', 'mem_nobody', 1, 0)).rejects.toThrow(kind.errors.foreignKey)
    })
  })

  // Six worker threads each load the store's modules and open their own connection first: on a
  // busy machine that alone can take longer than the default 5 s.
  describe('concurrent writers', { timeout: 30_000 }, () => {
    const invite = async (store: Store, ws: string) =>
      store.createInvite('code_race', inviteRecord(ws, { expiresAt: 1_000 }))

    it('acceptInvite uses an invite once when called twice at once', async () => {
      const store = await kind.open()
      const { workspaceId: ws } = await seedWorkspace(store)
      await invite(store, ws)
      const results = await Promise.all([store.acceptInvite('code_race', newMember(), 1), store.acceptInvite('code_race', newMember(), 1)])
      expect(results.sort()).toEqual(['gone', 'ok'])
      expect(await store.listMembers(ws)).toHaveLength(2)
    })

    it('acceptInvite uses an invite once across six connections to the same database (six server instances)', async () => {
      const file = await kind.place()
      const store = await kind.open(file)
      const { workspaceId: ws } = await seedWorkspace(store)
      await invite(store, ws)
      const calls = Array.from({ length: 6 }, (): WorkerCall => ({ action: 'accept', codeHash: 'code_race', member: newMember(), now: 1 }))
      const answers = await race(kind, file, calls)
      expect(answers.filter((a) => a.error)).toEqual([])
      expect(answers.map((a) => a.result).sort()).toEqual(['gone', 'gone', 'gone', 'gone', 'gone', 'ok'])
      expect(await store.listMembers(ws)).toHaveLength(2)
    })

    it('editFloor lets exactly one of six connections win a base version; the others get a conflict, not an error', async () => {
      const file = await kind.place()
      const store = await kind.open(file)
      const { workspaceId: ws } = await seedWorkspace(store)
      const calls = Array.from({ length: 6 }, (_, i): WorkerCall => ({ action: 'edit', workspaceId: ws, floorId: 'floor_main', baseVersion: 0, batchId: `batch_${i}`, ops: rename(`w${i}`) }))
      const answers = await race(kind, file, calls)
      expect(answers.filter((a) => a.error)).toEqual([])
      expect(answers.map((a) => a.result).sort()).toEqual(['applied', 'conflict', 'conflict', 'conflict', 'conflict', 'conflict'])
      const log = await store.opsSince(ws, 'floor_main', 0)
      expect(log !== 'gone' && log?.batches).toHaveLength(1)
    })
  })

  describe('remembered reads', () => {
    const until = async (check: () => Promise<boolean>) => {
      // Another connection's commit is noticed within about a millisecond; give it a few.
      for (let i = 0; i < 200 && !(await check()); i++) await new Promise((r) => setTimeout(r, 2))
      return check()
    }

    it('never answer what the database no longer holds: own writes and other connections', async () => {
      const file = await kind.place()
      const a = await kind.open(file)
      const b = await kind.open(file)
      const { workspaceId, ownerId } = await seedWorkspace(a)
      await a.createSession('hash_1', ownerId, Date.now() + 60_000, Date.now())
      expect((await a.getSession('hash_1'))?.memberId).toBe(ownerId)

      // This connection's own write is seen at once.
      await a.deleteSession('hash_1')
      expect(await a.getSession('hash_1')).toBeNull()

      // Another connection (another server instance) writes: seen as soon as it commits.
      await a.createSession('hash_2', ownerId, Date.now() + 60_000, Date.now())
      expect(await a.getSession('hash_2')).not.toBeNull()
      await b.deleteSession('hash_2')
      expect(await until(async () => (await a.getSession('hash_2')) === null)).toBe(true)

      expect(await a.occupancy(workspaceId)).toEqual({})
      await b.setOccupants(workspaceId, 'room_meeting', [ownerId], 1)
      expect(await until(async () => (await a.occupancy(workspaceId)).room_meeting?.[0] === ownerId)).toBe(true)
      a.close()
      b.close()
    })
  })
})
