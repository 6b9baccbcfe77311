/** The shelf part in the SQLite store (issue 14): items, comments and follows (migration 150). */
import { commentSelect, itemColumns, searchText, toComment, toItem, type CommentRow, type ItemRow } from '../shelf-rows.ts'
import type { ShelfStore } from '../shelf-store.ts'
import type { Connection } from './connection.ts'

const itemSelect = `select ${itemColumns},
  (select count(*) from shelf_comments c where c.workspace_id = i.workspace_id and c.item_id = i.id) as comments from shelf_items i`

export function shelfMethods(c: Connection): ShelfStore {
  const { sql, write } = c
  const item = (ws: string, id: string) => {
    const r = sql(`${itemSelect} where i.workspace_id = ? and i.id = ?`).get(ws, id) as ItemRow | undefined
    return r ? toItem(r) : null
  }
  const comment = (ws: string, id: string) => {
    const r = sql(`${commentSelect} where workspace_id = ? and id = ?`).get(ws, id) as CommentRow | undefined
    return r ? toComment(r) : null
  }

  return {
    async addShelfItem(ws, it, max) {
      return write(() => {
        const held = sql('select count(*) from shelf_items where workspace_id = ? and place_id = ?').pluck().get(ws, it.placeId) as number
        if (held >= max) return 'full' as const
        sql(`insert into shelf_items (workspace_id, id, place_id, kind, title, body, search, storage_key, file_type, file_size, author_id, created_at, updated_at)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(ws, it.id, it.placeId, it.kind, it.title, it.body, searchText(it.title, it.body),
          it.file?.storageKey ?? null, it.file?.type ?? null, it.file?.size ?? null, it.authorId, it.createdAt, it.createdAt)
        return item(ws, it.id)!
      })
    },
    async getShelfItem(ws, id) {
      return item(ws, id)
    },
    async listShelfItems(ws, placeId) {
      return (sql(`${itemSelect} where i.workspace_id = ? and i.place_id = ? order by i.created_at desc, i.id desc`).all(ws, placeId) as ItemRow[]).map(toItem)
    },
    async updateShelfItem(ws, id, changes, at) {
      return write(() => {
        const was = item(ws, id)
        if (!was) return null
        const title = changes.title ?? was.title
        const body = changes.body ?? was.body
        sql('update shelf_items set title = ?, body = ?, search = ?, updated_at = ? where workspace_id = ? and id = ?').run(title, body, searchText(title, body), at, ws, id)
        return item(ws, id)
      })
    },
    async deleteShelfItem(ws, id) {
      return write(() => {
        const was = item(ws, id)
        if (was) sql('delete from shelf_items where workspace_id = ? and id = ?').run(ws, id)
        return was
      })
    },
    async shelfCounts(ws) {
      return sql('select place_id as placeId, count(*) as items from shelf_items where workspace_id = ? group by place_id order by place_id').all(ws) as { placeId: string; items: number }[]
    },
    async searchShelves(ws, placeIds, text, limit) {
      const rows = sql(`${itemSelect} where i.workspace_id = ? and i.place_id in (select value from json_each(?)) and instr(i.search, ?) > 0
        order by i.created_at desc, i.id desc limit ?`).all(ws, JSON.stringify(placeIds), text.toLowerCase(), limit) as ItemRow[]
      return rows.map(toItem)
    },

    async addShelfComment(ws, cm, max) {
      return write(() => {
        if (!sql('select 1 from shelf_items where workspace_id = ? and id = ?').get(ws, cm.itemId)) return null
        const held = sql('select count(*) from shelf_comments where workspace_id = ? and item_id = ?').pluck().get(ws, cm.itemId) as number
        if (held >= max) return 'full' as const
        sql('insert into shelf_comments (workspace_id, id, item_id, author_id, body, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)')
          .run(ws, cm.id, cm.itemId, cm.authorId, cm.body, cm.createdAt, cm.createdAt)
        return comment(ws, cm.id)!
      })
    },
    async getShelfComment(ws, id) {
      return comment(ws, id)
    },
    async listShelfComments(ws, itemId) {
      const rows = sql(`${commentSelect} where workspace_id = ? and item_id = ? order by created_at, id`).all(ws, itemId) as CommentRow[]
      return rows.map(toComment)
    },
    async updateShelfComment(ws, id, body, at) {
      return write(() => {
        if (sql('update shelf_comments set body = ?, updated_at = ? where workspace_id = ? and id = ?').run(body, at, ws, id).changes === 0) return null
        return comment(ws, id)
      })
    },
    async deleteShelfComment(ws, id) {
      return sql('delete from shelf_comments where workspace_id = ? and id = ?').run(ws, id).changes > 0
    },

    async setShelfFollow(ws, placeId, memberId, on, at) {
      if (on) sql('insert or ignore into shelf_follows (workspace_id, place_id, member_id, at) values (?, ?, ?, ?)').run(ws, placeId, memberId, at)
      else sql('delete from shelf_follows where workspace_id = ? and place_id = ? and member_id = ?').run(ws, placeId, memberId)
    },
    async shelfFollowers(ws, placeId) {
      return sql('select member_id from shelf_follows where workspace_id = ? and place_id = ? order by at, member_id').pluck().all(ws, placeId) as string[]
    },
  }
}
