/** Hosts' private floor drafts in the SQLite store: one per host and floor, with a copy of its base floor. */
import type { FloorOp } from '../../../protocol/floor/ops.ts'
import { toDraft, type DraftRow } from '../rows.ts'
import type { DraftOutcome, Store } from '../store.ts'
import type { Connection } from './connection.ts'

type DraftMethods = Pick<Store, 'getDraft' | 'putDraft' | 'deleteDraft'>

export function draftMethods(c: Connection): DraftMethods {
  const { sql, write } = c
  const read = (workspaceId: string, floorId: string, memberId: string) => {
    const r = sql('select * from floor_drafts where workspace_id = ? and floor_id = ? and member_id = ?').get(workspaceId, floorId, memberId) as DraftRow | undefined
    return r ? toDraft(r) : null
  }
  return {
    async getDraft(workspaceId, floorId, memberId) {
      return read(workspaceId, floorId, memberId)
    },
    async putDraft(workspaceId, floorId, memberId, draft, check) {
      return write((): DraftOutcome => {
        const floor = c.floor(workspaceId, floorId)
        if (!floor) return { kind: 'not-found' }
        const kept = read(workspaceId, floorId, memberId)
        // The draft's own base when it names it; the current floor otherwise (a first save, or a rebase).
        const base = kept && kept.baseVersion === draft.baseVersion ? kept.base : draft.baseVersion === floor.version ? floor : null
        if (!base) return { kind: 'conflict', currentVersion: floor.version }
        if (draft.ops.length > 0) {
          const result = check(base, draft.ops)
          if (!result.ok) return { kind: 'invalid', error: result.error }
        }
        sql(`insert into floor_drafts (workspace_id, floor_id, member_id, base_version, base_doc, ops, updated_at) values (?, ?, ?, ?, ?, ?, ?)
          on conflict do update set base_version = excluded.base_version, base_doc = excluded.base_doc, ops = excluded.ops, updated_at = excluded.updated_at`)
          .run(workspaceId, floorId, memberId, base.version, JSON.stringify(base), JSON.stringify(draft.ops), draft.at)
        return { kind: 'saved', draft: { floorId, memberId, baseVersion: base.version, base, ops: draft.ops as FloorOp[], updatedAt: draft.at } }
      })
    },
    async deleteDraft(workspaceId, floorId, memberId) {
      return sql('delete from floor_drafts where workspace_id = ? and floor_id = ? and member_id = ?').run(workspaceId, floorId, memberId).changes > 0
    },
  }
}
