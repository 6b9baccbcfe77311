/**
 * The shared calendar (issue 14) against the real server: a booking of a bookable room that
 * overlaps another (a weekly one included) is refused with 409, naming the clash; members book
 * bookable rooms only; answers yes, maybe and no; a member's feed parses with ical.js, holds their
 * events and deadlines, and answers 404 once revoked or replaced; an imported .ics makes its events,
 * and a bad file gets a 400 naming what is wrong.
 */
import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import type { SignedIn } from '../../protocol/api.ts'
import { WEEK_MS, type Clash, type Deadline, type Feed } from '../../protocol/calendar.ts'
import { COMMUNITY_TOPIC, type CommunityEvent } from '../../protocol/community.ts'
import { readCommunityNotice } from '../../renderer/events/notices.ts'
import { addMember, createWorkspace, editFloor, until } from '../support/factories.ts'
import { useNoticeStack } from '../support/notice-stack.ts'

const notices = useNoticeStack()
const { http } = notices

/** What `who`'s lobby connection hears from the server on the community topic (null: the reader refused it). */
const listen = (who: SignedIn) => notices.listen(who, COMMUNITY_TOPIC, readCommunityNotice)

const HOUR = 3_600_000
/** A whole hour a day ahead, so that every occurrence is in the future. */
const base = Math.ceil((Date.now() + 24 * HOUR) / HOUR) * HOUR
const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16)

async function office() {
  const owner = await createWorkspace(http, 'Calendar office')
  const [ada, bo] = [await addMember(http, owner), await addMember(http, owner)]
  await editFloor(http, owner, [{ op: 'room.update', id: 'room_meeting', changes: { bookable: true } }])
  const ws = (who: SignedIn) => `/api/workspaces/${who.workspace.id}`
  const book = (who: SignedIn, title: string, startsAt: number, endsAt: number, extra: Record<string, unknown> = {}) =>
    http.post<CommunityEvent & { message: string; reason: string; clash: Clash; field: string }>(`${ws(who)}/events`, { title, roomId: 'room_meeting', startsAt, endsAt, capacity: 8, ...extra }, who.session.token)
  return { owner, ada, bo, ws, book }
}

describe('room bookings', () => {
  it('refuse an overlapping booking with 409 naming the clash, weekly occurrences included', async () => {
    const { ada, bo, book } = await office()
    const standup = await book(ada, 'Standup', base, base + HOUR, { repeat: { weekly: true, until: null } })
    expect(standup.status, JSON.stringify(standup.body)).toBe(201)
    expect(standup.body).toMatchObject({ repeat: { weekly: true, until: null }, hostId: ada.member.id })

    // Three weeks on, half an hour into that week's standup.
    const start = base + 3 * WEEK_MS + HOUR / 2
    const refused = await book(bo, 'Review', start, start + HOUR)
    expect(refused.status).toBe(409)
    expect(refused.body.message).toBe(`Meeting room is booked ${hhmm(base)}–${hhmm(base + HOUR)} UTC by ${ada.member.name} (Standup)`)
    expect(refused.body).toMatchObject({ reason: 'booked', clash: { eventId: standup.body.id, roomName: 'Meeting room', hostName: ada.member.name, startsAt: base + 3 * WEEK_MS, endsAt: base + 3 * WEEK_MS + HOUR } })

    // Right after the standup is free; the lounge is not bookable, so anything goes there (for hosts).
    expect((await book(bo, 'Review', base + 3 * WEEK_MS + HOUR, base + 3 * WEEK_MS + 2 * HOUR)).status).toBe(201)
    // A weekly series whose later occurrence meets that review is refused too.
    const series = await book(bo, 'Retro', base + HOUR + HOUR / 2, base + 2 * HOUR + HOUR / 2, { repeat: { weekly: true, until: base + 5 * WEEK_MS } })
    expect(series.status).toBe(409)
    expect(series.body.clash.title).toBe('Review')
  })

  it('are for members in bookable rooms; elsewhere only hosts and groups make events', async () => {
    const { bo, ws } = await office()
    const lounge = await http.post(`${ws(bo)}/events`, { title: 'Chat', roomId: 'room_lounge', startsAt: base, endsAt: base + HOUR, capacity: 3 }, bo.session.token)
    expect(lounge.status).toBe(403)
    const bad = await http.post<{ field: string }>(`${ws(bo)}/events`, { title: 'Chat', roomId: 'room_meeting', startsAt: base, endsAt: base + HOUR, capacity: 3, repeat: { weekly: true, until: base - WEEK_MS } }, bo.session.token)
    expect([bad.status, bad.body.field]).toEqual([400, 'repeat.until'])
    const stranger = await http.post<{ field: string }>(`${ws(bo)}/events`, { title: 'Chat', roomId: 'room_meeting', startsAt: base, endsAt: base + HOUR, capacity: 3, invited: ['mem_nobody'] }, bo.session.token)
    expect([stranger.status, stranger.body.field]).toEqual([400, 'invited'])
  })
})

