/**
 * What the office knows of events and groups, for the Events region, the reminders and the cards on
 * rooms. Kept light (types only, no schemas): the rooms layer in the start-up bundle reads it. Only
 * schema-checked data is put in (community-api.ts answers, notices.ts live notices). `now` ticks
 * (EventsMount) so that a card shows as its event starts and goes as it ends.
 */
import { createStore } from 'zustand/vanilla'
import type { CommunityEvent, Group } from '../../protocol/community.ts'

export interface EventsState {
  events: Record<string, CommunityEvent>
  groups: Record<string, Group>
  now: number
  setEvents(events: readonly CommunityEvent[]): void
  putEvent(event: CommunityEvent): void
  dropEvent(id: string): void
  setGroups(groups: readonly Group[]): void
  putGroup(group: Group): void
  tick(now: number): void
  clear(): void
}

const byId = <T extends { id: string }>(items: readonly T[]) => Object.fromEntries(items.map((i) => [i.id, i]))

export const eventsStore = createStore<EventsState>()((set, get) => ({
  events: {},
  groups: {},
  now: Date.now(),
  setEvents: (events) => set({ events: byId(events) }),
  putEvent: (event) => set({ events: { ...get().events, [event.id]: event } }),
  dropEvent(id) {
    const { [id]: _gone, ...rest } = get().events
    set({ events: rest })
  },
  setGroups: (groups) => set({ groups: byId(groups) }),
  putGroup: (group) => set({ groups: { ...get().groups, [group.id]: group } }),
  tick: (now) => set({ now }),
  clear: () => set({ events: {}, groups: {} }),
}))

/** The event running in `roomId` at `now`, if any (the earliest started). */
export const runningIn = (s: Pick<EventsState, 'events' | 'now'>, roomId: string): CommunityEvent | null =>
  Object.values(s.events)
    .filter((e) => e.roomId === roomId && e.startsAt <= s.now && s.now < e.endsAt)
    .sort((a, b) => a.startsAt - b.startsAt)[0] ?? null
