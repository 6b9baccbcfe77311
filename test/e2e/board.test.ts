/**
 * The board in Chromium (issue 14), two members: Bo has the Board open while Ana writes what she
 * works on, with a link, and pins a task; Bo sees both arrive live (server-sent notices, no reload),
 * reads Ana's history (which follows her next change), and sees her line on her person card, on
 * her desk's card, and, once she walks into the Meeting room, on the room's card. A fourth task
 * cannot be pinned; the region has no serious axe violations.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { team } from '../support/factories.ts'
import { officeSuite } from '../support/office-suite.ts'
import type { Account, OfficePage } from './pages/office-page.ts'

const ana: Account = { name: 'Ana Silva', email: 'ana@example.com', password: 'correct horse 1' }
const bo: Account = { name: 'Bo Lee', email: 'bo@example.com', password: 'battery staple 2' }

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
/** axe's serious and critical violations inside `selector`. */
async function seriousViolations(page: Page, selector: string) {
  await page.evaluate(axeSource)
  const violations = await page.evaluate(async (sel) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }).axe
    const result = await axe.run({ include: [[sel]] }, { resultTypes: ['violations'] })
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target) }))
  }, selector)
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
}

const board = (o: OfficePage) => o.page.getByRole('region', { name: 'Board', exact: true })
const showBoard = async (o: OfficePage) => {
  await o.page.getByRole('banner').getByRole('button', { name: 'Board', exact: true }).click()
  await board(o).waitFor()
}

describe('the board', () => {
  const suite = officeSuite()
  beforeAll(async () => {
    await team(suite.http(), ana, [bo])
  })

  it('shows a member’s new line and task live to another member, with its history, on their card, their desk’s and the room they are in', async () => {
    const a = (await suite.open()).office
    await a.signIn(ana)
    const b = (await suite.open()).office
    await b.signIn(bo)
    await showBoard(b)
    const anaOnB = board(b).getByRole('listitem', { name: ana.name })
    await anaOnB.getByText('Nothing on the board yet').waitFor()

    await showBoard(a)
    const mine = board(a)
    await mine.getByRole('textbox', { name: 'Working on' }).fill('Release notes for 2.0')
    await mine.getByRole('textbox', { name: 'Link' }).fill('https://example.com/pr/42')
    await mine.getByRole('button', { name: 'Save', exact: true }).click()
    await mine.getByText(/^since /).first().waitFor()

    // Live on Bo's open board: the line, as a link.
    const link = anaOnB.getByRole('link', { name: 'Release notes for 2.0' })
    await link.waitFor()
    expect(await link.getAttribute('href')).toBe('https://example.com/pr/42')

    const tasks = mine.getByRole('form', { name: 'Your tasks' })
    await tasks.getByRole('button', { name: 'Pin a task' }).click()
    await tasks.getByRole('textbox', { name: 'Task 1', exact: true }).fill('Review the changelog')
    await tasks.getByRole('combobox', { name: 'Status of task 1' }).selectOption({ label: 'Doing' })
    await tasks.getByLabel('Due date of task 1').fill('2026-12-24')
    await tasks.getByRole('button', { name: 'Save tasks' }).click()
    await board(b).getByRole('list', { name: `Tasks of ${ana.name}` }).getByText('Review the changelog').waitFor()
    await board(b).getByRole('list', { name: `Tasks of ${ana.name}` }).getByText('Doing').waitFor()
    // Three at most: the fourth cannot be pinned.
    await tasks.getByRole('button', { name: 'Pin a task' }).click()
    await tasks.getByRole('button', { name: 'Pin a task' }).click()
    expect(await tasks.getByRole('button', { name: 'Pin a task' }).isDisabled()).toBe(true)
    await tasks.getByText('Up to 3 tasks').waitFor()

    // Her history, newest first.
    await board(b).getByRole('button', { name: `History of ${ana.name}` }).click()
    const history = board(b).getByRole('region', { name: `Board history of ${ana.name}` })
    await history.getByText(/Tasks: Review the changelog \(Doing\)/).waitFor()
    await history.getByText('Working on: Release notes for 2.0').waitFor()
    // It follows her next change while open.
    await mine.getByRole('textbox', { name: 'Working on' }).fill('Release notes for 2.1')
    await mine.getByRole('button', { name: 'Save', exact: true }).click()
    await history.getByText('Working on: Release notes for 2.1').waitFor()
    expect(await seriousViolations(b.page, '[aria-label="Board"][role="region"]')).toEqual([])

    // Her card on the floor shows her line.
    await b.personOnFloor(ana.name).click()
    await b.page.getByRole('region', { name: `Actions for ${ana.name}` }).getByText('Release notes for 2.1').waitFor()
    await b.page.keyboard.press('Escape')

    // Once she is in the Meeting room, its card says what the people inside work on.
    await a.walkInto('Meeting room')
    await b.room('Meeting room', 1).waitFor()
    await b.room('Meeting room').click({ button: 'right', position: { x: 16, y: 16 } })
    const card = b.page.getByRole('region', { name: 'About Meeting room' })
    await card.getByRole('listitem', { name: ana.name }).getByText('Release notes for 2.1').waitFor()
    await card.getByRole('button', { name: 'Close the card of Meeting room' }).click()

    // Her desk's card (she is away from it now) shows her line too.
    await b.page.getByRole('button', { name: /^Desk 1\b/ }).click({ button: 'right' })
    const deskCard = b.page.getByRole('region', { name: 'About Desk 1' })
    await deskCard.getByRole('listitem', { name: ana.name }).getByText('Release notes for 2.1').waitFor()
  })
})
