/** Floors, their order and their edit log in the SQLite store. */
import { floorLimits, type Floor } from '../../../protocol/floor/records.ts'
import type { EditOutcome, OpsBatch, Store } from '../store.ts'
import { jsonArray, MAX_REPLAY_BATCHES, replayChecker } from '../ops-log.ts'
import type { Connection } from './connection.ts'

type FloorMethods = Pick<Store, 'listFloors' | 'getFloor' | 'addFloor' | 'removeFloor' | 'reorderFloors' | 'editFloor' | 'opsSince'>

export function floorMethods(c: Connection, opsKept: number): FloorMethods {
  const { db, sql, write, remembered } = c
  const replays = replayChecker()
  return {
    async listFloors(workspaceId) {
      return remembered(`floors:${workspaceId}`, () => {
        const rows = sql('select id, version from floors where workspace_id = ? order by position').all(workspaceId) as { id: string; version: number }[]
        return rows.map((r) => c.floorAt(workspaceId, r.id, r.version))
      })
    },
    async getFloor(workspaceId, floorId) {
      return c.floor(workspaceId, floorId)
    },
    async addFloor(workspaceId, floor) {
      return write((): 'added' | 'full' => {
        if ((sql('select count(*) from floors where workspace_id = ?').pluck().get(workspaceId) as number) >= floorLimits.maxFloors) return 'full'
        sql('insert into floors (workspace_id, id, position, version, doc) values (?, ?, (select coalesce(max(position), -1) + 1 from floors where workspace_id = ?), ?, ?)')
          .run(workspaceId, floor.id, workspaceId, floor.version, JSON.stringify(floor))
        return 'added'
      })
    },
    async removeFloor(workspaceId, floorId) {
      return write((): { removed: Floor } | 'last' | 'not-found' => {
        const floor = c.floor(workspaceId, floorId)
        if (!floor) return 'not-found'
        const count = sql('select count(*) from floors where workspace_id = ?').pluck().get(workspaceId) as number
        if (count <= 1) return 'last'
        // The edit log and the drafts of this floor go with it (foreign keys cascade).
        sql('delete from floors where workspace_id = ? and id = ?').run(workspaceId, floorId)
        return { removed: floor }
      })
    },
    async reorderFloors(workspaceId, floorIds) {
      return write((): 'ok' | 'mismatch' => {
        const ids = (sql('select id from floors where workspace_id = ?').all(workspaceId) as { id: string }[]).map((r) => r.id)
        const wanted = new Set(floorIds)
        if (wanted.size !== floorIds.length || ids.length !== floorIds.length || !ids.every((id) => wanted.has(id))) return 'mismatch'
        const place = sql('update floors set position = ? where workspace_id = ? and id = ?')
        floorIds.forEach((id, position) => place.run(position, workspaceId, id))
        return 'ok'
      })
    },
    async editFloor(workspaceId, floorId, edit, apply) {
      return write((): EditOutcome => {
        const floor = c.floor(workspaceId, floorId)
        if (!floor) return { kind: 'not-found' }
        const seen = sql('select version from floor_ops where workspace_id = ? and floor_id = ? and batch_id = ?').get(workspaceId, floorId, edit.batchId) as
          | { version: number }
          | undefined
        if (seen) return { kind: 'duplicate', version: seen.version }
        if (edit.baseVersion !== floor.version) return { kind: 'conflict', currentVersion: floor.version }
        const others = (sql('select id, version from floors where workspace_id = ? and id != ? order by position').all(workspaceId, floorId) as { id: string; version: number }[])
          .map((r) => c.floorAt(workspaceId, r.id, r.version))
        const result = apply(floor, edit.ops, others)
        if (!result.ok) return { kind: 'invalid', error: result.error }
        const next = result.floor
        sql('update floors set version = ?, doc = ? where workspace_id = ? and id = ?').run(next.version, JSON.stringify(next), workspaceId, floorId)
        sql('insert into floor_ops (workspace_id, floor_id, version, batch_id, ops, undo, author_id, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)')
          .run(workspaceId, floorId, next.version, edit.batchId, JSON.stringify(edit.ops), JSON.stringify(result.inverse), edit.authorId, edit.at)
        sql('delete from floor_ops where workspace_id = ? and floor_id = ? and version <= ?').run(workspaceId, floorId, next.version - opsKept)
        return { kind: 'applied', version: next.version, floor: next, before: floor }
      })
    },
    async opsSince(workspaceId, floorId, since) {
      // One read transaction, so the floor's version and the log come from the same snapshot.
      return db.transaction((): { version: number; batches: OpsBatch[] } | 'gone' | null => {
        const floor = c.floor(workspaceId, floorId)
        if (!floor) return null
        if (since === floor.version) return { version: floor.version, batches: [] }
        // A reader ahead of the floor holds a plan this store never had (a restored backup): refetch.
        if (since > floor.version) return 'gone'
        // Too far behind to be handed the stretch (ops-log.ts): not even read.
        if (floor.version - since > MAX_REPLAY_BATCHES) return 'gone'
        const rows = sql('select version, batch_id, ops, undo from floor_ops where workspace_id = ? and floor_id = ? and version > ? order by version')
          .all(workspaceId, floorId, since) as { version: number; batch_id: string; ops: string; undo: string | null }[]
        // The log must hold every version after `since`; a gap means it was trimmed past the reader.
        if (rows.length !== floor.version - since) return 'gone'
        // Only a stretch that replays is handed out (ops-log.ts); a reader of any other fetches the floor.
        if (!replays(workspaceId, floor, rows)) return 'gone'
        return { version: floor.version, batches: rows.map((r) => ({ version: r.version, batchId: r.batch_id, ops: jsonArray(r.ops) as OpsBatch['ops'] })) }
      })()
    },
  }
}
