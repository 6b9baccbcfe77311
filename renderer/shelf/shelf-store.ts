/**
 * What the office knows of shelves: how many items each shelf this member sees holds (the marks on
 * the floor and the words on a place's card), the alerts of comments they hear of, and which shelf
 * (and item) is open. Only schema-checked data is put in (shelf-api.ts answers, notices.ts live
 * notices). Open items follow notices through `onShelfChange`.
 */
import { createStore } from 'zustand/vanilla'
import { useStore } from 'zustand'
import type { ShelfNotice } from '../../protocol/shelf.ts'

export type CommentAlert = Extract<ShelfNotice, { type: 'comment' }>
export type ItemNotice = Exclude<ShelfNotice, CommentAlert>

/** At most this many comment alerts show at once; older ones give way. */
const MAX_ALERTS = 4

export interface ShelfState {
  /** Items per place id (places holding none are absent); null until first read. */
  counts: Record<string, number> | null
  alerts: CommentAlert[]
  /** The shelf shown, and the item open on it. */
  open: { placeId: string; itemId: string | null } | null
  setCounts(counts: Record<string, number>): void
  count(placeId: string, items: number): void
  alert(a: CommentAlert): void
  dismiss(commentId: string): void
  show(placeId: string, itemId?: string | null): void
  close(): void
}

export const shelfStore = createStore<ShelfState>()((set, get) => ({
  counts: null,
  alerts: [],
  open: null,
  setCounts: (counts) => set({ counts }),
  count(placeId, items) {
    const counts = get().counts
    if (!counts || (counts[placeId] ?? 0) === items) return
    const { [placeId]: _was, ...rest } = counts
    set({ counts: items > 0 ? { ...rest, [placeId]: items } : rest })
  },
  alert: (a) => set({ alerts: [...get().alerts.filter((x) => x.comment.id !== a.comment.id), a].slice(-MAX_ALERTS) }),
  dismiss: (commentId) => set({ alerts: get().alerts.filter((a) => a.comment.id !== commentId) }),
  show: (placeId, itemId = null) => set({ open: { placeId, itemId } }),
  close: () => set({ open: null }),
}))

export const useShelves = <T,>(select: (s: ShelfState) => T) => useStore(shelfStore, select)

const listeners = new Set<(n: ItemNotice) => void>()
/** Calls `fn` with every item notice (an open shelf keeps its list live); returns the unsubscribe. */
export function onShelfChange(fn: (n: ItemNotice) => void): () => void {
  listeners.add(fn)
  return () => listeners.delete(fn)
}
export const emitShelfChange = (n: ItemNotice) => {
  for (const fn of listeners) fn(n)
}
