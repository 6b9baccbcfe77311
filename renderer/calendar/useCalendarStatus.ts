/**
 * Status follows the calendar (issue 14): while an occurrence of an event this member said yes to
 * runs, their status text is "In <event>" (through the office's status path, so peers see it as
 * any status); when it ends, the text (and its end) they had before comes back, unless they have
 * set another text meanwhile, which is theirs to keep. The status itself (busy, away…) is left alone.
 */
import { useEffect, useRef } from 'react'
import { useStore } from 'zustand'
import { useComposition, useOffice, useSession } from '../app/context.tsx'
import { eventsStore } from '../events/events-store.ts'
import { acceptedRunning } from './accepted.ts'

export function useCalendarStatus(): void {
  const office = useOffice()
  const { stores } = useComposition()
  const me = useSession((s) => s.me)
  const running = useStore(eventsStore, (s) => (me ? acceptedRunning(s.events, me.id, s.now) : null))
  const held = useRef<{ eventId: string; text: string; before: { text: string; until: number } } | null>(null)
  const title = running?.title ?? null
  const id = running?.id ?? null
  useEffect(() => {
    const self = stores.presence.getState().self
    const now = held.current
    if (id && title) {
      if (now?.eventId === id) return
      const text = `In ${title}`
      // Back to back: what was there before the first event comes back after the last.
      const before = now ? now.before : { text: self.statusText, until: self.statusUntil }
      held.current = { eventId: id, text, before }
      office.status.set(self.status, text, 0)
    } else if (now) {
      held.current = null
      if (self.statusText === now.text) office.status.set(self.status, now.before.text, now.before.until > Date.now() ? now.before.until : 0)
    }
  }, [id, title, office, stores])
}
