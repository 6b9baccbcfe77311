import { describe, expect, it } from 'vitest'
import { readIcs } from '../../../../server/calendar/ics.ts'

const calendar = (zones: string, dtstart: string) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', zones, 'BEGIN:VEVENT', 'UID:1', 'SUMMARY:Stand-up', dtstart, 'DURATION:PT30M', 'END:VEVENT', 'END:VCALENDAR'].filter(Boolean).join('\r\n')
const zone = (tzid: string, offset: string) =>
  ['BEGIN:VTIMEZONE', `TZID:${tzid}`, 'BEGIN:STANDARD', 'DTSTART:19700101T000000', `TZOFFSETFROM:${offset}`, `TZOFFSETTO:${offset}`, 'END:STANDARD', 'END:VTIMEZONE'].join('\r\n')

describe('reading an .ics file', () => {
  it("reads a file's own time zones for that file only: another import (another workspace's) is not told what its TZIDs mean", () => {
    // A file naming a zone it does not define, read before any file defined it.
    const later = calendar('', 'DTSTART;TZID=Office/Here:20270104T090000')
    const alone = readIcs(later)
    const own = readIcs(calendar(zone('Office/Here', '+0500'), 'DTSTART;TZID=Office/Here:20270104T090000'))
    expect(new Date(own[0]!.startsAt).toISOString()).toBe('2027-01-04T04:00:00.000Z')
    expect(own[0]!.startsAt).not.toBe(alone[0]!.startsAt)
    // The same file again, after one that defined the zone and one that tried to redefine UTC.
    readIcs(calendar(zone('UTC', '+0300'), 'DTSTART;TZID=UTC:20270104T090000'))
    expect(readIcs(later)).toEqual(alone)
    expect(new Date(readIcs(calendar('', 'DTSTART:20270104T090000Z'))[0]!.startsAt).toISOString()).toBe('2027-01-04T09:00:00.000Z')
    expect(new Date(readIcs(calendar('', 'DTSTART;TZID=UTC:20270104T090000'))[0]!.startsAt).toISOString()).toBe('2027-01-04T09:00:00.000Z')
  })
})
