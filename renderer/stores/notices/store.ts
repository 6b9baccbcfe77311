/**
 * Notices: short messages for the user (a locked room, a lost connection). They are shown as
 * toasts and read out by a polite live region.
 *
 * @example
 * const notices = createNoticeStore()
 * notices.getState().push('Private office is locked')
 */
import { createStore } from 'zustand/vanilla'

export interface Notice {
  id: number
  text: string
}

export interface NoticeState {
  notices: Notice[]
  push(text: string): void
  dismiss(id: number): void
}

const SHOW_MS = 6_000

export function createNoticeStore() {
  let next = 1
  return createStore<NoticeState>()((set, get) => ({
    notices: [],
    push(text) {
      const id = next++
      set({ notices: [...get().notices.slice(-3), { id, text }] })
      setTimeout(() => get().dismiss(id), SHOW_MS)
    },
    dismiss: (id) => set({ notices: get().notices.filter((n) => n.id !== id) }),
  }))
}
export type NoticeStore = ReturnType<typeof createNoticeStore>
