/**
 * Floors, their order and their edit log in the PostgreSQL store. Every change decides under its
 * workspace's lock, so edits from any number of server instances apply one after another against
 * the floors as the last one left them (rules across floors included).
 */
import { floorLimits, type Floor } from '../../../protocol/floor/records.ts'
import type { EditOutcome, OpsBatch, Store } from '../store.ts'
import { jsonArray, replayChecker } from '../ops-log.ts'
import { lockKey, type Connection, type Sql } from './connection.ts'
import { floorColumns, type FloorDocs, type FloorRow } from './floor-docs.ts'

type FloorMethods = Pick<Store, 'listFloors' | 'getFloor' | 'addFloor' | 'removeFloor' | 'reorderFloors' | 'editFloor' | 'opsSince'>

/** The workspace's floors in order (one snapshot), parsed only when changed since this store last read them. */
export async function readFloors(sql: Sql, docs: FloorDocs, workspaceId: string, floorId?: string): Promise<Floor[]> {
  const text = `select ${floorColumns('$2')} from floors f where f.workspace_id = $1 ${floorId === undefined ? '' : 'and f.id = $3'} order by f.position`
  const read = async (held: string[]) => sql.rows<FloorRow>(text, floorId === undefined ? [workspaceId, held] : [workspaceId, held, floorId])
  // Without stamps when the floor held was replaced meanwhile (floor-docs.ts).
  return docs.resolve(workspaceId, await read(docs.held(workspaceId))) ?? docs.resolve(workspaceId, await read([]))!
}

