/**
 * Publishing a host's draft: its ops go to the floor as one batch through applyEdit. When the floor
 * moved on since the draft's base, the ops are rebased on the current floor (rebaseOps), unless
 * another host changed the same thing; then the draft is kept and the conflict names the object.
 */
import type { FastifyInstance } from 'fastify'
import type { OpError } from '../../protocol/floor/apply.ts'
import type { Conflict } from '../../protocol/floor/diff-record.ts'
import { rebaseOps } from '../../protocol/floor/rebase.ts'
import { hashSecret } from '../auth/tokens.ts'
import type { DraftRecord } from '../store/store.ts'
import { applyEdit } from './edits.ts'
import { settleFloorChange } from './settle.ts'

export type PublishOutcome =
  | { kind: 'published'; version: number }
  | { kind: 'no-draft' }
  | { kind: 'empty' }
  | { kind: 'conflict'; conflict: Conflict }
  | { kind: 'invalid'; error: OpError }
  | { kind: 'busy' }

/**
 * One batch id per saved draft: a publish retried after the batch landed (but before the draft was
 * deleted) is recognised in the edit log instead of applied twice.
 */
const batchIdOf = (d: DraftRecord) => `draft_${hashSecret(JSON.stringify([d.memberId, d.floorId, d.baseVersion, d.updatedAt, d.ops])).slice(0, 32)}`

/** Attempts before giving up on a floor that keeps changing under the publish. */
const ATTEMPTS = 5

export async function publishDraft(app: FastifyInstance, workspaceId: string, floorId: string, memberId: string): Promise<PublishOutcome> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const [draft, floor] = await Promise.all([app.store.getDraft(workspaceId, floorId, memberId), app.store.getFloor(workspaceId, floorId)])
    if (!draft || !floor) return { kind: 'no-draft' }
    if (draft.ops.length === 0) return { kind: 'empty' }
    const batchId = batchIdOf(draft)
    let ops: readonly unknown[] = draft.ops
    if (floor.version !== draft.baseVersion) {
      const since = await app.store.opsSince(workspaceId, floorId, draft.baseVersion)
      const landed = typeof since === 'object' ? since?.batches.find((b) => b.batchId === batchId) : undefined
      if (landed) return done(app, workspaceId, floorId, memberId, landed.version)
      const members = new Set((await app.store.listMembers(workspaceId)).map((m) => m.id))
      const theirs = typeof since === 'object' && since ? since.batches : []
      const rebased = rebaseOps(draft.base, theirs, floor, draft.ops, { isMember: (id) => members.has(id) })
      if (!rebased.ok) return 'conflict' in rebased ? { kind: 'conflict', conflict: rebased.conflict } : { kind: 'invalid', error: rebased.error }
      // Everything the draft does is on the floor already: nothing is left to publish.
      if (rebased.ops.length === 0) return done(app, workspaceId, floorId, memberId, floor.version)
      ops = rebased.ops
    }
    const outcome = await applyEdit(app, workspaceId, floorId, { baseVersion: floor.version, batchId, ops: [...ops] }, memberId)
    switch (outcome.kind) {
      case 'applied':
        await settleFloorChange(app, workspaceId, outcome.before, outcome.floor)
        return done(app, workspaceId, floorId, memberId, outcome.version)
      case 'duplicate':
        return done(app, workspaceId, floorId, memberId, outcome.version)
      case 'invalid':
        return { kind: 'invalid', error: outcome.error }
      case 'not-found':
        return { kind: 'no-draft' }
      case 'conflict':
        // Another edit landed between reading the floor and applying: rebase on it.
        continue
    }
  }
  return { kind: 'busy' }
}

async function done(app: FastifyInstance, workspaceId: string, floorId: string, memberId: string, version: number): Promise<PublishOutcome> {
  await app.store.deleteDraft(workspaceId, floorId, memberId)
  return { kind: 'published', version }
}
