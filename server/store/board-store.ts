/**
 * Issue 14: the board of who works on what: working-on lines, pinned tasks, and their history.
 * One entry per member (it goes with the member), and per member the last few changes.
 */
import type { BoardChange, BoardEntry, BoardTask } from '../../protocol/board.ts'

export type BoardEntryRecord = BoardEntry
export type BoardChangeRecord = BoardChange

/** What one change sets: the line (text and link), or the tasks. */
export type BoardUpdate = { kind: 'line'; text: string; link: string | null } | { kind: 'tasks'; tasks: BoardTask[] }

export interface BoardStore {
  /** Every entry of the workspace, by member id. */
  listBoard(workspaceId: string): Promise<BoardEntryRecord[]>
  getBoardEntry(workspaceId: string, memberId: string): Promise<BoardEntryRecord | null>
  /**
   * Applies `update` to the member's entry (made on first use: empty line, no tasks). `since` moves
   * to `now` when the text changes. A change that changes something is kept in the history, of which
   * the last `keep` stay. null when the member is not in the workspace; `changed` false when the
   * entry already said so (nothing kept).
   */
  updateBoardEntry(workspaceId: string, memberId: string, update: BoardUpdate, now: number, keep: number): Promise<{ entry: BoardEntryRecord; changed: boolean } | null>
  /** The member's kept changes, newest first. */
  boardHistory(workspaceId: string, memberId: string): Promise<BoardChangeRecord[]>
}

/** A stored row of either table, as both stores read it. */
export interface BoardRow {
  member_id: string
  text: string
  link: string | null
  since: number
  tasks: string
  updated_at?: number
  at?: number
  kind?: 'line' | 'tasks'
}

export const entryOfRow = (r: BoardRow): BoardEntryRecord => ({
  memberId: r.member_id, text: r.text, link: r.link, since: Number(r.since), updatedAt: Number(r.updated_at), tasks: JSON.parse(r.tasks) as BoardTask[],
})
export const changeOfRow = (r: BoardRow): BoardChangeRecord => ({
  at: Number(r.at), kind: r.kind ?? 'line', text: r.text, link: r.link, since: Number(r.since), tasks: JSON.parse(r.tasks) as BoardTask[],
})

const sameTasks = (a: readonly BoardTask[], b: readonly BoardTask[]) =>
  a.length === b.length && a.every((t, i) => t.title === b[i]!.title && t.status === b[i]!.status && t.due === b[i]!.due)

/**
 * The entry after `update` (the same for both stores): `since` moves only when the text changes,
 * so editing the link or the tasks keeps "since 9:00" true. null when nothing would change.
 */
export function applyBoardUpdate(memberId: string, prev: BoardEntryRecord | null, update: BoardUpdate, now: number): BoardEntryRecord | null {
  const base = prev ?? { memberId, text: '', link: null, since: now, updatedAt: now, tasks: [] }
  if (update.kind === 'line') {
    if (prev && prev.text === update.text && prev.link === update.link) return null
    return { ...base, text: update.text, link: update.link, since: prev && prev.text === update.text ? prev.since : now, updatedAt: now }
  }
  if (prev && sameTasks(prev.tasks, update.tasks)) return null
  // Only what the schema names is kept, in this order.
  return { ...base, tasks: update.tasks.map((t) => ({ title: t.title, status: t.status, due: t.due })), updatedAt: now }
}
