/**
 * The first complete loop on real parts: a real livekit-server, the real server serving the built
 * client, and two Chromium users with fake cameras who meet in a room and see each other's video.
 */
import { describe, expect, it } from 'vitest'
import { officeSuite } from '../support/office-suite.ts'
import type { Account } from './pages/office-page.ts'

const ana: Account = { name: 'Ana Silva', email: 'ana@example.com', password: 'correct horse 1' }
const bo: Account = { name: 'Bo Lee', email: 'bo@example.com', password: 'battery staple 2' }

describe('walking skeleton', () => {
  const suite = officeSuite()
  const open = (url?: string) => suite.open(url)

  it('two members sign in, see each other at their desks, meet in a room with video, and one walks out', async () => {
    const a = await open()
    await a.office.createWorkspace('Acme', ana)
    // The starter floor: twelve desks, three rooms; the owner sits at the first desk.
    await a.office.desk('1', `${ana.name}, available`).waitFor()
    expect(await a.office.page.getByRole('button', { name: /^Desk \d+/ }).count()).toBe(12)
    await a.office.room('Meeting room', 0).waitFor()
    await a.office.room('Lounge', 0).waitFor()
    await a.office.page.getByRole('button', { name: /^Room Private office, 0 people, locked, private office/ }).waitFor()

    const invite = await a.office.createInviteLink()
    expect(invite).toMatch(/#\/invite\//)

    const b = await open(invite)
    await b.office.acceptInvite(bo)

    // Each sees the other present at their desk (Bo got the first free desk).
    await a.office.desk('2', `${bo.name}, available`).waitFor()
    await b.office.desk('1', `${ana.name}, available`).waitFor()

    // Both walk into the meeting room: clicking it walks the avatar in and joins its call.
    await a.office.walkInto('Meeting room')
    await a.office.stage('Meeting room').getByText('Connected').waitFor()
    await b.office.walkInto('Meeting room')
    await b.office.stage('Meeting room').getByText('Connected').waitFor()
    await a.office.room('Meeting room', 2).waitFor()
    await b.office.room('Meeting room', 2).waitFor()

    // Each client decodes the other's camera: frames keep arriving between two samples.
    const aFirst = await a.office.framesDecoded(bo.name)
    const bFirst = await b.office.framesDecoded(ana.name)
    expect(await a.office.waitForFramesBeyond(bo.name, aFirst)).toBeGreaterThan(aFirst)
    expect(await b.office.waitForFramesBeyond(ana.name, bFirst)).toBeGreaterThan(bFirst)

    // Presence says where everyone is.
    await a.office.page.getByRole('listitem', { name: `${bo.name}, in a meeting, in Meeting room` }).waitFor()

    // Bo walks out with the keyboard: his call ends, Ana's loses his tile, the room counts one.
    await b.office.page.keyboard.down('ArrowDown')
    await b.office.stage('Meeting room').waitFor({ state: 'detached' })
    await b.office.page.keyboard.up('ArrowDown')
    await a.office.room('Meeting room', 1).waitFor()
    await a.office.stage('Meeting room').getByRole('figure', { name: new RegExp(`^${bo.name}`) }).waitFor({ state: 'detached' })
    await a.office.page.getByRole('listitem', { name: `${bo.name}, available` }).waitFor()

    // Ana leaves with the button and is back at her desk.
    await a.office.stage('Meeting room').getByRole('button', { name: 'Leave room' }).click()
    await a.office.stage('Meeting room').waitFor({ state: 'detached' })
    await b.office.room('Meeting room', 0).waitFor()
  })

  it('a member who quits cleanly goes offline for the others at once', async () => {
    const a = await open()
    await a.office.signIn(ana)
    const b = await open()
    await b.office.signIn(bo)
    await a.office.desk('2', `${bo.name}, available`).waitFor()
    await b.user.page.close({ runBeforeUnload: true })
    // Well before LiveKit's 15 s ping timeout, which is what a crash would take.
    await a.office.desk('2', `${bo.name}, offline`).waitFor({ timeout: 5_000 })
    await a.office.page.getByRole('list', { name: 'Offline' }).getByText(bo.name).waitFor()
  })
})
