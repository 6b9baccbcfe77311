/**
 * Hosts' private floor drafts in the PostgreSQL store: one per host and floor, with a copy of its
 * base floor. A save decides under its workspace's lock, against the floor as edits left it.
 */
import type { FloorOp } from '../../../protocol/floor/ops.ts'
import { toDraft, type DraftRow } from '../rows.ts'
import type { DraftOutcome, Store } from '../store.ts'
import { lockKey, type Connection, type Sql } from './connection.ts'
import type { FloorDocs } from './floor-docs.ts'
import { readFloors } from './floors.ts'

type DraftMethods = Pick<Store, 'getDraft' | 'putDraft' | 'deleteDraft'>

const read = async (sql: Sql, workspaceId: string, floorId: string, memberId: string) => {
  const r = await sql.one<DraftRow>(`select floor_id, member_id, base_version, base_doc, ops, updated_at from floor_drafts
    where workspace_id = $1 and floor_id = $2 and member_id = $3`, [workspaceId, floorId, memberId])
  return r ? toDraft(r) : null
}

export function draftMethods(c: Connection, docs: FloorDocs): DraftMethods {
  return {
    async getDraft(workspaceId, floorId, memberId) {
      return read(c, workspaceId, floorId, memberId)
    },
    async putDraft(workspaceId, floorId, memberId, draft, check) {
      return c.tx(async (sql): Promise<DraftOutcome> => {
        await sql.lock(lockKey.workspace(workspaceId))
        const floor = (await readFloors(sql, docs, workspaceId, floorId))[0]
        if (!floor) return { kind: 'not-found' }
        const kept = await read(sql, workspaceId, floorId, memberId)
        // The draft's own base when it names it; the current floor otherwise (a first save, or a rebase).
        const base = kept && kept.baseVersion === draft.baseVersion ? kept.base : draft.baseVersion === floor.version ? floor : null
        if (!base) return { kind: 'conflict', currentVersion: floor.version }
        if (draft.ops.length > 0) {
          const result = check(base, draft.ops)
          if (!result.ok) return { kind: 'invalid', error: result.error }
        }
        await sql.run(`insert into floor_drafts (workspace_id, floor_id, member_id, base_version, base_doc, ops, updated_at) values ($1, $2, $3, $4, $5, $6, $7)
          on conflict (workspace_id, floor_id, member_id) do update set
            base_version = excluded.base_version, base_doc = excluded.base_doc, ops = excluded.ops, updated_at = excluded.updated_at`,
        [workspaceId, floorId, memberId, base.version, JSON.stringify(base), JSON.stringify(draft.ops), draft.at])
        return { kind: 'saved', draft: { floorId, memberId, baseVersion: base.version, base, ops: draft.ops as FloorOp[], updatedAt: draft.at } }
      })
    },
    async deleteDraft(workspaceId, floorId, memberId) {
      return (await c.run('delete from floor_drafts where workspace_id = $1 and floor_id = $2 and member_id = $3', [workspaceId, floorId, memberId])) > 0
    },
  }
}
