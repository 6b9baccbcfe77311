/** Rooms' whiteboards in the PostgreSQL store (issue 14). */
import type { WhiteboardRecord, WhiteboardStore } from '../whiteboard-store.ts'
import { lockKey, type Connection } from './connection.ts'

interface Row {
  room_id: string
  version: number
  elements: string
  drawn: number
  saved_at: number
  saved_by: string | null
}

const toRecord = (r: Row): WhiteboardRecord => ({ roomId: r.room_id, version: r.version, elements: r.elements, drawn: r.drawn, savedAt: Number(r.saved_at), savedBy: r.saved_by })
const COLUMNS = 'room_id, version, elements, drawn, saved_at, saved_by'

export function whiteboardMethods(c: Connection): WhiteboardStore {
  return {
    async getWhiteboard(ws, room) {
      const row = await c.one<Row>(`select ${COLUMNS} from whiteboard_versions v where workspace_id = $1 and room_id = $2
        and version = (select version from whiteboards w where w.workspace_id = $1 and w.room_id = $2)`, [ws, room])
      return row ? toRecord(row) : null
    },
    async saveWhiteboard(ws, base, next, keep) {
      return c.tx(async (sql) => {
        await sql.lock(lockKey.room(ws, next.roomId))
        const head = await sql.one<{ version: number }>('select version from whiteboards where workspace_id = $1 and room_id = $2', [ws, next.roomId])
        if ((head?.version ?? 0) !== base) return false
        const v = base + 1
        await sql.run('insert into whiteboard_versions (workspace_id, room_id, version, elements, drawn, saved_at, saved_by) values ($1, $2, $3, $4, $5, $6, $7)',
          [ws, next.roomId, v, next.elements, next.drawn, next.savedAt, next.savedBy])
        await sql.run(`insert into whiteboards (workspace_id, room_id, version, saved_at, saved_by) values ($1, $2, $3, $4, $5)
          on conflict (workspace_id, room_id) do update set version = excluded.version, saved_at = excluded.saved_at, saved_by = excluded.saved_by`,
          [ws, next.roomId, v, next.savedAt, next.savedBy])
        await sql.run('delete from whiteboard_versions where workspace_id = $1 and room_id = $2 and version <= $3', [ws, next.roomId, v - keep])
        return true
      })
    },
    async listWhiteboardVersions(ws, room) {
      const rows = await c.rows<Omit<Row, 'elements'>>('select room_id, version, drawn, saved_at, saved_by from whiteboard_versions where workspace_id = $1 and room_id = $2 order by version desc', [ws, room])
      return rows.map((r) => ({ roomId: r.room_id, version: r.version, drawn: r.drawn, savedAt: Number(r.saved_at), savedBy: r.saved_by }))
    },
    async getWhiteboardVersion(ws, room, v) {
      const row = await c.one<Row>(`select ${COLUMNS} from whiteboard_versions where workspace_id = $1 and room_id = $2 and version = $3`, [ws, room, v])
      return row ? toRecord(row) : null
    },
    async setWhiteboardThumbnail(ws, room, t) {
      return (await c.run('update whiteboards set thumbnail = $1, thumbnail_at = $2 where workspace_id = $3 and room_id = $4', [t.png, t.at, ws, room])) > 0
    },
    async deleteWhiteboard(ws, room) {
      await c.tx(async (sql) => {
        await sql.run('delete from whiteboard_versions where workspace_id = $1 and room_id = $2', [ws, room])
        await sql.run('delete from whiteboards where workspace_id = $1 and room_id = $2', [ws, room])
      })
    },
    async getWhiteboardThumbnail(ws, room) {
      const row = await c.one<{ thumbnail: Buffer | null; thumbnail_at: number | null }>('select thumbnail, thumbnail_at from whiteboards where workspace_id = $1 and room_id = $2', [ws, room])
      return row?.thumbnail ? { png: row.thumbnail, at: Number(row.thumbnail_at ?? 0) } : null
    },
  }
}
