/**
 * Undo and redo for this host's own gestures (STYLE G15): each entry is the diff one gesture made,
 * and undoing replays its reverse as a new batch. Other hosts' batches never enter it; an entry whose
 * objects someone else changed since is refused (checkUndo names the object).
 */
import type { FloorDiff } from '../../protocol/floor/diff.ts'

export interface HistoryEntry {
  floorId: string
  diff: FloorDiff
  /** Made inside a draft: discarding the draft drops it. */
  draft: boolean
}

export interface History {
  record(entry: HistoryEntry): void
  peekUndo(): HistoryEntry | undefined
  peekRedo(): HistoryEntry | undefined
  /** Moves the top undo entry to the redo stack (after its reverse was applied). */
  undone(): void
  /** Moves the top redo entry back to the undo stack (after it was applied again). */
  redone(): void
  /** Forgets entries made in a draft (the draft was discarded). */
  dropDraft(): void
  /** Entries made in a draft become live ones (the draft was published). */
  keepDraft(): void
  readonly canUndo: boolean
  readonly canRedo: boolean
}

/** How many gestures are kept; older ones fall off. */
const LIMIT = 200

export function createHistory(): History {
  let undo: HistoryEntry[] = []
  let redo: HistoryEntry[] = []
  return {
    record(entry) {
      undo.push(entry)
      if (undo.length > LIMIT) undo.shift()
      redo = []
    },
    peekUndo: () => undo.at(-1),
    peekRedo: () => redo.at(-1),
    undone() {
      const entry = undo.pop()
      if (entry) redo.push(entry)
    },
    redone() {
      const entry = redo.pop()
      if (entry) undo.push(entry)
    },
    dropDraft() {
      undo = undo.filter((e) => !e.draft)
      redo = redo.filter((e) => !e.draft)
    },
    keepDraft() {
      for (const e of [...undo, ...redo]) e.draft = false
    },
    get canUndo() {
      return undo.length > 0
    },
    get canRedo() {
      return redo.length > 0
    },
  }
}
