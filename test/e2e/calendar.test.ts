/**
 * The shared calendar in Chromium (issue 14), two members. Ana (the owner) has made the Meeting
 * room bookable and booked it for a Standup running now; Bo's booking that overlaps it is refused
 * in the New event dialog, naming the clash in his own time, and the room shows "Booked … by Ana"
 * on the floor and on its card. The week view is used by keyboard alone: Tab into it, arrows
 * between days and events, Enter opens an event, Page Down turns the week; answering Yes to the
 * running Standup sets Ana's status to "In Standup". A weekly event first held a week ago reminds
 * her before this week's occurrence, and Go to room walks her there. Bo's status text says "In
 * Quick sync" while that event he said yes to runs, and his own text comes back when it ends.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { SignedIn } from '../../protocol/api.ts'
import type { CommunityEvent } from '../../protocol/community.ts'
import { editFloor, team } from '../support/factories.ts'
import { officeSuite } from '../support/office-suite.ts'
import type { Account, OfficePage } from './pages/office-page.ts'

const ana: Account = { name: 'Ana Silva', email: 'ana@example.com', password: 'correct horse 1' }
const bo: Account = { name: 'Bo Lee', email: 'bo@example.com', password: 'battery staple 2' }
const MIN = 60_000

const calendar = (o: OfficePage) => o.page.getByRole('region', { name: 'Calendar' })
const showCalendar = async (o: OfficePage) => {
  await o.page.getByRole('banner').getByRole('button', { name: 'Calendar', exact: true }).click()
  await calendar(o).waitFor()
}
const focused = (o: OfficePage) => o.page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '')

describe('calendar', () => {
  const suite = officeSuite()
  let owner: SignedIn
  let standup: CommunityEvent
  beforeAll(async () => {
    const http = suite.http()
    owner = (await team(http, ana, [bo])).owner
    await editFloor(http, owner, [{ op: 'room.update', id: 'room_meeting', changes: { bookable: true } }])
    // Running now (so it is today wherever the browser is), every week.
    const made = await http.post<CommunityEvent>(`/api/workspaces/${owner.workspace.id}/events`, {
      title: 'Standup', roomId: 'room_meeting', startsAt: Date.now() - MIN, endsAt: Date.now() + 59 * MIN, capacity: 10, repeat: { weekly: true, until: null },
    }, owner.session.token)
    expect(made.status).toBe(201)
    standup = made.body
  })

  it('refuses an overlapping booking naming the clash, and shows the booking on the room and its card', async () => {
    const b = (await suite.open()).office
    await b.signIn(bo)
    await showCalendar(b)
    await calendar(b).getByRole('button', { name: 'New event' }).click()
    const dialog = b.page.getByRole('dialog', { name: 'New event' })
    const local = (offsetMs: number) => b.page.evaluate((ms) => {
      const d = new Date(Date.now() + ms)
      return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16)
    }, offsetMs)
    await dialog.getByLabel('Title').fill('Review')
    await dialog.getByLabel('Room').selectOption({ label: 'Meeting room' })
    await dialog.getByLabel('Starts').fill(await local(10 * MIN))
    await dialog.getByLabel('Ends').fill(await local(40 * MIN))
    await dialog.getByRole('button', { name: 'Create event' }).click()
    // Near midnight the Standup and the new event fall on different days: the clash names its day.
    await dialog.getByRole('alert').getByText(/^Meeting room is booked (on \w{3}, \w{3} \d{1,2} )?\d\d:\d\d–\d\d:\d\d by Ana Silva \(Standup\)$/).waitFor()
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await dialog.waitFor({ state: 'detached' })

    // On the floor, on the room; and on the room's card.
    await calendar(b).getByRole('button', { name: 'Hide the calendar' }).click()
    await b.page.getByRole('note', { name: /Booked (on \w{3}, \w{3} \d{1,2} )?\d\d:\d\d–\d\d:\d\d by Ana Silva/ }).waitFor()
    await b.page.getByRole('button', { name: /^Room Meeting room/ }).click({ button: 'right' })
    const card = b.page.getByRole('region', { name: 'About Meeting room' })
    await card.getByText(/Booked (on \w{3}, \w{3} \d{1,2} )?\d\d:\d\d–\d\d:\d\d by Ana Silva \(Standup\)/).first().waitFor()
  })

  it('is used by keyboard alone in the week view; a Yes to a running event sets the status', async () => {
    const a = (await suite.open()).office
    await a.signIn(ana)
    await showCalendar(a)
    const week = calendar(a).getByRole('group', { name: /^Week of / })
    await week.waitFor()
    // Tab from the Next week button lands on the week's one tabbable cell: Monday.
    await calendar(a).getByRole('button', { name: 'Next week' }).focus()
    await a.page.keyboard.press('Tab')
    expect(await focused(a)).toMatch(/^Monday\b.*: \d+ events?$/)
    await a.page.keyboard.press('ArrowRight')
    expect(await focused(a)).toMatch(/^Tuesday\b/)
    await a.page.keyboard.press('End')
    expect(await focused(a)).toMatch(/^Sunday\b/)
    await a.page.keyboard.press('Home')
    // To today, then down to its Standup, and open it with Enter.
    const today = await a.page.evaluate(() => (new Date().getDay() + 6) % 7)
    for (let i = 0; i < today; i++) await a.page.keyboard.press('ArrowRight')
    await a.page.keyboard.press('ArrowDown')
    expect(await focused(a)).toMatch(/^Standup, \d\d:\d\d–\d\d:\d\d, Meeting room$/)
    await a.page.keyboard.press('Enter')
    const details = calendar(a).getByRole('region', { name: 'About Standup' })
    await details.waitFor()

    // Page Down: next week, focus kept on the same place, where the weekly Standup is again.
    const label = await week.getAttribute('aria-label')
    // Run near midnight, the Standup (an hour from a minute ago) is on two days: either will do.
    await week.getByRole('button', { name: /^Standup/ }).first().focus()
    await a.page.keyboard.press('PageDown')
    await a.page.waitForFunction((before) => document.querySelector('[aria-label^="Week of "]')?.getAttribute('aria-label') !== before, label)
    expect(await focused(a)).toMatch(/^Standup, /)

    // Yes to the running Standup: the status text follows the calendar.
    await details.getByRole('button', { name: 'Yes' }).click()
    await details.getByRole('button', { name: 'Yes', pressed: true }).waitFor()
    await a.page.getByRole('button', { name: /^Status: .*In Standup/ }).waitFor()
    expect(standup.repeat).toEqual({ weekly: true, until: null })
  })

  it('reminds before a weekly event’s later occurrence, and Go to room walks there', async () => {
    const http = suite.http()
    // First held a week ago; this week's occurrence starts in two minutes, inside the reminder's lead.
    const first = Date.now() - 7 * 24 * 60 * MIN + 2 * MIN
    const made = await http.post<CommunityEvent>(`/api/workspaces/${owner.workspace.id}/events`, {
      title: 'Weekly demo', roomId: 'room_lounge', startsAt: first, endsAt: first + 30 * MIN, capacity: 10, repeat: { weekly: true, until: null },
    }, owner.session.token)
    expect(made.status).toBe(201)
    expect((await http.post(`/api/workspaces/${owner.workspace.id}/events/${made.body.id}/rsvp`, undefined, owner.session.token)).status).toBe(200)

    const a = (await suite.open()).office
    await a.signIn(ana)
    const reminder = a.page.getByRole('region', { name: 'Event reminders' }).getByRole('alert').filter({ hasText: 'Weekly demo' })
    await reminder.getByText(/Weekly demo starts in \d minutes? in Lounge/).waitFor()
    await reminder.getByRole('button', { name: 'Go to room' }).click()
    await a.stage('Lounge').waitFor()
    await a.room('Lounge', 1).waitFor()
  })

  it('sets "In <event>" while an accepted event runs, and gives the status text back when it ends', async () => {
    const b = (await suite.open()).office
    await b.signIn(bo)
    await b.setStatus('busy', 'Writing')
    await b.page.getByRole('button', { name: /^Status: .*Writing/ }).waitFor()
    const http = suite.http()
    // Running now, ending in 20 seconds: the status follows it in and out.
    const sync = await http.post<CommunityEvent>(`/api/workspaces/${owner.workspace.id}/events`, {
      title: 'Quick sync', roomId: 'room_lounge', startsAt: Date.now() - MIN, endsAt: Date.now() + 20_000, capacity: 10,
    }, owner.session.token)
    expect(sync.status).toBe(201)
    // Bo opens the calendar (which reads the events anew), finds it in the agenda by keyboard, and says yes.
    await showCalendar(b)
    await calendar(b).getByRole('button', { name: 'Agenda' }).click()
    const entry = calendar(b).getByRole('group', { name: 'Agenda' }).getByRole('button', { name: /^Quick sync, / })
    await entry.focus()
    await b.page.keyboard.press('Enter')
    await calendar(b).getByRole('region', { name: 'About Quick sync' }).getByRole('button', { name: 'Yes' }).click()
    await b.page.getByRole('button', { name: /^Status: .*In Quick sync/ }).waitFor()
    await b.page.getByRole('button', { name: /^Status: busy.*Writing/i }).waitFor({ timeout: 40_000 })
  })
})
