/**
 * Issue 14: shelves of desks and rooms: notes and files, their comments, and who follows a shelf.
 * A shelf is a place id (a room or a desk of the workspace's floors) and needs no row of its own.
 * Authors are not foreign keys: what someone put on a shelf stays when they leave.
 */

export interface ShelfFileRecord {
  /** The BlobStore key of the bytes. */
  storageKey: string
  type: string
  size: number
}

export interface ShelfItemRecord {
  id: string
  placeId: string
  kind: 'note' | 'file'
  title: string
  /** A note's Markdown; '' for a file. */
  body: string
  file: ShelfFileRecord | null
  authorId: string | null
  createdAt: number
  updatedAt: number
  /** Comments on it now. */
  comments: number
}

export type NewShelfItem = Omit<ShelfItemRecord, 'comments' | 'updatedAt'>

export interface ShelfCommentRecord {
  id: string
  itemId: string
  authorId: string | null
  body: string
  createdAt: number
  updatedAt: number
}

export interface ShelfStore {
  /** Adds an item unless its shelf holds `max` already ('full'). */
  addShelfItem(workspaceId: string, item: NewShelfItem, max: number): Promise<ShelfItemRecord | 'full'>
  getShelfItem(workspaceId: string, id: string): Promise<ShelfItemRecord | null>
  /** A shelf's items, newest first. */
  listShelfItems(workspaceId: string, placeId: string): Promise<ShelfItemRecord[]>
  /** Changes a title and/or a note's body; null when there is no such item. */
  updateShelfItem(workspaceId: string, id: string, changes: { title?: string; body?: string }, at: number): Promise<ShelfItemRecord | null>
  /** Removes an item with its comments; the removed item, or null when there was none. */
  deleteShelfItem(workspaceId: string, id: string): Promise<ShelfItemRecord | null>
  /** How many items each shelf of the workspace holds (shelves holding none are left out). */
  shelfCounts(workspaceId: string): Promise<{ placeId: string; items: number }[]>
  /**
   * Items on the shelves `placeIds` whose title (a file's name) or note body holds `text`, in any
   * case, newest first, at most `limit`.
   */
  searchShelves(workspaceId: string, placeIds: readonly string[], text: string, limit: number): Promise<ShelfItemRecord[]>

  /** Adds a comment unless the item is gone (null) or holds `max` comments already ('full'). */
  addShelfComment(workspaceId: string, comment: Omit<ShelfCommentRecord, 'updatedAt'>, max: number): Promise<ShelfCommentRecord | 'full' | null>
  getShelfComment(workspaceId: string, id: string): Promise<ShelfCommentRecord | null>
  /** An item's comments, oldest first. */
  listShelfComments(workspaceId: string, itemId: string): Promise<ShelfCommentRecord[]>
  updateShelfComment(workspaceId: string, id: string, body: string, at: number): Promise<ShelfCommentRecord | null>
  deleteShelfComment(workspaceId: string, id: string): Promise<boolean>

  /** Follows (on) or stops following a shelf; again: no change. */
  setShelfFollow(workspaceId: string, placeId: string, memberId: string, on: boolean, at: number): Promise<void>
  /** Who follows a shelf, earliest first (members who left are gone from it). */
  shelfFollowers(workspaceId: string, placeId: string): Promise<string[]>
}
