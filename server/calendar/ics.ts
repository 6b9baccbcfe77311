/**
 * iCalendar with ical.js (issue 14): a member's feed written as a VCALENDAR (events as UTC times,
 * weekly series as RRULE FREQ=WEEKLY, deadlines as all-day dates), and an imported file read into
 * events. What ical.js cannot read, or what we cannot hold (another recurrence than weekly, an
 * event without a start), is refused with the reason and the event it is about.
 */
import ICAL from 'ical.js'
import { MAX_IMPORTED_EVENTS, WEEK_MS } from '../../protocol/calendar.ts'
import { MAX_WINDOW_MS } from '../../protocol/community.ts'
import { badRequest, HttpError } from '../http-error.ts'
import type { DeadlineRecord } from '../store/calendar-store.ts'
import type { EventRecord } from '../store/community-store.ts'

const utc = (ms: number) => ICAL.Time.fromJSDate(new Date(ms), true)

/** The feed: `events` (with their room's name) and `deadlines`, stamped `now`. */
export function feedText(name: string, events: readonly (EventRecord & { roomName: string })[], deadlines: readonly DeadlineRecord[], now: number): string {
  const cal = new ICAL.Component(['vcalendar', [], []])
  cal.updatePropertyWithValue('prodid', '-//Virtual office//Calendar//EN')
  cal.updatePropertyWithValue('version', '2.0')
  cal.updatePropertyWithValue('x-wr-calname', name)
  for (const e of events) {
    const v = new ICAL.Component('vevent')
    v.addPropertyWithValue('uid', `${e.id}@virtual-office`)
    v.addPropertyWithValue('dtstamp', utc(now))
    v.addPropertyWithValue('dtstart', utc(e.startsAt))
    v.addPropertyWithValue('dtend', utc(e.endsAt))
    v.addPropertyWithValue('summary', e.title)
    if (e.description) v.addPropertyWithValue('description', e.description)
    v.addPropertyWithValue('location', e.roomName)
    if (e.repeat) v.addPropertyWithValue('rrule', new ICAL.Recur({ freq: 'WEEKLY', ...(e.repeat.until !== null ? { until: utc(e.repeat.until) } : {}) }))
    cal.addSubcomponent(v)
  }
  for (const d of deadlines) {
    const v = new ICAL.Component('vevent')
    v.addPropertyWithValue('uid', `${d.id}@virtual-office`)
    v.addPropertyWithValue('dtstamp', utc(now))
    v.addPropertyWithValue('dtstart', ICAL.Time.fromDateString(d.day))
    v.addPropertyWithValue('summary', `Deadline: ${d.title}`)
    v.addPropertyWithValue('transp', 'TRANSPARENT')
    cal.addSubcomponent(v)
  }
  return cal.toString()
}

export interface ImportedEvent {
  title: string
  description: string
  startsAt: number
  endsAt: number
  repeat: { until: number | null } | null
}

const fail = (message: string) => badRequest(message, 'ics')

/** The events of an .ics file's text; 400 (field `ics`) naming what is wrong. */
export function readIcs(text: string): ImportedEvent[] {
  let root: ICAL.Component
  try {
    const parsed = ICAL.parse(text) as unknown[]
    // Several calendars in one file parse to a list of them; the first is read.
    root = new ICAL.Component((Array.isArray(parsed[0]) ? parsed[0] : parsed) as unknown[])
  } catch (err) {
    throw fail(`ics is not an iCalendar file: ${(err as Error).message}`)
  }
  if (root.name !== 'vcalendar') throw fail(`ics holds a ${root.name.toUpperCase()}, not a VCALENDAR`)
  const vevents = root.getAllSubcomponents('vevent')
  if (vevents.length === 0) throw fail('ics has no VEVENT to import')
  if (vevents.length > MAX_IMPORTED_EVENTS) throw fail(`ics has ${vevents.length} events; at most ${MAX_IMPORTED_EVENTS} are imported at once`)
  // Its own time zones, so that a DTSTART with a TZID means what the file says, for this file only:
  // ical.js keeps them for the whole process, where one workspace's file would tell every later
  // import (another workspace's too) what a TZID means. None shadows a zone ical.js has (UTC).
  const own: string[] = []
  for (const tz of root.getAllSubcomponents('vtimezone')) {
    const tzid = tz.getFirstPropertyValue('tzid')
    if (typeof tzid !== 'string' || ICAL.TimezoneService.has(tzid)) continue
    ICAL.TimezoneService.register(tz)
    own.push(tzid)
  }
  try {
    return vevents.map((v, i) => {
      try {
        return readEvent(v, i)
      } catch (err) {
        // What ical.js throws on a value it cannot read (a bad date, a bad rule) is the file's fault too.
        if (err instanceof HttpError) throw err
        throw fail(`VEVENT ${i + 1} cannot be read: ${(err as Error).message}`)
      }
    })
  } finally {
    for (const tzid of own) ICAL.TimezoneService.remove(tzid)
  }
}

function readEvent(v: ICAL.Component, i: number): ImportedEvent {
  const e = new ICAL.Event(v)
  const which = `VEVENT ${i + 1}${e.summary ? ` (${e.summary})` : ''}`
  if (!v.hasProperty('dtstart')) throw fail(`${which} has no DTSTART`)
  const startsAt = e.startDate.toJSDate().getTime()
  // No DTEND nor DURATION: a dated event lasts its day, a timed one no time (RFC 5545 3.6.1); we give it an hour.
  const endsAt = v.hasProperty('dtend') || v.hasProperty('duration') ? e.endDate.toJSDate().getTime() : startsAt + (e.startDate.isDate ? 86_400_000 : 3_600_000)
  if (!Number.isFinite(startsAt) || !Number.isFinite(endsAt)) throw fail(`${which} has a date ical.js cannot read`)
  if (endsAt <= startsAt) throw fail(`${which} ends before it starts`)
  if (endsAt - startsAt > MAX_WINDOW_MS) throw fail(`${which} lasts more than 31 days`)
  return { title: (e.summary || 'Imported event').trim().slice(0, 120) || 'Imported event', description: (e.description ?? '').slice(0, 2_000), startsAt, endsAt, repeat: repeatOf(v, which, startsAt, endsAt) }
}

function repeatOf(v: ICAL.Component, which: string, startsAt: number, endsAt: number): ImportedEvent['repeat'] {
  const rule = v.getFirstPropertyValue('rrule') as ICAL.Recur | null
  if (!rule) return null
  const interval = rule.interval ?? 1
  const byDay = rule.parts.BYDAY ?? []
  if (rule.freq !== 'WEEKLY' || interval !== 1 || byDay.length > 1) throw fail(`${which} repeats as RRULE FREQ=${rule.freq}${interval !== 1 ? `;INTERVAL=${interval}` : ''}${byDay.length > 1 ? `;BYDAY=${byDay.join(',')}` : ''}: only a plain weekly repeat is imported`)
  if (endsAt - startsAt > WEEK_MS) throw fail(`${which} repeats weekly but lasts more than a week`)
  if (rule.until) return { until: rule.until.toJSDate().getTime() }
  if (rule.count) return { until: startsAt + (rule.count - 1) * WEEK_MS }
  return { until: null }
}
