/**
 * Runs one store call on its own store (its own SQLite connection, or its own PostgreSQL pool) in
 * a worker thread, released by a shared barrier so that several of them hit the same database at
 * the same moment, as several server instances would.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { applyBatch } from '../../../../protocol/floor/apply.ts'
import type { NewMember } from '../../../../server/store/store.ts'
import type { StoreKindName } from '../../../support/stores.ts'

export type WorkerCall =
  | { action: 'accept'; codeHash: string; member: NewMember; now: number }
  | { action: 'edit'; workspaceId: string; floorId: string; baseVersion: number; batchId: string; ops: unknown[] }

export interface WorkerData {
  kind: StoreKindName
  place: string
  barrier: SharedArrayBuffer
  call: WorkerCall
}

const { kind, place, barrier, call } = workerData as WorkerData
// Only the kind's own modules are loaded: six workers start at once. Opening a PostgreSQL store
// migrates it and leaves a connection open, so every worker is connected before the barrier.
const store = kind === 'sqlite'
  ? (await import('../../../../server/store/sqlite/sqlite-store.ts')).openSqliteStore(place)
  : await (await import('../../../../server/store/postgres/postgres-store.ts')).openPostgresStore(place)
const gate = new Int32Array(barrier)
parentPort!.postMessage({ ready: true })
Atomics.wait(gate, 0, 0)
try {
  const result =
    call.action === 'accept'
      ? await store.acceptInvite(call.codeHash, call.member, call.now)
      : (await store.editFloor(call.workspaceId, call.floorId, { ...call, authorId: 'mem_worker', at: 0 }, (f, ops) => applyBatch(f, ops, { isMember: () => true }))).kind
  parentPort!.postMessage({ result })
} catch (err) {
  parentPort!.postMessage({ error: String(err) })
} finally {
  await store.close()
}
