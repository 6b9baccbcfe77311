/**
 * The edges of a session, as members meet them: signing out while the office is still joining
 * leaves nobody behind; a room walked into before the server has answered gets its call once it
 * does; "Use here" after a takeover brings the call back; and a status does not pass on to whoever
 * signs in next in the same window.
 */
import { describe, it } from 'vitest'
import type { SignedIn } from '../../protocol/api.ts'
import { holdRequests } from '../support/held-request.ts'
import { officeSuite } from '../support/office-suite.ts'
import type { Account } from './pages/office-page.ts'

describe('the edges of a session', () => {
  const suite = officeSuite()
  let n = 0

  /** Ana owns a new workspace; Bo, Cy and Dee joined it, and sit at desks 2, 3 and 4. */
  const office = async () => {
    n++
    const http = suite.http()
    const account = (name: string): Account => ({ name, email: `${name.split(' ')[0]!.toLowerCase()}-e${n}@example.com`, password: 'correct horse 1' })
    const [ana, bo, cy, dee] = [account('Ana Silva'), account('Bo Lee'), account('Cy Young'), account('Dee Park')]
    const owner = (await http.post<SignedIn>('/api/workspaces', { name: 'Acme', owner: ana })).body
    for (const who of [bo, cy, dee]) {
      const invite = await http.post<{ code: string }>(`/api/workspaces/${owner.workspace.id}/invites`, { role: 'member' }, owner.session.token)
      await http.post<SignedIn>(`/api/invites/${invite.body.code}/accept`, who)
    }
    return { ana, bo, cy, dee }
  }
  const signIn = async (who: Account) => {
    const { office: page } = await suite.open()
    await page.signIn(who)
    return page
  }
  it('signing out while the office is still joining the lobby leaves nobody behind online', async () => {
    const o = await office()
    const bo = await signIn(o.bo)
    const { office: cy } = await suite.open()
    const lobby = await holdRequests(cy.page, /\/lobby\/token$/)
    await cy.signIn(o.cy)
    await lobby.asked
    await cy.signOut()
    await lobby.release()

    // Dee joins the lobby after that, and sees everyone in it at once: Bo, and not Cy.
    const dee = await signIn(o.dee)
    await dee.desk('2', `${o.bo.name}, available`).waitFor()
    await dee.desk('3', `${o.cy.name}, offline`).waitFor({ timeout: 1_000 })
    await bo.desk('3', `${o.cy.name}, offline`).waitFor({ timeout: 1_000 })
  })

  it('a room walked into before the server has answered gets its call once it does', async () => {
    const o = await office()
    const { office: cy } = await suite.open()
    await cy.signIn(o.cy)
    await cy.desk('3', `${o.cy.name}, available`).waitFor()

    // The next start paints the office from the cache while the server's answer is held back.
    const server = await holdRequests(cy.page, /\/api\/me$/)
    await cy.page.reload()
    await server.asked
    await cy.walkInto('Meeting room')
    await cy.stage('Meeting room').waitFor()
    await server.release()

    await cy.stage('Meeting room').getByText('Connected').waitFor()
    const bo = await signIn(o.bo)
    await bo.room('Meeting room', 1).waitFor()
  })

  it('"Use here" after another device took the seat brings back the call of the room the member is in', async () => {
    const o = await office()
    const first = await signIn(o.bo)
    await first.walkInto('Meeting room')
    await first.stage('Meeting room').getByText('Connected').waitFor()

    const second = await signIn(o.bo)
    const moved = first.page.getByRole('dialog', { name: 'You are signed in on another device' })
    await moved.waitFor()
    // The takeover ended the call here; "Use here" must bring it back.
    await first.stage('Meeting room').getByText('Connected').waitFor({ state: 'detached' })
    await moved.getByRole('button', { name: 'Use here' }).click()
    await second.page.getByRole('dialog', { name: 'You are signed in on another device' }).waitFor()

    await first.stage('Meeting room').getByText('Connected').waitFor()
    const ana = await signIn(o.ana)
    await ana.room('Meeting room', 1).waitFor()
  })

  it("a status is the member's own: whoever signs in next in the same window starts available", async () => {
    const o = await office()
    const { office: shared } = await suite.open()
    await shared.signIn(o.ana)
    await shared.setStatus('dnd', 'Dentist')
    await shared.page.getByRole('button', { name: 'Status: do not disturb' }).waitFor()
    await shared.signOut()

    await shared.signIn(o.bo)
    await shared.page.getByRole('button', { name: 'Status: available' }).waitFor()
    const cy = await signIn(o.cy)
    await cy.desk('2', `${o.bo.name}, available`).waitFor()
  })
})
