/**
 * The reminder email of an open event's outside guest: plain text, from the server's own records
 * only (the event, its room, the configured public address). Titles and names come from people,
 * so control characters go and lengths are bounded before they reach the subject or the body.
 */
import { REMINDER_LEAD_MS } from '../../protocol/community.ts'
import type { OutgoingMail } from './mailer.ts'

export interface ReminderFacts {
  to: string
  guestName: string
  workspaceName: string
  title: string
  startsAt: number
  roomName: string
  /** The event's public page, or null when the host has unpublished it since. */
  link: string | null
}

const SUBJECT_TITLE_MAX = 80

/** One line of at most `max` characters: control and line-separator characters become spaces. */
export function oneLine(value: string, max: number): string {
  // eslint-disable-next-line no-control-regex -- control characters are what it removes
  const flat = value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ').replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat
}

/** The start in UTC, with the offset spelled out: "Monday, 30 November 2026, 14:05 UTC (UTC+00:00)". */
export function utcTime(ms: number): string {
  const d = new Date(ms)
  const day = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(d)
  const time = d.toISOString().slice(11, 16)
  return `${day}, ${time} UTC (UTC+00:00)`
}

export function reminderMail(f: ReminderFacts): OutgoingMail {
  const title = oneLine(f.title, 120)
  const minutes = Math.round(REMINDER_LEAD_MS / 60_000)
  const lines = [
    `Hello ${oneLine(f.guestName, 64)},`,
    '',
    `"${title}" starts in ${minutes} minutes.`,
    '',
    `When: ${utcTime(f.startsAt)}`,
    `Room: ${oneLine(f.roomName, 100)}`,
    f.link ? `Event page: ${f.link}` : 'Event page: no longer published by its host.',
    '',
    `You signed up for this open event of ${oneLine(f.workspaceName, 100)} as a guest.`,
    f.link ? 'Open the event page in your browser to come back to it; its room opens when the event starts.' : '',
  ]
  return {
    to: f.to,
    subject: `Reminder: ${oneLine(f.title, SUBJECT_TITLE_MAX)} starts at ${new Date(f.startsAt).toISOString().slice(11, 16)} UTC`,
    text: `${lines.join('\n').trimEnd()}\n`,
  }
}
