/// <reference lib="dom" />
/**
 * Nobody is left stranded, as members see it: a desk moved under its sitter carries them along; a
 * removed desk is replaced by a free one, and they are told which; a room made too small for the
 * people inside shows the latest arrival out of its call, with a notice; a room clicked while the
 * office is still loading is entered, not undone by the seating that loading ends with, and the
 * others see the member there even if the lobby joined only after the walk.
 */
import { describe, expect, it } from 'vitest'
import type { SignedIn } from '../../protocol/api.ts'
import type { Floor } from '../../protocol/floor/records.ts'
import { holdRequests } from '../support/held-request.ts'
import { officeSuite } from '../support/office-suite.ts'
import type { Account } from './pages/office-page.ts'

describe('nobody is left stranded', () => {
  const suite = officeSuite()
  let n = 0

  const office = async () => {
    n++
    const http = suite.http()
    const account = (name: string): Account => ({ name, email: `${name.split(' ')[0]!.toLowerCase()}-s${n}@example.com`, password: 'correct horse 1' })
    const [ana, bo, cy] = [account('Ana Silva'), account('Bo Lee'), account('Cy Young')]
    const owner = (await http.post<SignedIn>('/api/workspaces', { name: 'Acme', owner: ana })).body
    const joined: SignedIn[] = []
    for (const who of [bo, cy]) {
      const invite = await http.post<{ code: string }>(`/api/workspaces/${owner.workspace.id}/invites`, { role: 'member' }, owner.session.token)
      joined.push((await http.post<SignedIn>(`/api/invites/${invite.body.code}/accept`, who)).body)
    }
    const path = `/api/workspaces/${owner.workspace.id}/floors/floor_main`
    const edit = async (ops: unknown[]) => {
      const floor = (await http.get<Floor>(path, owner.session.token)).body
      const res = await http.post(`${path}/edits`, { baseVersion: floor.version, ops }, owner.session.token)
      expect(res.status).toBe(200)
    }
    return { bo, cy, boId: joined[0]!.member.id, cyId: joined[1]!.member.id, edit, floor: async () => (await http.get<Floor>(path, owner.session.token)).body }
  }
  const signIn = async (who: Account) => {
    const { office: page } = await suite.open()
    await page.signIn(who)
    return page
  }
  /** Whether the avatar `id` stands on the desk `deskId` on this page (their centres within 3 px). */
  const onDesk = (id: string, deskId: string) => {
    const a = document.querySelector(`[aria-label="People"] [data-roving="${id}"]`)?.getBoundingClientRect()
    const d = document.querySelector(`[aria-label="Desks"] [data-roving="${deskId}"]`)?.getBoundingClientRect()
    return !!a && !!d && Math.abs(a.x + a.width / 2 - (d.x + d.width / 2)) < 3 && Math.abs(a.y + a.height / 2 - (d.y + d.height / 2)) < 3
  }

  /**
   * Whether the avatar `id` rests inside the meeting room on this page: there, and not moved over
   * two frames (an avatar gliding across the room to somewhere else is not in it).
   */
  const restsInMeetingRoom = async (id: string) => {
    const at = () => document.querySelector(`[aria-label="People"] [data-roving="${id}"]`)?.getBoundingClientRect()
    const room = document.querySelector('[aria-label="Rooms"] [data-roving="room_meeting"]')?.getBoundingClientRect()
    const before = at()
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
    const avatar = at()
    if (!room || !avatar || JSON.stringify(avatar) !== JSON.stringify(before)) return false
    const [x, y] = [avatar.x + avatar.width / 2, avatar.y + avatar.height / 2]
    return x > room.left && x < room.right && y > room.top && y < room.bottom
  }

  it('a moved desk carries its sitter, and a removed desk is replaced by a free one, said plainly', async () => {
    const o = await office()
    const bo = await signIn(o.bo)
    const desk = (await o.floor()).desks.find((d) => d.assigneeId === o.boId)!
    await bo.page.evaluate(`window.onDesk = ${onDesk.toString()}`)
    await bo.page.waitForFunction(([id, deskId]) => (window as unknown as { onDesk: (a: string, b: string) => boolean }).onDesk(id, deskId), [o.boId, desk.id] as const)

    await o.edit([{ op: 'desk.update', id: desk.id, changes: { x: desk.x + 60, y: desk.y - 40 } }])
    await bo.page.waitForFunction(([id, deskId, x]) => {
      const el = document.querySelector(`[aria-label="Desks"] [data-roving="${deskId}"]`) as HTMLElement | null
      return el?.style.marginLeft === `${x}px` && (window as unknown as { onDesk: (a: string, b: string) => boolean }).onDesk(id, deskId)
    }, [o.boId, desk.id, desk.x + 60 - 24] as const)

    await o.edit([{ op: 'desk.remove', id: desk.id }])
    await bo.page.getByText(`Your desk ${desk.label} was removed. You get a free desk if there is one.`).waitFor()
    const now = (await o.floor()).desks.find((d) => d.assigneeId === o.boId)
    expect(now).toBeDefined()
    await bo.page.getByText(`Desk ${now!.label} on Main floor is yours now`).waitFor()
  })

  it('a room clicked while the office is still loading is entered: being seated at the desk does not take the member out again', async () => {
    const o = await office()
    // Cy's directory of members (the last thing signing in loads) is held back until Cy has
    // clicked the meeting room and its call is up; once it arrives, Cy must still be in the room.
    const { office: cy } = await suite.open()
    const members = await holdRequests(cy.page, /\/members$/)
    await cy.signIn(o.cy)
    await members.asked
    await cy.walkInto('Meeting room')
    await cy.stage('Meeting room').getByText('Connected').waitFor()

    await members.release()
    // The directory is applied (Cy's desk names him), and the seating that follows it in the same
    // step has run; two frames more and anything it changed would be drawn.
    await cy.page.getByRole('button', { name: /^Desk \S+, Cy Young, / }).waitFor()
    await cy.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
    await expect(cy.stage('Meeting room').getByText('Connected').isVisible()).resolves.toBe(true)
    const bo = await signIn(o.bo)
    await bo.room('Meeting room', 1).waitFor()
  })

  it('a room walked into while the lobby is still connecting is where the others see the member', async () => {
    const o = await office()
    const bo = await signIn(o.bo)
    // Cy's lobby credentials (the last step of signing in) are held back until Cy has walked into
    // the meeting room and its call is up: the lobby then joins with Cy already in the room.
    const { office: cy } = await suite.open()
    const lobby = await holdRequests(cy.page, /\/lobby\/token$/)
    await cy.signIn(o.cy)
    await lobby.asked
    await cy.walkInto('Meeting room')
    await cy.stage('Meeting room').getByText('Connected').waitFor()
    // Until the walk has come to rest: its resting point is what the lobby has to tell the others.
    await expect.poll(() => cy.page.evaluate(restsInMeetingRoom, o.cyId), { timeout: 10_000 }).toBe(true)
    await lobby.release()

    // Bo sees Cy's avatar inside the meeting room, not back at the desk Cy started from.
    await bo.room('Meeting room', 1).waitFor()
    await expect.poll(() => bo.page.evaluate(restsInMeetingRoom, o.cyId), { timeout: 10_000 }).toBe(true)
  })

  it('a room made too small shows the latest arrival out of its call, with a notice', async () => {
    const o = await office()
    const bo = await signIn(o.bo)
    const cy = await signIn(o.cy)
    await bo.walkInto('Meeting room')
    await bo.stage('Meeting room').getByText('Connected').waitFor()
    await cy.room('Meeting room', 1).waitFor()
    await cy.walkInto('Meeting room')
    await cy.stage('Meeting room').getByText('Connected').waitFor()
    await bo.room('Meeting room', 2).waitFor()

    await o.edit([{ op: 'room.update', id: 'room_meeting', changes: { capacity: 1 } }])
    await cy.page.getByText('You left the call in Meeting room: a host changed the room').waitFor()
    await cy.stage('Meeting room').waitFor({ state: 'detached' })
    await bo.room('Meeting room', 1).waitFor()
    await expect(bo.stage('Meeting room').isVisible()).resolves.toBe(true)
  })
})