describe('answers', () => {
  it('yes takes a seat, maybe and no give it up; invited people are listed', async () => {
    const { ada, bo, ws, book } = await office()
    const made = await book(ada, 'Planning', base, base + HOUR, { invited: [bo.member.id] })
    expect(made.body.invited).toEqual([bo.member.id])
    const answer = (a: string) => http.call<CommunityEvent>('PUT', `${ws(bo)}/calendar/events/${made.body.id}/answer`, { token: bo.session.token, body: { answer: a } })
    expect((await answer('yes')).body).toMatchObject({ attendees: [bo.member.id], maybe: [], declined: [] })
    expect((await answer('maybe')).body).toMatchObject({ attendees: [], maybe: [bo.member.id] })
    expect((await answer('no')).body).toMatchObject({ attendees: [], maybe: [], declined: [bo.member.id] })
    expect((await answer('perhaps')).status).toBe(400)
  })
})

describe('deadlines', () => {
  it('are set by hosts for the whole space, reach members live, and name a bad day', async () => {
    const { owner, bo, ws } = await office()
    const heard = await listen(bo)
    expect((await http.post(`${ws(bo)}/calendar/deadlines`, { title: 'Mine', day: '2027-01-15' }, bo.session.token)).status).toBe(403)
    const bad = await http.post<{ field: string }>(`${ws(owner)}/calendar/deadlines`, { title: 'Taxes', day: '2027-13-01' }, owner.session.token)
    expect([bad.status, bad.body.field]).toEqual([400, 'day'])
    const made = await http.post<Deadline>(`${ws(owner)}/calendar/deadlines`, { title: 'Taxes', day: '2027-04-30' }, owner.session.token)
    expect((await http.get<{ deadlines: Deadline[] }>(`${ws(bo)}/calendar/deadlines`, bo.session.token)).body.deadlines.map((d) => d.title)).toEqual(['Taxes'])
    expect((await http.call('DELETE', `${ws(owner)}/calendar/deadlines/${made.body.id}`, { token: owner.session.token })).status).toBe(204)
    await until(async () => heard.length >= 2, 'two deadline notices')
    expect(heard).toEqual([
      { type: 'deadline', deadline: expect.objectContaining({ id: made.body.id, title: 'Taxes', day: '2027-04-30', companyId: null }) },
      { type: 'deadline-gone', deadlineId: made.body.id },
    ])
  })
})

