/**
 * Undo and redo for this host's own gestures (STYLE G15): each entry is the diff one gesture made,
 * and undoing replays its reverse as a new batch. Other hosts' batches never enter it; an entry whose
 * objects someone else changed since is refused (checkUndo names the object).
 */
import { squashDiffs, type FloorDiff } from '../../protocol/floor/diff.ts'

export interface HistoryEntry {
  floorId: string
  diff: FloorDiff
  /** Made inside a draft: discarding the draft drops it. */
  draft: boolean
}

export interface History {
  /**
   * Records one gesture. `continues` folds it into the last entry (a held key's repeats are one
   * gesture, one undo step, as a drag is), when that entry is of the same floor and kind.
   */
  record(entry: HistoryEntry, continues?: boolean): void
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
    record(entry, continues = false) {
      const last = undo.at(-1)
      if (continues && last && last.floorId === entry.floorId && last.draft === entry.draft && redo.length === 0) {
        undo[undo.length - 1] = { ...last, diff: squashDiffs(last.diff, entry.diff) }
        return
      }
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
