/** How the board says when and what: "since 09:14" today, "since Mon 3 Nov" before; task statuses in words. */
import type { TaskStatus } from '../../protocol/board.ts'

export const STATUS_LABELS: Record<TaskStatus, string> = { todo: 'To do', doing: 'Doing', done: 'Done' }

export function sinceText(ms: number, now = Date.now()): string {
  const d = new Date(ms)
  const today = new Date(now).toDateString() === d.toDateString()
  return today ? d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : d.toLocaleDateString([], { weekday: 'short', day: 'numeric', month: 'short' })
}

/** A due date (YYYY-MM-DD, a calendar day with no time zone) as the reader's calendar names it. */
export function dueText(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return new Date(y, m - 1, d).toLocaleDateString([], { day: 'numeric', month: 'short', year: 'numeric' })
}