export function floorMethods(c: Connection, docs: FloorDocs, opsKept: number): FloorMethods {
  const replays = replayChecker()
  const floorOf = async (sql: Sql, workspaceId: string, floorId: string) => (await readFloors(sql, docs, workspaceId, floorId))[0] ?? null
  return {
    async listFloors(workspaceId) {
      return readFloors(c, docs, workspaceId)
    },
    async getFloor(workspaceId, floorId) {
      return floorOf(c, workspaceId, floorId)
    },
    async addFloor(workspaceId, floor) {
      return c.tx(async (sql): Promise<'added' | 'full'> => {
        await sql.lock(lockKey.workspace(workspaceId))
        const { n } = (await sql.one<{ n: number }>('select count(*)::integer as n from floors where workspace_id = $1', [workspaceId]))!
        if (n >= floorLimits.maxFloors) return 'full'
        await sql.run(`insert into floors (workspace_id, id, position, version, doc)
          values ($1, $2, (select coalesce(max(position), -1) + 1 from floors where workspace_id = $1), $3, $4)`, [workspaceId, floor.id, floor.version, JSON.stringify(floor)])
        return 'added'
      })
    },
    async removeFloor(workspaceId, floorId) {
      return c.tx(async (sql): Promise<{ removed: Floor } | 'last' | 'not-found'> => {
        await sql.lock(lockKey.workspace(workspaceId))
        const floor = await floorOf(sql, workspaceId, floorId)
        if (!floor) return 'not-found'
        const { n } = (await sql.one<{ n: number }>('select count(*) as n from floors where workspace_id = $1', [workspaceId]))!
        if (n <= 1) return 'last'
        // The edit log and the drafts of this floor go with it (foreign keys cascade).
        await sql.run('delete from floors where workspace_id = $1 and id = $2', [workspaceId, floorId])
        return { removed: floor }
      })
    },
    async reorderFloors(workspaceId, floorIds) {
      return c.tx(async (sql): Promise<'ok' | 'mismatch'> => {
        await sql.lock(lockKey.workspace(workspaceId))
        const ids = (await sql.rows<{ id: string }>('select id from floors where workspace_id = $1', [workspaceId])).map((r) => r.id)
        const wanted = new Set(floorIds)
        if (wanted.size !== floorIds.length || ids.length !== floorIds.length || !ids.every((id) => wanted.has(id))) return 'mismatch'
        await sql.run(`update floors f set position = o.position - 1 from unnest($2::text[]) with ordinality as o(id, position)
          where f.workspace_id = $1 and f.id = o.id`, [workspaceId, floorIds])
        return 'ok'
      })
    },
    async editFloor(workspaceId, floorId, edit, apply) {
      return c.tx(async (sql): Promise<EditOutcome> => {
        await sql.lock(lockKey.workspace(workspaceId))
        const all = await readFloors(sql, docs, workspaceId)
        const floor = all.find((f) => f.id === floorId)
        if (!floor) return { kind: 'not-found' }
        const seen = await sql.one<{ version: number }>('select version from floor_ops where workspace_id = $1 and floor_id = $2 and batch_id = $3', [workspaceId, floorId, edit.batchId])
        if (seen) return { kind: 'duplicate', version: seen.version }
        if (edit.baseVersion !== floor.version) return { kind: 'conflict', currentVersion: floor.version }
        const result = apply(floor, edit.ops, all.filter((f) => f.id !== floorId))
        if (!result.ok) return { kind: 'invalid', error: result.error }
        const next = result.floor
        await sql.run('update floors set version = $1, doc = $2 where workspace_id = $3 and id = $4', [next.version, JSON.stringify(next), workspaceId, floorId])
        await sql.run(`insert into floor_ops (workspace_id, floor_id, version, batch_id, ops, undo, author_id, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8)`, [
          workspaceId, floorId, next.version, edit.batchId, JSON.stringify(edit.ops), JSON.stringify(result.inverse), edit.authorId, edit.at,
        ])
        await sql.run('delete from floor_ops where workspace_id = $1 and floor_id = $2 and version <= $3', [workspaceId, floorId, next.version - opsKept])
        return { kind: 'applied', version: next.version, floor: next, before: floor }
      })
    },
    async opsSince(workspaceId, floorId, since) {
      // One statement, so the floor's version and the log come from the same snapshot; the floor's
      // row comes first, then the batches after `since` in order.
      const read = async (held: string[]) =>
        c.rows<FloorRow & { op_version: number | null; batch_id: string | null; ops: string | null; undo: string | null }>(`
          select ${floorColumns('$3')}, null::integer as op_version, null::text as batch_id, null::text as ops, null::text as undo
            from floors f where f.workspace_id = $1 and f.id = $2
          union all
          select null::text, null::integer, null::text, null::text, o.version, o.batch_id, o.ops, o.undo
            from floor_ops o where o.workspace_id = $1 and o.floor_id = $2 and o.version > $4::bigint
          order by op_version nulls first`, [workspaceId, floorId, held, since])
      let rows = await read(docs.held(workspaceId))
      const floorRow = () => (rows[0]?.op_version === null ? rows[0] : undefined)
      let floor = floorRow() ? docs.resolve(workspaceId, [floorRow()!])?.[0] : null
      if (floor === undefined) {
        rows = await read([])
        floor = floorRow() ? docs.resolve(workspaceId, [floorRow()!])![0] : null
      }
      if (!floor) return null
      if (since === floor.version) return { version: floor.version, batches: [] }
      // A reader ahead of the floor holds a plan this store never had (a restored backup): refetch.
      if (since > floor.version) return 'gone'
      const log = rows.slice(1).filter((r) => r.op_version !== null).map((r) => ({ version: r.op_version!, batch_id: r.batch_id!, ops: r.ops!, undo: r.undo }))
      // The log must hold every version after `since`; a gap means it was trimmed past the reader.
      if (log.length !== floor.version - since) return 'gone'
      // Only a stretch that replays is handed out (ops-log.ts); a reader of any other fetches the floor.
      if (!replays(workspaceId, floor, log)) return 'gone'
      return { version: floor.version, batches: log.map((r) => ({ version: r.version, batchId: r.batch_id, ops: jsonArray(r.ops) as OpsBatch['ops'] })) }
    },
  }
}
