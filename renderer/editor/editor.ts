/**
 * The host's editor as one service: every change is a gesture that commits one atomic batch (live),
 * or joins the private draft. Undo and redo replay reversed diffs (history.ts); a stale batch is
 * rebased on the newer floor (commit.ts). Components call these actions and read the editor store.
 */
import type { FloorTemplate } from '../../protocol/api.ts'
import type { FloorOp } from '../../protocol/floor/ops.ts'
import type { Desk, Floor, Furniture, Room } from '../../protocol/floor/records.ts'
import type { EditorStore } from './store.ts'

export interface Clipboard {
  rooms: Room[]
  desks: Desk[]
  furniture: Furniture[]
}

export interface Editor {
  readonly store: EditorStore
  /** Turns editing on or off (owners and hosts only; a no-op for others). */
  setEditing(on: boolean): void
  /** Replaces, extends or toggles the selection. */
  select(ids: readonly string[], mode?: 'replace' | 'add' | 'toggle'): void
  /** The floor the editor shows: the draft, or the live floor with edits in flight. */
  floor(): Floor | null
  /**
   * Commits one gesture's ops against the floor on screen, as one undo step. Resolves false when
   * the server or a rule refused it; the store's `message` then says why, naming the object or field.
   * `continues` makes it part of the previous gesture's undo step (a held arrow key's repeats).
   */
  apply(ops: readonly FloorOp[], opts?: { continues?: boolean }): Promise<boolean>
  undo(): Promise<void>
  redo(): Promise<void>
  startDraft(): Promise<void>
  publishDraft(): Promise<void>
  discardDraft(): Promise<void>
  addFloor(name: string, template?: FloorTemplate): Promise<void>
  renameFloor(floorId: string, name: string): Promise<void>
  /** Moves a floor up (-1) or down (+1) in the order. */
  moveFloor(floorId: string, delta: -1 | 1): Promise<void>
  removeFloor(floorId: string): Promise<void>
  /** Replaces the floor on screen with a floor file; false (and a message naming the field) when invalid. */
  importFloor(text: string): Promise<boolean>
  /** The floor on screen as a floor file (JSON text). */
  exportFloor(): string | null
  copy(): void
  /** Pastes the clipboard onto the floor on screen (any floor), selecting the copies. */
  paste(): Promise<void>
  duplicate(): Promise<void>
  removeSelected(): Promise<void>
  /** A fresh id for a new room, desk or piece of furniture. */
  newId(prefix: 'room' | 'desk' | 'furn'): string
  dispose(): void
}
