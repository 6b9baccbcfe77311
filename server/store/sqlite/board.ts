/** The board part in the SQLite store (issue 14): one entry per member, and their last changes. */
import { applyBoardUpdate, changeOfRow, entryOfRow, type BoardRow, type BoardStore } from '../board-store.ts'
import type { Connection } from './connection.ts'

const ENTRY = 'select member_id, text, link, since, tasks, updated_at from board_entries'

export function boardMethods(c: Connection): BoardStore {
  const { sql, write } = c
  const entry = (workspaceId: string, memberId: string) => {
    const row = sql(`${ENTRY} where workspace_id = ? and member_id = ?`).get(workspaceId, memberId) as BoardRow | undefined
    return row ? entryOfRow(row) : null
  }
  return {
    async listBoard(workspaceId) {
      return (sql(`${ENTRY} where workspace_id = ? order by member_id`).all(workspaceId) as BoardRow[]).map(entryOfRow)
    },
    async getBoardEntry(workspaceId, memberId) {
      return entry(workspaceId, memberId)
    },
    async updateBoardEntry(workspaceId, memberId, update, now, keep) {
      return write(() => {
        if (!sql('select 1 from members where workspace_id = ? and id = ?').get(workspaceId, memberId)) return null
        const prev = entry(workspaceId, memberId)
        const next = applyBoardUpdate(memberId, prev, update, now)
        if (!next) return { entry: prev!, changed: false }
        const tasks = JSON.stringify(next.tasks)
        sql(`insert into board_entries (member_id, workspace_id, text, link, since, tasks, updated_at) values (?, ?, ?, ?, ?, ?, ?)
          on conflict (member_id) do update set text = excluded.text, link = excluded.link, since = excluded.since, tasks = excluded.tasks, updated_at = excluded.updated_at`)
          .run(memberId, workspaceId, next.text, next.link, next.since, tasks, next.updatedAt)
        sql('insert into board_history (member_id, workspace_id, at, kind, text, link, since, tasks) values (?, ?, ?, ?, ?, ?, ?, ?)')
          .run(memberId, workspaceId, now, update.kind, next.text, next.link, next.since, tasks)
        sql('delete from board_history where member_id = ? and rowid not in (select rowid from board_history where member_id = ? order by at desc, rowid desc limit ?)')
          .run(memberId, memberId, keep)
        return { entry: next, changed: true }
      })
    },
    async boardHistory(workspaceId, memberId) {
      const rows = sql('select member_id, at, kind, text, link, since, tasks from board_history where workspace_id = ? and member_id = ? order by at desc, rowid desc')
        .all(workspaceId, memberId) as BoardRow[]
      return rows.map(changeOfRow)
    },
  }
}
