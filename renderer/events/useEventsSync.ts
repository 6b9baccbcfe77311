/**
 * Keeps the events store filled while the office is open: the lists when the office comes online
 * (and the window comes back into focus), the clock ticking at each start, end and reminder, and
 * the reminders that fall due (in the app, and as an OS notice). Cleared when the office closes.
 */
import { useEffect, useRef, useState } from 'react'
import { useStore } from 'zustand'
import type { CommunityEvent } from '../../protocol/community.ts'
import { useComposition, useSession } from '../app/context.tsx'
import { showNotice } from '../platform/notice.ts'
import type { CommunityApi } from './community-api.ts'
import { eventsStore } from './events-store.ts'
import { reminderKey } from './occurrence.ts'
import { dueReminders, nextChange } from './reminders.ts'

/** The clock is looked at least this often (a laptop waking from sleep). */
const TICK_MS = 30_000

export function useEventsSync(api: CommunityApi | null): { reminders: CommunityEvent[]; dismiss(id: string): void; reload(): void } {
  const { platform, stores } = useComposition()
  const me = useSession((s) => s.me)
  const online = useSession((s) => s.connection === 'online')
  const events = useStore(eventsStore, (s) => s.events)
  const now = useStore(eventsStore, (s) => s.now)
  const shown = useRef(new Set<string>())
  const [reminders, setReminders] = useState<CommunityEvent[]>([])
  const [generation, setGeneration] = useState(0)

  useEffect(() => () => eventsStore.getState().clear(), [])

  useEffect(() => {
    if (!api || !online || !me) return
    let live = true
    const load = () => {
      void api.events().then((list) => live && eventsStore.getState().setEvents(list), () => undefined)
      if (me.role !== 'guest') void api.groups().then((list) => live && eventsStore.getState().setGroups(list), () => undefined)
    }
    load()
    window.addEventListener('focus', load)
    return () => {
      live = false
      window.removeEventListener('focus', load)
    }
  }, [api, online, me, generation])

  useEffect(() => {
    const list = Object.values(events)
    const next = nextChange(list, Date.now())
    const wait = Math.min(TICK_MS, next === null ? TICK_MS : Math.max(0, next - Date.now()) + 50)
    const timer = setTimeout(() => eventsStore.getState().tick(Date.now()), wait)
    return () => clearTimeout(timer)
  }, [events, now])

  useEffect(() => {
    if (!me) return
    const due = dueReminders(Object.values(events), me.id, Date.now(), shown.current)
    if (due.length === 0) return
    for (const e of due) {
      shown.current.add(reminderKey(e, e))
      // An OS notice too (issue 15: in the desktop app with Join, which walks to the room), unless busy in do-not-disturb.
      if (stores.presence.getState().self.status === 'dnd') continue
      const minutes = Math.max(0, Math.ceil((e.startsAt - Date.now()) / 60_000))
      const when = minutes > 0 ? `starts in ${minutes} minute${minutes === 1 ? '' : 's'}` : 'has started'
      showNotice(platform, { id: `reminder:${e.id}`, title: e.title, body: `${e.title} ${when}`, silent: false }, { kind: 'reminder', from: e.id, fromName: e.title.slice(0, 80), place: '', text: when, ref: e.roomId })
    }
    setReminders((r) => [...r, ...due])
  }, [events, now, me, platform, stores])

  return {
    reminders,
    dismiss: (id) => setReminders((r) => r.filter((e) => e.id !== id)),
    reload: () => setGeneration((g) => g + 1),
  }
}
