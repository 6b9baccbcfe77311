/**
 * Two companies share a floor (issue 13): Acme's meeting room and Zed's lounge are each for their
 * company only. A member of Zed walking into Acme's room is stopped at its door and offered Knock;
 * an Acme member inside lets them in. A host sets up a company from the Companies dialog:
 * its first member, named its admin, and an invite link shown once. Real
 * server, livekit-server and Chromium.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { SignedIn } from '../../protocol/api.ts'
import type { Floor } from '../../protocol/floor/records.ts'
import { companiesApi } from '../support/companies.ts'
import { editFloor, occupantsOf } from '../support/factories.ts'
import { officeSuite } from '../support/office-suite.ts'
import { EditorPage } from './pages/editor-page.ts'
import type { Account } from './pages/office-page.ts'

const ana: Account = { name: 'Ana Silva', email: 'ana@example.com', password: 'correct horse 1' }
const bo: Account = { name: 'Bo Lee', email: 'bo@example.com', password: 'battery staple 2' }
const cy: Account = { name: 'Cy Young', email: 'cy@example.com', password: 'pitching arm 33' }
const dee: Account = { name: 'Dee Park', email: 'dee@example.com', password: 'quiet river 44' }

describe('companies side by side', () => {
  const suite = officeSuite()
  let owner: SignedIn
  let cyIn: SignedIn
  const ids = new Map<string, string>()
  const listedId = (name: string) => ids.get(name)

  beforeAll(async () => {
    const http = suite.http()
    owner = (await http.post<SignedIn>('/api/workspaces', { name: 'Space', owner: ana })).body
    const join = async (who: Account) => {
      const invite = await http.post<{ code: string }>(`/api/workspaces/${owner.workspace.id}/invites`, { role: 'member' }, owner.session.token)
      return (await http.post<SignedIn>(`/api/invites/${invite.body.code}/accept`, who)).body
    }
    const boIn = await join(bo)
    cyIn = await join(cy)
    await join(dee)
    const co = companiesApi(http)
    const acme = await co.create(owner, 'Acme')
    expect((await co.add(owner, acme.id, owner, true)).status).toBe(200)
    expect((await co.add(owner, acme.id, boIn)).status).toBe(200)
    const zed = await co.create(owner, 'Zed')
    ids.set('Acme', acme.id).set('Zed', zed.id)
    expect((await co.add(owner, zed.id, cyIn)).status).toBe(200)
    await editFloor(http, owner, [
      { op: 'room.update', id: 'room_meeting', changes: { companyId: acme.id, companyOnly: true } },
      { op: 'room.update', id: 'room_lounge', changes: { companyId: zed.id, companyOnly: true } },
    ])
  })

  it("a member of one company cannot enter the other's company-only room and is offered Knock", async () => {
    const { office: c } = await suite.open()
    await c.signIn(cy)
    // The floor says whose each room is.
    await expect.poll(() => c.room('Meeting room').getAttribute('aria-label')).toMatch(/, Acme only$/)
    await expect.poll(() => c.room('Lounge').getAttribute('aria-label')).toMatch(/, Zed only$/)
    // Her own company's room lets her in.
    await c.walkInto('Lounge')
    await c.stage('Lounge').getByText('Connected').waitFor()

    // Acme's room stops her at its door, and offers Knock.
    await c.walkInto('Meeting room')
    const door = c.page.getByRole('region', { name: 'Door of Meeting room' })
    await door.getByText('Meeting room is for Acme only.').waitFor()
    const knock = door.getByRole('button', { name: 'Knock' })
    await knock.waitFor()
    expect(await occupantsOf(suite.http(), owner, 'room_meeting')).toEqual([])
    expect(await c.stage('Meeting room').count()).toBe(0)

    // Ana, of Acme, walks into her company's room, and lets Cy in when she knocks.
    const { office: a } = await suite.open()
    await a.signIn(ana)
    await a.walkInto('Meeting room')
    await a.stage('Meeting room').getByText('Connected').waitFor()
    await knock.click()
    await a.page.getByRole('alertdialog', { name: `${cy.name} is knocking` }).getByRole('button', { name: 'Admit' }).click()
    await c.stage('Meeting room').getByText('Connected').waitFor()
    await a.room('Meeting room', 2).waitFor()
  })

  it("a company admin makes a guest link for the company's own rooms from the Companies dialog", async () => {
    const http = suite.http()
    expect((await companiesApi(http).add(owner, listedId('Zed')!, cyIn, true)).status).toBe(200)
    const { office: c } = await suite.open()
    await c.signIn(cy)
    await c.page.getByRole('button', { name: 'Companies' }).click()
    const zed = c.page.getByRole('dialog', { name: 'Companies' }).getByRole('region', { name: 'Zed' })
    const links = zed.getByRole('region', { name: 'Guest links' })
    // Only Zed's rooms are offered.
    await expect.poll(() => links.getByLabel('Room for the guest').locator('option').allTextContents()).toEqual(['Lounge'])
    await links.getByRole('button', { name: 'Create guest link' }).click()
    expect(await links.getByLabel('Guest link (shown once)').inputValue()).toMatch(/#\/guest\/[A-Za-z0-9_-]+$/)
    expect((await companiesApi(http).add(owner, listedId('Zed')!, cyIn, false)).status).toBe(200)
  })

  it('a host makes a company and adds a member from the Companies dialog', async () => {
    const { office: a } = await suite.open()
    await a.signIn(ana)
    await a.page.getByRole('button', { name: 'Companies', exact: true }).click()
    const dialog = a.page.getByRole('dialog', { name: 'Companies' })
    await dialog.getByLabel('Company name').fill('Orbit')
    await dialog.getByRole('button', { name: 'Create company' }).click()
    const orbit = dialog.getByRole('region', { name: 'Orbit' })
    // Only people in no company are offered: Dee, not Ana, Bo or Cy.
    const add = orbit.getByLabel('Add to Orbit')
    await expect.poll(() => add.getByRole('option').allTextContents()).toEqual(['Choose a member', dee.name])
    await add.selectOption({ label: dee.name })
    await orbit.getByRole('button', { name: 'Add member' }).click()
    await orbit.getByRole('button', { name: `Make ${dee.name} admin` }).click()
    await orbit.getByRole('list', { name: 'Members of Orbit' }).getByRole('listitem', { name: `${dee.name}, admin` }).waitFor()
    await orbit.getByRole('button', { name: 'Invite into Orbit' }).click()
    await expect.poll(() => orbit.getByLabel(/^Invite link for Orbit/).inputValue()).toMatch(/#\/invite\//)
    const listed = await companiesApi(suite.http()).list(owner)
    expect(listed.map((x) => x.name)).toEqual(['Acme', 'Orbit', 'Zed'])
    expect(listed[1]!.admins).toHaveLength(1)
    expect((await companiesApi(suite.http()).invites(owner, listed[1]!.id)).body.invites).toHaveLength(1)
  })

  it("a host tags a room and a desk with a company in the editor, and the room's sign says so", async () => {
    const { office: a } = await suite.open()
    await a.signIn(ana)
    const editor = new EditorPage(a.page)
    await editor.startEditing()
    await editor.clickOnFloor(editor.room('Private office'))
    await editor.selected('Room Private office selected').waitFor()
    const panel = editor.properties()
    const only = panel.getByRole('checkbox', { name: 'Company only' })
    expect(await only.isDisabled()).toBe(true)
    await panel.getByLabel('Company', { exact: true }).selectOption({ label: 'Zed' })
    await expect.poll(() => only.isDisabled()).toBe(false)
    await only.check()
    await expect.poll(() => editor.room('Private office').getAttribute('aria-label')).toMatch(/, Zed only(, selected)?$/)
    await editor.clickOnFloor(editor.desk('5'))
    await panel.getByLabel('Company', { exact: true }).selectOption({ label: 'Acme' })
    const floorNow = async () => (await suite.http().get<Floor>(`/api/workspaces/${owner.workspace.id}/floors/floor_main`, owner.session.token)).body
    await expect.poll(async () => (await floorNow()).desks.find((d) => d.label === '5')?.companyId).toBe(listedId('Acme'))
    const office = (await floorNow()).rooms.find((r) => r.name === 'Private office')!
    expect([office.companyId, office.companyOnly]).toEqual([listedId('Zed'), true])
  })

  it("a company made and tagged meanwhile shows on another member's floor without a reload", async () => {
    const { office: c } = await suite.open()
    await c.signIn(cy)
    await expect.poll(() => c.room('Meeting room').getAttribute('aria-label')).toMatch(/, Acme only$/)
    const nova = await companiesApi(suite.http()).create(owner, 'Nova')
    await editFloor(suite.http(), owner, [{ op: 'room.update', id: 'room_private', changes: { companyId: nova.id, companyOnly: false } }])
    await expect.poll(() => c.room('Private office').getAttribute('aria-label')).toMatch(/, Nova$/)
  })
})
