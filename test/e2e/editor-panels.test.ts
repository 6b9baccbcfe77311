/**
 * The editor's side panels, driven by a host in Chromium with a member watching in a second
 * browser: Properties (rename a room, change its capacity, assign a desk), the palette (desks in
 * rows), Floors (add from a template, reorder, delete) and Import/Export (a refused file names
 * the field). The member sees each change live, without reloading, and never sees the editor.
 */
/// <reference lib="dom" />
import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { SignedIn } from '../../protocol/api.ts'
import type { Floor } from '../../protocol/floor/records.ts'
import { addMember, createWorkspace, editFloor, MEMBER_PASSWORD, OWNER_PASSWORD } from '../support/factories.ts'
import { officeSuite } from '../support/office-suite.ts'
import { EditorPage } from './pages/editor-page.ts'
import type { OfficePage } from './pages/office-page.ts'

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** Serious or critical axe-core violations inside the editor's panels (the rest of the page is other tests' business). */
async function panelViolations(page: Page) {
  // The served page's CSP refuses inline scripts; evaluating from the test is not page script.
  await page.evaluate(axeSource)
  return page.evaluate(async () => {
    type Violation = { id: string; impact: string | null; nodes: { target: string[] }[] }
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Violation[] }> } }).axe
    const include = ['.editor-palette', '.import-export', 'section.properties', 'section.floors-panel'].map((selector) => [selector])
    const result = await axe.run({ include }, { resultTypes: ['violations'] })
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 3).map((n) => n.target) }))
  })
}

