/**
 * Issue 14: each room's whiteboard, saved with its past versions, and its thumbnail. The board is
 * kept as Excalidraw's elements in JSON, merged by the server (protocol/whiteboard.ts) before it
 * is written; the store only keeps versions in order.
 */

export interface WhiteboardRecord {
  roomId: string
  /** Saves that changed the board, counted from 1. */
  version: number
  /** The elements, as JSON. */
  elements: string
  /** Elements still drawn (not deleted). */
  drawn: number
  savedAt: number
  savedBy: string | null
}

export interface WhiteboardThumbnail {
  png: Buffer
  at: number
}

export interface WhiteboardStore {
  getWhiteboard(workspaceId: string, roomId: string): Promise<WhiteboardRecord | null>
  /**
   * Writes `next` as the board's version `base + 1` if the board is still at `base` (0: none yet),
   * keeping its `keep` latest versions; false when another save came in between (merge and retry).
   */
  saveWhiteboard(workspaceId: string, base: number, next: WhiteboardRecord, keep: number): Promise<boolean>
  /** The kept versions, newest first, without their elements. */
  listWhiteboardVersions(workspaceId: string, roomId: string): Promise<Omit<WhiteboardRecord, 'elements'>[]>
  getWhiteboardVersion(workspaceId: string, roomId: string, version: number): Promise<WhiteboardRecord | null>
  /** False when the room has no board to show. */
  setWhiteboardThumbnail(workspaceId: string, roomId: string, thumbnail: WhiteboardThumbnail): Promise<boolean>
  getWhiteboardThumbnail(workspaceId: string, roomId: string): Promise<WhiteboardThumbnail | null>
  /** Forgets a room's board: its versions and its thumbnail. */
  deleteWhiteboard(workspaceId: string, roomId: string): Promise<void>
}
