/**
 * Live commits: one gesture is one batch, sent against the version this client holds. A 409 means
 * another host got there first: the batches since are fetched, and ours is replayed on the newer
 * floor (rebaseOps) unless it touches what they changed, in which case the host is told which
 * object. Batches go one at a time, so each one's base is the version the previous one made.
 */
import { applyBatch, type ApplyContext } from '../../protocol/floor/apply.ts'
import type { FloorDiff } from '../../protocol/floor/diff.ts'
import type { FloorOp } from '../../protocol/floor/ops.ts'
import type { Floor } from '../../protocol/floor/records.ts'
import { rebaseOps } from '../../protocol/floor/rebase.ts'
import { ApiError, OfflineError, type Api } from '../services/api.ts'

export type CommitResult = { ok: true; diff: FloorDiff; version: number } | { ok: false; message: string }

export interface CommitDeps {
  api(): Api
  workspaceId(): string
  /** The confirmed floor as this client holds it. */
  floor(floorId: string): Floor | null
  ctx(): ApplyContext
  /** Hands a batch the server applied to floor sync (the echo on the lobby is then ignored). */
  accept(floorId: string, batch: { version: number; batchId: string; ops: FloorOp[] }): Promise<unknown>
}

/** How many times a batch is rebased before giving up on a floor that keeps moving. */
const REBASES = 5
const trustServer: ApplyContext = { isMember: () => true }

let counter = 0
export const newBatchId = () => `b_${Date.now().toString(36)}_${(counter++).toString(36)}_${Math.random().toString(36).slice(2, 8)}`

export function refusal(err: unknown): string {
  if (err instanceof ApiError) return err.body.field ? `${err.body.message} (${err.body.field})` : err.body.message
  if (err instanceof OfflineError) return 'Offline: the change was not saved. Try again when the server is back.'
  return `The change was not saved (${(err as Error).message})`
}

export async function commitLive(deps: CommitDeps, floorId: string, ops: readonly FloorOp[]): Promise<CommitResult> {
  const start = deps.floor(floorId)
  if (!start) return { ok: false, message: 'That floor no longer exists' }
  let base: Floor = start
  const local = applyBatch(base, ops, deps.ctx())
  if (!local.ok) return { ok: false, message: `${local.error.message} (${local.error.field})` }
  let diff = local.diff
  // After a rebase, only the fields this gesture really changes are sent, so nothing another host set is overwritten.
  let sending: readonly FloorOp[] = ops
  const batchId = newBatchId()
  for (let attempt = 0; ; attempt++) {
    try {
      const { version } = await deps.api().edit(deps.workspaceId(), floorId, { baseVersion: base.version, batchId, ops: [...sending] })
      await deps.accept(floorId, { version, batchId, ops: [...sending] })
      return { ok: true, diff, version }
    } catch (err) {
      if (!(err instanceof ApiError) || err.status !== 409 || attempt >= REBASES) return { ok: false, message: refusal(err) }
    }
    // Someone else's batches landed first: catch up with them, then replay ours on top.
    const since = await deps.api().opsSince(deps.workspaceId(), floorId, base.version)
    let current: Floor = base
    for (const batch of since.batches) {
      const next = applyBatch(current, batch.ops, trustServer)
      if (!next.ok) break
      current = next.floor
      await deps.accept(floorId, { version: batch.version, batchId: batch.batchId, ops: batch.ops })
    }
    const rebased = rebaseOps(base, since.batches, current, sending, deps.ctx())
    if (!rebased.ok) return { ok: false, message: 'conflict' in rebased ? rebased.conflict.message : `${rebased.error.message} (${rebased.error.field})` }
    diff = rebased.diff
    base = current
    sending = rebased.ops
    // Everything this gesture wanted is already there (another host did the same): nothing to send.
    if (sending.length === 0) return { ok: true, diff, version: current.version }
  }
}
