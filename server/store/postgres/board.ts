/** The board part in the PostgreSQL store (issue 14): one entry per member, and their last changes. */
import { applyBoardUpdate, changeOfRow, entryOfRow, type BoardRow, type BoardStore } from '../board-store.ts'
import type { Connection, Sql } from './connection.ts'

const ENTRY = 'select member_id, text, link, since, tasks, updated_at from board_entries'

export function boardMethods(c: Connection): BoardStore {
  const entry = async (sql: Sql, workspaceId: string, memberId: string) => {
    const row = await sql.one<BoardRow>(`${ENTRY} where workspace_id = $1 and member_id = $2`, [workspaceId, memberId])
    return row ? entryOfRow(row) : null
  }
  return {
    async listBoard(workspaceId) {
      return (await c.rows<BoardRow>(`${ENTRY} where workspace_id = $1 order by member_id`, [workspaceId])).map(entryOfRow)
    },
    async getBoardEntry(workspaceId, memberId) {
      return entry(c, workspaceId, memberId)
    },
    async updateBoardEntry(workspaceId, memberId, update, now, keep) {
      return c.tx(async (sql) => {
        // One change of a member's entry at a time, across server instances: each reads the last one's result.
        await sql.lock(`board:${memberId}`)
        if (!(await sql.one('select 1 from members where workspace_id = $1 and id = $2', [workspaceId, memberId]))) return null
        const prev = await entry(sql, workspaceId, memberId)
        const next = applyBoardUpdate(memberId, prev, update, now)
        if (!next) return { entry: prev!, changed: false }
        const tasks = JSON.stringify(next.tasks)
        await sql.run(
          `insert into board_entries (member_id, workspace_id, text, link, since, tasks, updated_at) values ($1, $2, $3, $4, $5, $6, $7)
          on conflict (member_id) do update set text = excluded.text, link = excluded.link, since = excluded.since, tasks = excluded.tasks, updated_at = excluded.updated_at`,
          [memberId, workspaceId, next.text, next.link, next.since, tasks, next.updatedAt],
        )
        await sql.run('insert into board_history (member_id, workspace_id, at, kind, text, link, since, tasks) values ($1, $2, $3, $4, $5, $6, $7, $8)', [
          memberId, workspaceId, now, update.kind, next.text, next.link, next.since, tasks,
        ])
        await sql.run('delete from board_history where member_id = $1 and arrival not in (select arrival from board_history where member_id = $1 order by at desc, arrival desc limit $2)', [memberId, keep])
        return { entry: next, changed: true }
      })
    },
    async boardHistory(workspaceId, memberId) {
      const rows = await c.rows<BoardRow>('select member_id, at, kind, text, link, since, tasks from board_history where workspace_id = $1 and member_id = $2 order by at desc, arrival desc', [
        workspaceId, memberId,
      ])
      return rows.map(changeOfRow)
    },
  }
}
