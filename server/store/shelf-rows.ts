/** What both stores share of the shelf part (issue 14): the rows they read and the records made of them. */
import type { ShelfCommentRecord, ShelfItemRecord } from './shelf-store.ts'

export interface ItemRow {
  id: string; place_id: string; kind: 'note' | 'file'; title: string; body: string; storage_key: string | null; file_type: string | null
  file_size: number | null; author_id: string | null; created_at: number; updated_at: number; comments: number
}
export interface CommentRow { id: string; item_id: string; author_id: string | null; body: string; created_at: number; updated_at: number }

export const itemColumns = `i.id, i.place_id, i.kind, i.title, i.body, i.storage_key, i.file_type, i.file_size, i.author_id, i.created_at, i.updated_at`
export const commentSelect = 'select id, item_id, author_id, body, created_at, updated_at from shelf_comments'

export const toItem = (r: ItemRow): ShelfItemRecord => ({
  id: r.id, placeId: r.place_id, kind: r.kind, title: r.title, body: r.body, authorId: r.author_id, createdAt: r.created_at, updatedAt: r.updated_at,
  comments: r.comments, file: r.storage_key !== null ? { storageKey: r.storage_key, type: r.file_type ?? 'application/octet-stream', size: r.file_size ?? 0 } : null,
})
export const toComment = (r: CommentRow): ShelfCommentRecord => ({ id: r.id, itemId: r.item_id, authorId: r.author_id, body: r.body, createdAt: r.created_at, updatedAt: r.updated_at })
/** What a search looks in: one rule of case for both stores (JavaScript's), applied when written. */
export const searchText = (title: string, body: string) => `${title}\n${body}`.toLowerCase()
