/** The shelf part in the PostgreSQL store (issue 14): items, comments and follows (migration 110). */
import type { ShelfStore } from '../shelf-store.ts'
import { commentSelect, itemColumns, searchText, toComment, toItem, type CommentRow, type ItemRow } from '../shelf-rows.ts'
import type { Connection, Sql } from './connection.ts'

const itemSelect = `select ${itemColumns},
  (select count(*) from shelf_comments c where c.workspace_id = i.workspace_id and c.item_id = i.id)::integer as comments from shelf_items i`
/** Shelf-wide decisions (a shelf's count, an item's count of comments) are taken one at a time. */
const shelfLock = (ws: string, key: string) => `shelf:${ws}:${key}`

export function shelfMethods(c: Connection): ShelfStore {
  const item = async (sql: Sql, ws: string, id: string) => {
    const r = await sql.one<ItemRow>(`${itemSelect} where i.workspace_id = $1 and i.id = $2`, [ws, id])
    return r ? toItem(r) : null
  }
  const comment = async (sql: Sql, ws: string, id: string) => {
    const r = await sql.one<CommentRow>(`${commentSelect} where workspace_id = $1 and id = $2`, [ws, id])
    return r ? toComment(r) : null
  }

  return {
    async addShelfItem(ws, it, max) {
      return c.tx(async (sql) => {
        await sql.lock(shelfLock(ws, it.placeId))
        const held = await sql.one<{ n: number }>('select count(*)::integer as n from shelf_items where workspace_id = $1 and place_id = $2', [ws, it.placeId])
        if ((held?.n ?? 0) >= max) return 'full' as const
        await sql.run(`insert into shelf_items (workspace_id, id, place_id, kind, title, body, search, storage_key, file_type, file_size, author_id, created_at, updated_at)
          values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)`, [ws, it.id, it.placeId, it.kind, it.title, it.body, searchText(it.title, it.body),
          it.file?.storageKey ?? null, it.file?.type ?? null, it.file?.size ?? null, it.authorId, it.createdAt])
        return (await item(sql, ws, it.id))!
      })
    },
    async getShelfItem(ws, id) {
      return item(c, ws, id)
    },
    async listShelfItems(ws, placeId) {
      return (await c.rows<ItemRow>(`${itemSelect} where i.workspace_id = $1 and i.place_id = $2 order by i.created_at desc, i.id collate "C" desc`, [ws, placeId])).map(toItem)
    },
    async updateShelfItem(ws, id, changes, at) {
      return c.tx(async (sql) => {
        const was = await item(sql, ws, id)
        if (!was) return null
        const title = changes.title ?? was.title
        const body = changes.body ?? was.body
        await sql.run('update shelf_items set title = $1, body = $2, search = $3, updated_at = $4 where workspace_id = $5 and id = $6', [title, body, searchText(title, body), at, ws, id])
        return item(sql, ws, id)
      })
    },
    async deleteShelfItem(ws, id) {
      return c.tx(async (sql) => {
        const was = await item(sql, ws, id)
        if (was) await sql.run('delete from shelf_items where workspace_id = $1 and id = $2', [ws, id])
        return was
      })
    },
    async shelfCounts(ws) {
      return c.rows<{ placeId: string; items: number }>(
        'select place_id as "placeId", count(*)::integer as items from shelf_items where workspace_id = $1 group by place_id order by place_id collate "C"', [ws])
    },
    async searchShelves(ws, placeIds, text, limit) {
      const rows = await c.rows<ItemRow>(`${itemSelect} where i.workspace_id = $1 and i.place_id = any($2::text[]) and strpos(i.search, $3) > 0
        order by i.created_at desc, i.id collate "C" desc limit $4`, [ws, placeIds, text.toLowerCase(), limit])
      return rows.map(toItem)
    },

    async addShelfComment(ws, cm, max) {
      return c.tx(async (sql) => {
        await sql.lock(shelfLock(ws, cm.itemId))
        if (!(await sql.one('select 1 from shelf_items where workspace_id = $1 and id = $2', [ws, cm.itemId]))) return null
        const held = await sql.one<{ n: number }>('select count(*)::integer as n from shelf_comments where workspace_id = $1 and item_id = $2', [ws, cm.itemId])
        if ((held?.n ?? 0) >= max) return 'full' as const
        await sql.run('insert into shelf_comments (workspace_id, id, item_id, author_id, body, created_at, updated_at) values ($1, $2, $3, $4, $5, $6, $6)',
          [ws, cm.id, cm.itemId, cm.authorId, cm.body, cm.createdAt])
        return (await comment(sql, ws, cm.id))!
      })
    },
    async getShelfComment(ws, id) {
      return comment(c, ws, id)
    },
    async listShelfComments(ws, itemId) {
      return (await c.rows<CommentRow>(`${commentSelect} where workspace_id = $1 and item_id = $2 order by created_at, id collate "C"`, [ws, itemId])).map(toComment)
    },
    async updateShelfComment(ws, id, body, at) {
      return c.tx(async (sql) => {
        if ((await sql.run('update shelf_comments set body = $1, updated_at = $2 where workspace_id = $3 and id = $4', [body, at, ws, id])) === 0) return null
        return comment(sql, ws, id)
      })
    },
    async deleteShelfComment(ws, id) {
      return (await c.run('delete from shelf_comments where workspace_id = $1 and id = $2', [ws, id])) > 0
    },

    async setShelfFollow(ws, placeId, memberId, on, at) {
      if (on) await c.run('insert into shelf_follows (workspace_id, place_id, member_id, at) values ($1, $2, $3, $4) on conflict do nothing', [ws, placeId, memberId, at])
      else await c.run('delete from shelf_follows where workspace_id = $1 and place_id = $2 and member_id = $3', [ws, placeId, memberId])
    },
    async shelfFollowers(ws, placeId) {
      const rows = await c.rows<{ member_id: string }>('select member_id from shelf_follows where workspace_id = $1 and place_id = $2 order by at, member_id collate "C"', [ws, placeId])
      return rows.map((r) => r.member_id)
    },
  }
}
