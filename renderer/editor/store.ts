/**
 * Editor state: whether this host is editing, what is selected, grid snapping, the draft being
 * collected, and whether undo and redo have anything. The floor itself lives in the floor store
 * (confirmed by the server); what the editor shows on top of it is `preview`.
 *
 * @example
 * const editor = createEditorStore()
 * editor.getState().setSelection(['desk_1'])
 */
import { createStore } from 'zustand/vanilla'
import type { FloorOp } from '../../protocol/floor/ops.ts'
import type { Floor } from '../../protocol/floor/records.ts'

export interface DraftState {
  floorId: string
  baseVersion: number
  ops: FloorOp[]
}

export interface EditorMessage {
  kind: 'error' | 'info'
  text: string
}

export interface EditorState {
  editing: boolean
  /** Ids of the selected rooms and desks on the floor on screen. */
  selection: string[]
  snap: boolean
  /** Grid unit in floor units: arrow keys move by one, Shift+arrow by ten. */
  grid: number
  /** The draft of the floor on screen, when this host is collecting changes privately. */
  draft: DraftState | null
  /** What the editor shows instead of the confirmed floor: edits in flight, or the draft applied. */
  preview: Floor | null
  canUndo: boolean
  canRedo: boolean
  /** The last refusal or conflict, said plainly ("Room “Lounge” was changed by someone else"). */
  message: EditorMessage | null
  set(patch: Partial<Omit<EditorState, 'set'>>): void
}

export function createEditorStore() {
  return createStore<EditorState>()((set) => ({
    editing: false,
    selection: [],
    snap: true,
    grid: 10,
    draft: null,
    preview: null,
    canUndo: false,
    canRedo: false,
    message: null,
    set: (patch) => set(patch),
  }))
}
export type EditorStore = ReturnType<typeof createEditorStore>
