/**
 * Presence and reaching people with three members online: walking by keyboard and by click,
 * a room's count that an older occupancy answer does not undo, statuses, idle → away → back from
 * the Platform's idle events, knock → admit → enter, wave → notification → join, and one seat per person.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { team } from '../support/factories.ts'
import { holdRequests } from '../support/held-request.ts'
import { officeSuite } from '../support/office-suite.ts'
import type { Account } from './pages/office-page.ts'

const ana: Account = { name: 'Ana Silva', email: 'ana@example.com', password: 'correct horse 1' }
const bo: Account = { name: 'Bo Lee', email: 'bo@example.com', password: 'battery staple 2' }
const cy: Account = { name: 'Cy Young', email: 'cy@example.com', password: 'tractor beam 33' }

describe('people in the office', () => {
  const suite = officeSuite()
  const signIn = async (account: Account) => {
    const { office } = await suite.open()
    await office.signIn(account)
    return office
  }
  const signInDesktop = async (account: Account) => {
    const { app, office } = await suite.openDesktop()
    await office.signIn(account)
    return { app, office }
  }

  // Ana owns the workspace; Bo and Cy are members (invited through the API, as a host's script would).
  beforeAll(async () => {
    await team(suite.http(), ana, [bo, cy])
  })

  it('walks into and out of rooms by keyboard and by click, seen by the others', async () => {
    const a = await signIn(ana)
    const b = await signIn(bo)
    const c = await signIn(cy)
    await a.desk('2', `${bo.name}, available`).waitFor()
    await a.desk('3', `${cy.name}, available`).waitFor()

    // Bo walks up from his desk into the meeting room with the keyboard.
    await b.holdKeyUntil('ArrowUp', b.stage('Meeting room'))
    await a.room('Meeting room', 1).waitFor()
    await c.person(bo.name, 'in a meeting, in Meeting room').waitFor()
    // Cy clicks the lounge; then walks out with the keyboard.
    await c.walkInto('Lounge')
    await c.stage('Lounge').getByText('Connected').waitFor()
    await a.room('Lounge', 1).waitFor()
    await c.holdKeyUntil('s', c.stage('Lounge'), 'detached')
    await a.room('Lounge', 0).waitFor()
    // B goes back to his desk.
    await b.page.keyboard.press('b')
    await b.stage('Meeting room').waitFor({ state: 'detached' })
    await a.desk('2', `${bo.name}, available`).waitFor()
  })

  it('counts someone who walks in while the app is still fetching who is where: the older answer does not take them off', async () => {
    // Cy's app asks the server who is in which room right after it joins the lobby; that answer is
    // held back until Bo has walked in and the live notice has counted him.
    const { office: c } = await suite.open()
    // The server's picture when asked: nobody in the meeting room.
    const occupancy = await holdRequests(c.page, /\/occupancy$/)
    await c.signIn(cy)
    await occupancy.asked
    const b = await signIn(bo)
    await b.walkInto('Meeting room')
    await b.stage('Meeting room').getByText('Connected').waitFor()
    await c.room('Meeting room', 1).waitFor()

    await occupancy.release()
    // Two frames after the old answer arrived: anything it changed would be drawn by now.
    await c.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
    await expect(c.room('Meeting room', 1).isVisible()).resolves.toBe(true)

    await b.page.keyboard.press('b')
    await c.room('Meeting room', 0).waitFor()
  })

  it('shows a status change to everyone, and away while the machine is idle', async () => {
    const a = await signIn(ana)
    const { app, office: b } = await signInDesktop(bo)
    await a.desk('2', `${bo.name}, available`).waitFor()

    await b.setStatus('busy', '🎧 Focusing')
    await a.desk('2', `${bo.name}, busy`).waitFor()
    await a.person(bo.name, 'busy, 🎧 Focusing').waitFor()

    await b.setStatus('available', '')
    await a.desk('2', `${bo.name}, available`).waitFor()
    // The OS says the machine went idle: away; activity again: available.
    await app.emit('idle:changed', 'idle')
    await a.desk('2', `${bo.name}, away`).waitFor()
    await app.emit('idle:changed', 'active')
    await a.desk('2', `${bo.name}, available`).waitFor()
  })

  it('knocks on a locked room, is admitted by someone inside, and walks in', async () => {
    const a = await signIn(ana)
    const b = await signIn(bo)
    // Ana (the owner) may enter her private office; Bo may not.
    await a.walkInto('Private office')
    await a.stage('Private office').getByText('Connected').waitFor()
    await b.walkInto('Private office')
    const door = b.page.getByRole('region', { name: 'Door of Private office' })
    await door.getByRole('button', { name: 'Knock' }).click()
    const knock = a.page.getByRole('alertdialog', { name: `${bo.name} is knocking` })
    await knock.getByRole('button', { name: 'Admit' }).click()
    await b.stage('Private office').getByText('Connected').waitFor()
    await a.room('Private office', 2).waitFor()
  })

  it('waves: the other gets a notification, and Join brings both to a free meeting room', async () => {
    const a = await signIn(ana)
    const { app, office: b } = await signInDesktop(bo)
    await a.desk('2', `${bo.name}, available`).waitFor()
    // Bo's avatar may still be gliding to his desk: click it once it rests, as a person would.
    let last = ''
    await expect.poll(async () => {
      const now = JSON.stringify(await a.personOnFloor(bo.name).boundingBox())
      const still = now === last
      last = now
      return still
    }, { interval: 200, timeout: 10_000 }).toBe(true)
    await a.personOnFloor(bo.name).click()
    await a.page.getByRole('region', { name: `Actions for ${bo.name}` }).getByRole('button', { name: 'Wave' }).click()
    await b.page.getByRole('alertdialog', { name: `${ana.name} waves at you` }).waitFor()
    await expect.poll(() => app.notifications.map((n) => n.title)).toContain(`${ana.name} waves at you`)
    // Bo clicks the OS notification: both walk to the nearest free meeting room.
    await app.emit('notify:clicked', app.notifications.at(-1)!.id)
    await b.stage('Meeting room').getByText('Connected').waitFor()
    await a.stage('Meeting room').getByText('Connected').waitFor()
  })

  it('do not disturb silences the notification of a wave, but the wave still waits in the list', async () => {
    const a = await signIn(ana)
    const { app, office: b } = await signInDesktop(bo)
    await b.setStatus('dnd', '')
    await a.desk('2', `${bo.name}, do not disturb`).waitFor()
    await a.personOnFloor(bo.name).click()
    await a.page.getByRole('region', { name: `Actions for ${bo.name}` }).getByRole('button', { name: 'Wave' }).click()
    await b.page.getByRole('alertdialog', { name: `${ana.name} waves at you` }).waitFor()
    // One more host call from the page: any notification asked for before it has arrived by now.
    await b.page.evaluate(() => (globalThis as unknown as { office: { invoke(c: string, k: string): Promise<unknown> } }).office.invoke('settings:get', 'stars'))
    expect(app.notifications).toEqual([])
  })

  it('keeps one seat per person: a second sign-in takes it over, and "Use here" takes it back', async () => {
    const a = await signIn(ana)
    const first = await signIn(bo)
    await a.desk('2', `${bo.name}, available`).waitFor()
    const second = await signIn(bo)
    const moved = first.page.getByRole('dialog', { name: 'You are signed in on another device' })
    await moved.waitFor()
    // One seat: Ana sees Bo once, still at his desk.
    await expect.poll(() => a.personOnFloor(bo.name).count()).toBe(1)
    await a.desk('2', `${bo.name}, available`).waitFor()
    await moved.getByRole('button', { name: 'Use here' }).click()
    await second.page.getByRole('dialog', { name: 'You are signed in on another device' }).waitFor()
    await moved.waitFor({ state: 'detached' })
  })
})
