/// <reference lib="dom" />
/**
 * Several floors and the camera: a host adds a floor, members see it appear in the floor switcher
 * without reloading, switch to it, and zoom and fit the view with buttons and keys.
 */
import { describe, expect, it } from 'vitest'
import type { SignedIn } from '../../protocol/api.ts'
import { officeSuite } from '../support/office-suite.ts'
import type { Account } from './pages/office-page.ts'

const ana: Account = { name: 'Ana Silva', email: 'ana@example.com', password: 'correct horse 1' }

describe('floors and the camera', () => {
  const suite = officeSuite()

  it('shows a floor added live in the switcher, switches to it, and zooms and fits the view', async () => {
    const http = suite.http()
    const owner = (await http.post<SignedIn>('/api/workspaces', { name: 'Acme', owner: ana })).body
    const { user, office } = await suite.open()
    await office.signIn(ana)
    await office.desk('1', `${ana.name}, available`).waitFor()

    // A host adds a floor with one room through the API; the open client learns of it by itself.
    const added = await http.post<{ id: string; version: number }>(`/api/workspaces/${owner.workspace.id}/floors`, { name: 'Second floor', width: 800, height: 600 }, owner.session.token)
    expect(added.status).toBe(201)
    const room = { id: 'room_studio', name: 'Studio', kind: 'meeting', x: 100, y: 100, width: 300, height: 200, capacity: 6, locked: false, ownerId: null, allowed: [] }
    const edit = await http.post(`/api/workspaces/${owner.workspace.id}/floors/${added.body.id}/edits`, { baseVersion: 0, ops: [{ op: 'room.add', room }] }, owner.session.token)
    expect(edit.status).toBe(200)
    const floors = user.page.getByRole('tablist', { name: 'Floors' })
    await floors.getByRole('tab', { name: 'Second floor' }).click()
    await user.page.getByRole('region', { name: 'Floor plan: Second floor' }).waitFor()
    await office.room('Studio', 0).waitFor()

    // Zoom: the floor's scale changes with the buttons and the keys, and Fit restores it.
    const scale = () => user.page.locator('.viewport .floor').evaluate((el) => new DOMMatrixReadOnly(getComputedStyle(el).transform).a)
    const fitted = await scale()
    await user.page.getByRole('button', { name: 'Zoom in' }).click()
    expect(await scale()).toBeGreaterThan(fitted)
    await user.page.locator('body').focus()
    await user.page.keyboard.press('-')
    await user.page.keyboard.press('-')
    expect(await scale()).toBeLessThan(fitted * 1.25)
    await user.page.getByRole('button', { name: 'Fit floor to window' }).click()
    expect(await scale()).toBeCloseTo(fitted, 5)

    // Walking into the Studio from the other floor takes the lift and joins its call.
    await office.walkInto('Studio')
    await office.stage('Studio').getByText('Connected').waitFor()
  })
})
