/**
 * "Sign out everywhere" in the status menu: one click ends the session on this device and on every
 * other one, in real Chromium against the real server and livekit-server.
 */
import { describe, expect, it } from 'vitest'
import type { SignedIn } from '../../protocol/api.ts'
import { officeSuite } from '../support/office-suite.ts'
import type { Account } from './pages/office-page.ts'

const ana: Account = { name: 'Ana Silva', email: 'ana@example.com', password: 'correct horse 1' }

describe('sign out everywhere', () => {
  const suite = officeSuite()

  it('signs out this device and every other one: a script\'s session and a laptop that tries to come back', async () => {
    const http = suite.http()
    expect((await http.post<SignedIn>('/api/workspaces', { name: 'Acme', owner: ana })).status).toBe(201)
    const script = (await http.post<SignedIn>('/api/sessions', { email: ana.email, password: ana.password })).body
    const laptop = await suite.open()
    await laptop.office.signIn(ana)
    const phone = await suite.open()
    await phone.office.signIn(ana)
    await phone.office.desk('1', `${ana.name}, available`).waitFor()
    // The phone took the seat; the laptop waits, offering to take it back.
    const takenOver = laptop.user.page.getByRole('dialog', { name: 'You are signed in on another device' })
    await takenOver.waitFor()

    await phone.user.page.getByRole('button', { name: /^Status: / }).click()
    await phone.user.page.getByRole('button', { name: 'Sign out everywhere' }).click()
    await phone.user.page.getByRole('tab', { name: 'Sign in' }).waitFor()
    expect((await http.get('/api/me', script.session.token)).status).toBe(401)

    await takenOver.getByRole('button', { name: 'Use here' }).click()
    await laptop.user.page.getByRole('tab', { name: 'Sign in' }).waitFor()
    await laptop.user.page.getByText('Your session has ended. Sign in again.').waitFor()
  })
})
