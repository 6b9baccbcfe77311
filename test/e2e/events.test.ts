/**
 * Events in Chromium (issue 13), two members: Ana makes an interest group, Bo joins it and makes
 * the group's event in the Meeting room, starting in two minutes (inside the reminder's 5-minute
 * lead, so the reminder is due at once: no waiting for time to pass). Ana RSVPs, gets the
 * reminder, and Go to room walks her into the Meeting room, whose call she joins. A running event
 * shows its card on its room. A guest link made in People and invites lets someone join from a
 * browser with a name only, into that one room; an open event's public link lets someone outside
 * join with a name and an email, and shows them the event's reminder in their page.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { team } from '../support/factories.ts'
import { officeSuite } from '../support/office-suite.ts'
import { PeopleAdminPage } from './pages/admin-page.ts'
import type { Account, OfficePage } from './pages/office-page.ts'

const ana: Account = { name: 'Ana Silva', email: 'ana@example.com', password: 'correct horse 1' }
const bo: Account = { name: 'Bo Lee', email: 'bo@example.com', password: 'battery staple 2' }

const events = (o: OfficePage) => o.page.getByRole('region', { name: 'Events' })
const showEvents = async (o: OfficePage) => {
  await o.page.getByRole('banner').getByRole('button', { name: 'Events', exact: true }).click()
  await events(o).waitFor()
}

describe('events', () => {
  const suite = officeSuite()
  beforeAll(async () => {
    await team(suite.http(), ana, [bo])
  })

  it('an interest group’s event: RSVP, then the reminder, then Go to room walks there', async () => {
    const a = (await suite.open()).office
    await a.signIn(ana)
    await showEvents(a)
    const groupForm = events(a).getByRole('form', { name: 'New interest group' })
    await groupForm.getByLabel('Group name').fill('Climbers')
    await groupForm.getByRole('button', { name: 'Create group' }).click()
    await events(a).getByRole('listitem', { name: 'Climbers' }).getByText('1 member').waitFor()

    const b = (await suite.open()).office
    await b.signIn(bo)
    await showEvents(b)
    await events(b).getByRole('button', { name: 'Join Climbers' }).click()
    await events(b).getByRole('button', { name: 'Leave Climbers' }).waitFor()
    await events(b).getByRole('button', { name: 'New event' }).click()
    const dialog = b.page.getByRole('dialog', { name: 'New event' })
    const local = (offsetMs: number) => b.page.evaluate((ms) => {
      const d = new Date(Date.now() + ms)
      return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16)
    }, offsetMs)
    await dialog.getByLabel('Title').fill('Bouldering talk')
    await dialog.getByLabel('Description').fill('Routes, shoes and chalk')
    await dialog.getByLabel('Room').selectOption({ label: 'Meeting room' })
    await dialog.getByLabel('Starts').fill(await local(2 * 60_000))
    await dialog.getByLabel('Ends').fill(await local(62 * 60_000))
    await dialog.getByLabel('Capacity').fill('5')
    await dialog.getByLabel('Group').selectOption({ label: 'Climbers' })
    await dialog.getByRole('button', { name: 'Create event' }).click()
    await dialog.waitFor({ state: 'detached' })
    await events(b).getByRole('listitem', { name: 'Bouldering talk' }).getByText(/Climbers/).waitFor()

    // Ana opens the list again (reading it anew) and RSVPs.
    await a.page.getByRole('banner').getByRole('button', { name: 'Events', exact: true }).click()
    await showEvents(a)
    const item = events(a).getByRole('listitem', { name: 'Bouldering talk' })
    await item.getByRole('button', { name: 'RSVP to Bouldering talk' }).click()
    await item.getByText('1/5 going · you are going').waitFor()

    // The reminder: it starts within 5 minutes, so it is due at once.
    const reminder = a.page.getByRole('region', { name: 'Event reminders' }).getByRole('alert')
    await reminder.getByText(/Bouldering talk starts in \d minutes? in Meeting room/).waitFor()
    expect(await reminder.count()).toBe(1)
    await reminder.getByRole('button', { name: 'Go to room' }).click()
    await a.stage('Meeting room').waitFor()
    await a.room('Meeting room', 1).waitFor()
    await b.room('Meeting room', 1).waitFor()
    await reminder.waitFor({ state: 'detached' })
  })

  it('shows a running event’s card on its room', async () => {
    const a = (await suite.open()).office
    await a.signIn(ana)
    await showEvents(a)
    await events(a).getByRole('button', { name: 'New event' }).click()
    const dialog = a.page.getByRole('dialog', { name: 'New event' })
    const local = (offsetMs: number) => a.page.evaluate((ms) => {
      const d = new Date(Date.now() + ms)
      return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16)
    }, offsetMs)
    await dialog.getByLabel('Title').fill('Standup')
    await dialog.getByLabel('Room').selectOption({ label: 'Lounge' })
    await dialog.getByLabel('Starts').fill(await local(-60_000))
    await dialog.getByLabel('Ends').fill(await local(30 * 60_000))
    await dialog.getByRole('button', { name: 'Create event' }).click()
    await a.page.getByRole('note', { name: /^Now in Lounge: Standup, until / }).waitFor()
    expect(await a.page.getByRole('note', { name: /^Now in Meeting room/ }).count()).toBe(0)
  })

  it('lets a guest join from a guest link with a name only, and walk into its room', async () => {
    const a = (await suite.open()).office
    await a.signIn(ana)
    const admin = new PeopleAdminPage(a.page)
    await admin.open()
    const links = admin.region().getByRole('region', { name: 'Guest links' })
    await links.getByLabel('Room for the guest').selectOption({ label: 'Lounge' })
    await links.getByRole('button', { name: 'Create guest link' }).click()
    const url = await links.getByLabel('Guest link (shown once)').inputValue()
    expect(url).toMatch(/#\/guest\/[A-Za-z0-9_-]+$/)

    const g = (await suite.open(url)).office
    const form = g.page.getByRole('form', { name: 'Join as a guest' })
    await form.getByText(/As a guest, in Lounge, from/).waitFor()
    await form.getByLabel('Your name').fill('Gwen Guest')
    await form.getByRole('button', { name: 'Join as a guest' }).click()
    await g.floor().waitFor()
    await g.walkInto('Lounge')
    await g.stage('Lounge').waitFor()
    await a.room('Lounge', 1).waitFor()
    // The guest is marked as one wherever the host sees them: the people list and the floor.
    await a.page.getByRole('list', { name: 'Online' }).getByText('Gwen Guest (guest)').waitFor()
    await a.personOnFloor('Gwen Guest (guest)').waitFor()
  })

  it('lets someone outside join an open event with a name and an email, and reminds them in their page', async () => {
    const a = (await suite.open()).office
    await a.signIn(ana)
    await showEvents(a)
    await events(a).getByRole('button', { name: 'New event' }).click()
    const dialog = a.page.getByRole('dialog', { name: 'New event' })
    const local = (offsetMs: number) => a.page.evaluate((ms) => {
      const d = new Date(Date.now() + ms)
      return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16)
    }, offsetMs)
    await dialog.getByLabel('Title').fill('Open studio')
    await dialog.getByLabel('Room').selectOption({ label: 'Lounge' })
    await dialog.getByLabel('Starts').fill(await local(3 * 60_000))
    await dialog.getByLabel('Ends').fill(await local(63 * 60_000))
    await dialog.getByRole('button', { name: 'Create event' }).click()
    await events(a).getByRole('button', { name: 'Publish Open studio with a public link' }).click()
    const url = await events(a).getByLabel('Public link of Open studio').inputValue()
    expect(url).toMatch(/#\/event\/[A-Za-z0-9_-]+$/)

    const o = (await suite.open(url)).office
    const form = o.page.getByRole('form', { name: 'Join the event' })
    await form.getByRole('heading', { name: 'Open studio' }).waitFor()
    await form.getByLabel('Your name').fill('Olga Outside')
    await form.getByLabel('Email').fill('olga@outside.example')
    await form.getByRole('button', { name: 'Join the event' }).click()
    await o.floor().waitFor()
    await o.page.getByRole('region', { name: 'Event reminders' }).getByText(/Open studio starts in \d minutes? in Lounge/).waitFor()
    // The outside guest holds a seat: Ana's list, read again, counts them.
    await a.page.getByRole('banner').getByRole('button', { name: 'Events', exact: true }).click()
    await showEvents(a)
    await events(a).getByRole('listitem', { name: 'Open studio' }).getByText('1/20 going').waitFor()
  })
})
