/**
 * Runs one store call on its own connection in a worker thread, released by a shared barrier so
 * that several connections hit the same file at the same moment, as two server instances would.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { applyBatch } from '../../../../protocol/floor/apply.ts'
import { openSqliteStore } from '../../../../server/store/sqlite/sqlite-store.ts'
import type { NewMember } from '../../../../server/store/store.ts'

export type WorkerCall =
  | { action: 'accept'; codeHash: string; member: NewMember; now: number }
  | { action: 'edit'; workspaceId: string; floorId: string; baseVersion: number; batchId: string; ops: unknown[] }

const { file, barrier, call } = workerData as { file: string; barrier: SharedArrayBuffer; call: WorkerCall }
const store = openSqliteStore(file)
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
  store.close()
}
