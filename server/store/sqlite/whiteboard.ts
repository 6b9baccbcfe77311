/** Rooms' whiteboards in the SQLite store (issue 14). */
import type { WhiteboardRecord, WhiteboardStore } from '../whiteboard-store.ts'
import type { Connection } from './connection.ts'

interface Row {
  room_id: string
  version: number
  elements: string
  drawn: number
  saved_at: number
  saved_by: string | null
}

const toRecord = (r: Row): WhiteboardRecord => ({ roomId: r.room_id, version: r.version, elements: r.elements, drawn: r.drawn, savedAt: r.saved_at, savedBy: r.saved_by })

export function whiteboardMethods(c: Connection): WhiteboardStore {
  const { sql, write } = c
  const version = (ws: string, room: string, v: number) =>
    sql('select room_id, version, elements, drawn, saved_at, saved_by from whiteboard_versions where workspace_id = ? and room_id = ? and version = ?').get(ws, room, v) as Row | undefined
  return {
    async getWhiteboard(ws, room) {
      const head = sql('select version from whiteboards where workspace_id = ? and room_id = ?').get(ws, room) as { version: number } | undefined
      const row = head && version(ws, room, head.version)
      return row ? toRecord(row) : null
    },
    async saveWhiteboard(ws, base, next, keep) {
      return write(() => {
        const head = sql('select version from whiteboards where workspace_id = ? and room_id = ?').get(ws, next.roomId) as { version: number } | undefined
        if ((head?.version ?? 0) !== base) return false
        const v = base + 1
        sql('insert into whiteboard_versions (workspace_id, room_id, version, elements, drawn, saved_at, saved_by) values (?, ?, ?, ?, ?, ?, ?)')
          .run(ws, next.roomId, v, next.elements, next.drawn, next.savedAt, next.savedBy)
        sql(`insert into whiteboards (workspace_id, room_id, version, saved_at, saved_by) values (?, ?, ?, ?, ?)
             on conflict (workspace_id, room_id) do update set version = excluded.version, saved_at = excluded.saved_at, saved_by = excluded.saved_by`)
          .run(ws, next.roomId, v, next.savedAt, next.savedBy)
        sql('delete from whiteboard_versions where workspace_id = ? and room_id = ? and version <= ?').run(ws, next.roomId, v - keep)
        return true
      })
    },
    async listWhiteboardVersions(ws, room) {
      const rows = sql('select room_id, version, drawn, saved_at, saved_by from whiteboard_versions where workspace_id = ? and room_id = ? order by version desc').all(ws, room) as Omit<Row, 'elements'>[]
      return rows.map((r) => ({ roomId: r.room_id, version: r.version, drawn: r.drawn, savedAt: r.saved_at, savedBy: r.saved_by }))
    },
    async getWhiteboardVersion(ws, room, v) {
      const row = version(ws, room, v)
      return row ? toRecord(row) : null
    },
    async setWhiteboardThumbnail(ws, room, t) {
      return write(() => sql('update whiteboards set thumbnail = ?, thumbnail_at = ? where workspace_id = ? and room_id = ?').run(t.png, t.at, ws, room).changes > 0)
    },
    async deleteWhiteboard(ws, room) {
      write(() => {
        sql('delete from whiteboard_versions where workspace_id = ? and room_id = ?').run(ws, room)
        sql('delete from whiteboards where workspace_id = ? and room_id = ?').run(ws, room)
      })
    },
    async getWhiteboardThumbnail(ws, room) {
      const row = sql('select thumbnail, thumbnail_at from whiteboards where workspace_id = ? and room_id = ?').get(ws, room) as { thumbnail: Buffer | null; thumbnail_at: number | null } | undefined
      return row?.thumbnail ? { png: row.thumbnail, at: row.thumbnail_at ?? 0 } : null
    },
  }
}
