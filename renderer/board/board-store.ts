/**
 * The board as this client knows it: every member's entry, from the server's list (GET …/board)
 * and its live notices since. Per member the entry with the latest `updatedAt` wins, so a list
 * read before a notice arrived never undoes the notice.
 *
 * @example
 * boardStore.getState().putAll(await api.board())
 * boardStore.getState().entries[memberId]?.text
 */
import { useStore } from 'zustand'
import { createStore } from 'zustand/vanilla'
import type { BoardEntry } from '../../protocol/board.ts'

export interface BoardState {
  /** Whether the server's list was read in this session. */
  loaded: boolean
  entries: Readonly<Record<string, BoardEntry>>
  putAll(entries: readonly BoardEntry[]): void
  put(entry: BoardEntry): void
  reset(): void
}

const newer = (old: BoardEntry | undefined, next: BoardEntry) => !old || next.updatedAt >= old.updatedAt

export const boardStore = createStore<BoardState>()((set) => ({
  loaded: false,
  entries: {},
  putAll: (list) =>
    set((s) => {
      // Merged: an entry a notice brought after the list was read stays (the board shows only members anyway).
      const entries: Record<string, BoardEntry> = { ...s.entries }
      for (const e of list) if (newer(entries[e.memberId], e)) entries[e.memberId] = e
      return { loaded: true, entries }
    }),
  put: (entry) => set((s) => (newer(s.entries[entry.memberId], entry) ? { entries: { ...s.entries, [entry.memberId]: entry } } : s)),
  reset: () => set({ loaded: false, entries: {} }),
}))

export const useBoard = <T,>(select: (s: BoardState) => T): T => useStore(boardStore, select)