describe('the editor panels', () => {
  const suite = officeSuite()

  /** A workspace of its own per test: an owner (the host) and two members, Bo and Cy. */
  const workspace = async () => {
    const http = suite.http()
    const owner = await createWorkspace(http)
    return { http, owner, bo: await addMember(http, owner), cy: await addMember(http, owner) }
  }
  const signIn = async (who: SignedIn) => {
    const { office } = await suite.open()
    await office.signIn({ email: who.member.email!, password: who.member.role === 'owner' ? OWNER_PASSWORD : MEMBER_PASSWORD })
    return office
  }
  const hostOf = async (owner: SignedIn) => {
    const office = await signIn(owner)
    const editor = new EditorPage(office.page)
    await editor.startEditing()
    return { office, editor }
  }
  const desksOn = (office: OfficePage) => office.page.getByRole('group', { name: 'Desks' }).getByRole('button')

  it('renames a room and changes its capacity in Properties; a member sees both live and no editor', async () => {
    const { owner, bo } = await workspace()
    const member = await signIn(bo)
    const { office: host, editor } = await hostOf(owner)
    expect(await member.page.getByRole('button', { name: 'Edit floor' }).count()).toBe(0)
    expect(await member.page.getByRole('group', { name: 'Add to floor' }).count()).toBe(0)

    await editor.selected('Select a room or desk').waitFor()
    await editor.clickOnFloor(editor.room('Meeting room'))
    await editor.selected('Room Meeting room selected').waitFor()
    expect(await panelViolations(host.page)).toEqual([])
    // The name commits with Enter, the capacity on leaving the field: each one apply.
    await editor.setField('Name', 'Boardroom')
    await member.room('Boardroom').waitFor()
    await editor.selected('Room Boardroom selected').waitFor()
    await editor.setField('Capacity', '12', 'Tab')
    await member.page.getByRole('button', { name: /^Room Boardroom, .*capacity 12$/ }).waitFor()

    // An empty name is refused with the field named, and Escape puts the name back.
    await editor.setField('Name', '')
    const name = editor.properties().getByLabel('Name', { exact: true })
    await host.page.waitForFunction((el) => el?.getAttribute('aria-invalid') === 'true', await name.elementHandle())
    await editor.properties().getByText(/changes\.name/).waitFor()
    await name.press('Escape')
    expect(await name.inputValue()).toBe('Boardroom')
    expect(await member.room('Boardroom').count()).toBe(1)

    // By keyboard alone: Add room opens its kinds as a menu with focus on the first; ArrowDown and
    // Enter add a lounge (the floor has one, so "Lounge 2"), selected, and focus returns to Add room.
    const addRoom = editor.palette().getByRole('button', { name: 'Add room' })
    await addRoom.focus()
    await host.page.keyboard.press('Enter')
    await host.page.waitForFunction(() => document.activeElement?.textContent === 'Meeting room')
    await host.page.keyboard.press('ArrowDown')
    await host.page.keyboard.press('Enter')
    await editor.selected('Room Lounge 2 selected').waitFor()
    await member.room('Lounge 2').waitFor()
    expect(await addRoom.evaluate((el) => el === document.activeElement)).toBe(true)
    // Delete in Properties removes it for everyone.
    await editor.properties().getByRole('button', { name: 'Delete', exact: true }).click()
    await member.room('Lounge 2').waitFor({ state: 'detached' })
    await editor.selected('Select a room or desk').waitFor()
  })

  it('adds desks in rows, and assigns one to a member without a desk', async () => {
    const { http, owner, bo, cy } = await workspace()
    // Cy's desk is freed (through the API, as a host's script would); Cy never signs in, so keeps none.
    const floor = (await http.get<Floor>(`/api/workspaces/${owner.workspace.id}/floors/floor_main`, owner.session.token)).body
    const cysDesk = floor.desks.find((d) => d.assigneeId === cy.member.id)!
    await editFloor(http, owner, [{ op: 'desk.update', id: cysDesk.id, changes: { assigneeId: null } }])

    const member = await signIn(bo)
    const { editor } = await hostOf(owner)
    expect(await desksOn(member).count()).toBe(12)

    await editor.addDesksInRows(6, 2)
    await editor.selected('6 items selected').waitFor()
    // One batch: the member's floor goes from 12 desks to 18 at once.
    await member.desk('18').waitFor()
    expect(await desksOn(member).count()).toBe(18)
    await member.desk('13').waitFor()

    await editor.clickOnFloor(editor.desk('13'))
    await editor.selected('Desk 13 selected').waitFor()
    expect(await panelViolations(editor.page)).toEqual([])
    const picker = editor.properties().getByLabel('Assigned to')
    // The picker says who has no desk: Cy, not Bo.
    await picker.getByRole('option', { name: `${cy.member.name} (no desk)` }).waitFor({ state: 'attached' })
    expect(await picker.getByRole('option', { name: bo.member.name, exact: true }).count()).toBe(1)
    await editor.assignTo(`${cy.member.name} (no desk)`)
    await member.desk('13', `${cy.member.name}, offline`).waitFor()
    await picker.getByRole('option', { name: cy.member.name, exact: true }).waitFor({ state: 'attached' })
  })

  it('adds a floor from a template, reorders and deletes it; the member follows in the Floors tabs', async () => {
    const { owner, bo } = await workspace()
    const member = await signIn(bo)
    const { editor } = await hostOf(owner)
    const tabs = member.page.getByRole('tablist', { name: 'Floors' })

    await editor.addFloor('Annex', 'Team of 30')
    await tabs.getByRole('tab', { name: 'Annex' }).waitFor()
    await editor.floors().getByRole('button', { name: 'Move Annex up' }).click()
    await member.page.waitForFunction(() => [...document.querySelectorAll('[role=tablist][aria-label=Floors] [role=tab]')].map((t) => t.textContent).join() === 'Annex,Main floor')
    await tabs.getByRole('tab', { name: 'Annex' }).click()
    await member.page.getByRole('region', { name: 'Floor plan: Annex' }).waitFor()
    expect(await desksOn(member).count()).toBe(30)

    await editor.floors().getByRole('button', { name: 'Delete Annex' }).click()
    const confirm = editor.page.getByRole('alertdialog', { name: 'Delete Annex?' })
    await confirm.getByText(/people will move to the first floor's desks \(Main floor\)/).waitFor()
    await confirm.getByRole('button', { name: 'Delete floor' }).click()
    await tabs.getByRole('tab', { name: 'Annex' }).waitFor({ state: 'detached' })
    await editor.floors().getByRole('button', { name: 'Delete Annex' }).waitFor({ state: 'detached' })
  })

  it('exports the floor as <name>.floor.json, refuses an invalid file naming the field, and imports a valid one', async () => {
    const { owner, bo } = await workspace()
    const member = await signIn(bo)
    const { editor } = await hostOf(owner)

    const download = await editor.exportFloor()
    expect(download.suggestedFilename()).toBe('Main floor.floor.json')
    const file = JSON.parse(await readFile(await download.path(), 'utf8')) as { floor: { rooms: { width: number; name: string }[]; desks: unknown[] } }
    expect(file.floor.desks).toHaveLength(12)

    const broken = structuredClone(file)
    broken.floor.rooms[0]!.width = -5
    await editor.importFloor('broken.floor.json', JSON.stringify(broken))
    await editor.importExport().getByRole('alert').filter({ hasText: 'floor.rooms[0].width' }).waitFor()
    expect(await member.room('Meeting room').count()).toBe(1)

    file.floor.rooms[0]!.name = 'Imported room'
    await editor.importFloor('fixed.floor.json', JSON.stringify(file))
    await member.room('Imported room').waitFor()
    await editor.importExport().getByRole('status').filter({ hasText: 'Imported fixed.floor.json onto Main floor' }).waitFor()
    expect(await editor.importExport().getByRole('alert').count()).toBe(0)
  })
})
