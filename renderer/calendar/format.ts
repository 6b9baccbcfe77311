/** Times and days as the calendar says them, in this device's time zone, and a refused booking's clash in those words. */
import type { Clash } from '../../protocol/calendar.ts'
import { DAY_MS } from '../../protocol/occurrences.ts'

// One formatter each, made once: toLocale…String makes one per call, which a week of 500 events pays for 1,500 times.
const clockFormat = new Intl.DateTimeFormat([], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
const dayFormat = new Intl.DateTimeFormat([], { weekday: 'long', day: 'numeric', month: 'long' })
const shortDayFormat = new Intl.DateTimeFormat([], { weekday: 'short', day: 'numeric', month: 'short' })
export const clock = (ms: number) => clockFormat.format(ms)
export const dayName = (ms: number) => dayFormat.format(ms)
export const shortDay = (ms: number) => shortDayFormat.format(ms)

/** Local midnight of the day holding `ms`. */
export function dayStart(ms: number): number {
  const d = new Date(ms)
  d.setHours(0, 0, 0, 0)
  return d.getTime()
}

/** Local midnight of the Monday of the week holding `ms`. */
export function weekStart(ms: number): number {
  const d = new Date(dayStart(ms))
  d.setDate(d.getDate() - ((d.getDay() + 6) % 7))
  return d.getTime()
}

/** The seven local midnights of the week starting at `start` (a day's length varies across a clock change). */
export function daysOf(start: number): number[] {
  return Array.from({ length: 7 }, (_, i) => {
    const d = new Date(start)
    d.setDate(d.getDate() + i)
    return d.getTime()
  })
}

/** A deadline's YYYY-MM-DD as the local midnight of that day. */
export function dayOf(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return new Date(y, m - 1, d).getTime()
}
export const toDayInput = (ms: number) => {
  const d = new Date(ms)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

/** "Meeting room is booked 14:00–15:00 by Ada Lovelace (Standup)", in local time; with its day when not `near`'s. */
export function clashText(c: Clash, near: number): string {
  const day = Math.abs(dayStart(c.startsAt) - dayStart(near)) < DAY_MS / 2 ? '' : ` on ${shortDay(c.startsAt)}`
  return `${c.roomName} is booked${day} ${clock(c.startsAt)}–${clock(c.endsAt)} by ${c.hostName ?? 'someone'} (${c.title})`
}