describe('iCalendar', () => {
  it('a member’s feed parses with ical.js, and a revoked or replaced token gets 404', async () => {
    const { owner, ada, ws, book } = await office()
    await book(ada, 'Standup', base, base + HOUR, { repeat: { weekly: true, until: base + 4 * WEEK_MS }, description: 'Ten minutes' })
    await http.post<Deadline>(`${ws(owner)}/calendar/deadlines`, { title: 'Tax returns', day: '2027-04-30' }, owner.session.token)
    expect((await http.get<Feed>(`${ws(ada)}/calendar/feed`, ada.session.token)).body).toEqual({ url: null, active: false, createdAt: null })
    const made = await http.post<Feed>(`${ws(ada)}/calendar/feed`, undefined, ada.session.token)
    expect(made.status).toBe(201)
    const path = new URL(made.body.url!).pathname
    expect(path).toMatch(/^\/api\/calendar-feeds\/[\w-]+\.ics$/)

    const feed = await fetch(notices.stack.server.url + path)
    expect([feed.status, feed.headers.get('content-type')]).toEqual([200, 'text/calendar; charset=utf-8'])
    const cal = new ICAL.Component(ICAL.parse(await feed.text()) as unknown[])
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v))
    const standup = events.find((e) => e.summary === 'Standup')!
    expect(standup.startDate.toJSDate().getTime()).toBe(base)
    expect(standup.endDate.toJSDate().getTime()).toBe(base + HOUR)
    expect(standup.description).toBe('Ten minutes')
    expect(standup.location).toBe('Meeting room')
    const it = standup.iterator()
    const starts = [it.next(), it.next(), it.next(), it.next(), it.next(), it.next()].filter(Boolean).map((t) => t!.toJSDate().getTime())
    expect(starts).toEqual([0, 1, 2, 3, 4].map((k) => base + k * WEEK_MS))
    const deadline = events.find((e) => e.summary === 'Deadline: Tax returns')!
    expect([deadline.startDate.isDate, deadline.startDate.toString()]).toEqual([true, '2027-04-30'])

    // A new address replaces the old; revoking ends the new one.
    const again = await http.post<Feed>(`${ws(ada)}/calendar/feed`, undefined, ada.session.token)
    expect((await fetch(notices.stack.server.url + path)).status).toBe(404)
    const second = new URL(again.body.url!).pathname
    expect((await fetch(notices.stack.server.url + second)).status).toBe(200)
    expect((await http.call('DELETE', `${ws(ada)}/calendar/feed`, { token: ada.session.token })).status).toBe(204)
    expect((await fetch(notices.stack.server.url + second)).status).toBe(404)
    expect((await fetch(`${notices.stack.server.url}/api/calendar-feeds/${'x'.repeat(43)}.ics`)).status).toBe(404)
  })

  it('an imported .ics makes its events; a bad one gets 400 naming what is wrong', async () => {
    const { owner, ws } = await office()
    const at = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')
    const ics = [
      'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//EN',
      'BEGIN:VEVENT', 'UID:one@test', `DTSTAMP:${at(base)}`, `DTSTART:${at(base)}`, `DTEND:${at(base + HOUR)}`, 'SUMMARY:Board meeting', 'DESCRIPTION:Quarterly numbers', 'END:VEVENT',
      'BEGIN:VEVENT', 'UID:two@test', `DTSTAMP:${at(base)}`, `DTSTART:${at(base + 2 * HOUR)}`, 'DURATION:PT30M', 'SUMMARY:Weekly sync', 'RRULE:FREQ=WEEKLY;COUNT=3', 'END:VEVENT',
      'BEGIN:VEVENT', 'UID:old@test', 'DTSTAMP:20200101T000000Z', 'DTSTART:20200101T100000Z', 'DTEND:20200101T110000Z', 'SUMMARY:Long ago', 'END:VEVENT',
      'END:VCALENDAR', '',
    ].join('\r\n')
    const imported = await http.post<{ events: CommunityEvent[]; skipped: number }>(`${ws(owner)}/calendar/import`, { ics, roomId: 'room_lounge' }, owner.session.token)
    expect(imported.status).toBe(201)
    expect(imported.body.skipped).toBe(1)
    expect(imported.body.events.map((e) => [e.title, e.startsAt, e.endsAt, e.repeat ?? null])).toEqual([
      ['Board meeting', base, base + HOUR, null],
      ['Weekly sync', base + 2 * HOUR, base + 2 * HOUR + HOUR / 2, { weekly: true, until: base + 2 * HOUR + 2 * WEEK_MS }],
    ])
    const listed = (await http.get<{ events: CommunityEvent[] }>(`${ws(owner)}/events`, owner.session.token)).body.events
    expect(listed.filter((e) => e.roomId === 'room_lounge').map((e) => e.title)).toEqual(['Board meeting', 'Weekly sync'])

    const bad = async (text: string) => (await http.post<{ field: string; message: string }>(`${ws(owner)}/calendar/import`, { ics: text, roomId: 'room_lounge' }, owner.session.token)).body
    expect(await bad('hello')).toMatchObject({ field: 'ics', message: expect.stringMatching(/^ics is not an iCalendar file/) })
    expect(await bad('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n')).toMatchObject({ field: 'ics', message: 'ics has no VEVENT to import' })
    const daily = ics.replace('FREQ=WEEKLY;COUNT=3', 'FREQ=DAILY')
    expect(await bad(daily)).toMatchObject({ field: 'ics', message: 'VEVENT 2 (Weekly sync) repeats as RRULE FREQ=DAILY: only a plain weekly repeat is imported' })
    expect((await http.post<{ field: string }>(`${ws(owner)}/calendar/import`, { ics, roomId: 'room_nowhere' }, owner.session.token)).body.field).toBe('roomId')
  })
})
