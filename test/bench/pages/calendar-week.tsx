/**
 * The calendar-week benchmark page: the real WeekView (renderer/calendar/WeekView.tsx, with its
 * stylesheet) rendered with N events spread over the week (a tenth of them weekly series), as the
 * Calendar region renders it: occurrences from itemsIn, then the view. One sample is a fresh mount
 * (a new key) with React's commit done synchronously, then a forced style and layout: what a user
 * waits for between opening the week and seeing it laid out.
 */
import { flushSync } from 'react-dom'
import { createRoot } from 'react-dom/client'
import type { CommunityEvent } from '../../../protocol/community.ts'
import { weekStart } from '../../../renderer/calendar/format.ts'
import { itemsIn } from '../../../renderer/calendar/items.ts'
import { WeekView } from '../../../renderer/calendar/WeekView.tsx'
import '../../../renderer/theme/tokens.css'
import '../../../renderer/calendar/calendar.css'
import { seeded } from './seeded.ts'

const HOUR = 3_600_000
const start = weekStart(Date.UTC(2026, 10, 30, 12))
const rooms = ['room_meeting', 'room_lounge', 'room_focus', 'room_stage']
const names: Record<string, string> = { room_meeting: 'Meeting room', room_lounge: 'Lounge', room_focus: 'Focus room', room_stage: 'Stage' }

function eventsOf(n: number): CommunityEvent[] {
  const random = seeded(14)
  return Array.from({ length: n }, (_, i) => {
    const at = start + Math.floor(random() * 7 * 24) * HOUR
    return {
      id: `ev_${i}`, title: `Event ${i} ${['Standup', 'Review', 'Planning', 'Lunch talk'][i % 4]}`, description: '', hostId: null, roomId: rooms[i % rooms.length]!,
      startsAt: i % 10 === 0 ? at - 3 * 7 * 24 * HOUR : at, endsAt: (i % 10 === 0 ? at - 3 * 7 * 24 * HOUR : at) + HOUR * (1 + (i % 3)),
      capacity: 10, groupId: null, publicUrl: null, open: false, attendees: [], repeat: i % 10 === 0 ? { weekly: true, until: null } : null,
    }
  })
}

const root = createRoot(document.getElementById('root')!)
let key = 0

/** Times `samples` fresh renders of the week with `n` events, after `warmup` unmeasured ones. */
function run(n: number, samples: number, warmup: number): { times: number[]; shown: number } {
  const events = eventsOf(n)
  const end = start + 7 * 24 * HOUR
  const times: number[] = []
  for (let i = 0; i < warmup + samples; i++) {
    const t0 = performance.now()
    const items = itemsIn(events, start, end)
    flushSync(() => root.render(<WeekView key={++key} start={start} items={items} deadlines={[]} roomName={(id) => names[id] ?? 'a room'} onOpen={() => undefined} onWeek={() => undefined} />))
    // Reading layout makes the browser do the style and layout work the render caused.
    void document.body.getBoundingClientRect().height
    if (i >= warmup) times.push(performance.now() - t0)
  }
  return { times, shown: document.querySelectorAll('.calendar-event').length }
}

Object.assign(globalThis, { __calendarBench: { run } })
