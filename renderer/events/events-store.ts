/**
 * What the office knows of events and groups, for the Events region, the reminders and the cards on
 * rooms. Kept light (types only, no schemas): the rooms layer in the start-up bundle reads it. Only
 * schema-checked data is put in (community-api.ts answers, notices.ts live notices). `now` ticks
 * (EventsMount) so that a card shows as its event starts and goes as it ends.
 */
import { createStore } from 'zustand/vanilla'
import type { CommunityEvent, Group } from '../../protocol/community.ts'
import type { Deadline } from '../../protocol/deadlines.ts'
import { occurrenceAt } from './occurrence.ts'

export interface EventsState {
  events: Record<string, CommunityEvent>
  groups: Record<string, Group>
  /** The calendar's deadlines this member sees (issue 14), read when the Calendar opens, then live. */
  deadlines: Record<string, Deadline>
  now: number
  setEvents(events: readonly CommunityEvent[]): void
  putEvent(event: CommunityEvent): void
  dropEvent(id: string): void
  setGroups(groups: readonly Group[]): void
  putGroup(group: Group): void
  setDeadlines(deadlines: readonly Deadline[]): void
  putDeadline(deadline: Deadline): void
  dropDeadline(id: string): void
  tick(now: number): void
  clear(): void
}

const byId = <T extends { id: string }>(items: readonly T[]) => Object.fromEntries(items.map((i) => [i.id, i]))

export const eventsStore = createStore<EventsState>()((set, get) => ({
  events: {},
  groups: {},
  deadlines: {},
  now: Date.now(),
  setEvents: (events) => set({ events: byId(events) }),
  putEvent: (event) => set({ events: { ...get().events, [event.id]: event } }),
  dropEvent(id) {
    const { [id]: _gone, ...rest } = get().events
    set({ events: rest })
  },
  setGroups: (groups) => set({ groups: byId(groups) }),
  putGroup: (group) => set({ groups: { ...get().groups, [group.id]: group } }),
  setDeadlines: (deadlines) => set({ deadlines: byId(deadlines) }),
  putDeadline: (deadline) => set({ deadlines: { ...get().deadlines, [deadline.id]: deadline } }),
  dropDeadline(id) {
    const { [id]: _gone, ...rest } = get().deadlines
    set({ deadlines: rest })
  },
  tick: (now) => set({ now }),
  clear: () => set({ events: {}, groups: {}, deadlines: {} }),
}))

/**
 * The event running in `roomId` at `now`, if any (the earliest started; a weekly one in any of its
 * occurrences, issue 14). The stored record itself, so that a selector's answer stays the same
 * object: its running occurrence's times are occurrenceAt's.
 */
export const runningIn = (s: Pick<EventsState, 'events' | 'now'>, roomId: string): CommunityEvent | null => {
  let best: { e: CommunityEvent; start: number } | null = null
  for (const e of Object.values(s.events)) {
    const o = e.roomId === roomId ? occurrenceAt(e, s.now) : null
    if (o && (!best || o.startsAt < best.start)) best = { e, start: o.startsAt }
  }
  return best?.e ?? null
}
