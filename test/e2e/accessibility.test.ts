/// <reference lib="dom" />
/**
 * The floor by keyboard and screen reader: every desk, room and person reachable with Tab and the
 * arrow keys under a meaningful name, and an axe-core scan without serious violations.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { officeSuite } from '../support/office-suite.ts'

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string[] }[]
}

describe('accessibility of the floor', () => {
  const suite = officeSuite()

  it('reaches rooms, desks and people by Tab and arrows, and has no serious axe violations', async () => {
    const { user, office } = await suite.open()
    await office.createWorkspace('Acme', { name: 'Ana Silva', email: 'ana@example.com', password: 'correct horse 1' })
    await office.desk('1', 'Ana Silva, available').waitFor()
    const page = user.page

    // What has the keyboard focus, found by role and accessible name (what a screen reader says).
    const focused = (name: string | RegExp) => page.getByRole('button', { name }).evaluate((el) => el === document.activeElement)

    // Tab into the rooms group; arrows move between rooms by position.
    await page.getByRole('group', { name: 'Rooms' }).getByRole('button').first().focus()
    expect(await focused(/^Room Meeting room, 0 people/)).toBe(true)
    await page.keyboard.press('ArrowRight')
    expect(await focused(/^Room Lounge, 0 people/)).toBe(true)
    // Tab leaves the group for the desks: one Tab stop per group, not one per desk.
    await page.keyboard.press('Tab')
    expect(await focused('Desk 1, Ana Silva, available')).toBe(true)
    await page.keyboard.press('ArrowRight')
    expect(await focused('Desk 2')).toBe(true)
    await page.keyboard.press('ArrowDown')
    expect(await focused('Desk 8')).toBe(true)
    // Then the people on the floor, each named with how they are.
    await page.keyboard.press('Tab')
    expect(await focused('You, Ana Silva, available')).toBe(true)
    // Enter on a desk walks there: from the People group, Shift+Tab back to desk 8 and go.
    await page.keyboard.press('Shift+Tab')
    expect(await focused('Desk 8')).toBe(true)
    await page.keyboard.press('Enter')
    const me = page.getByRole('group', { name: 'People' }).getByRole('button', { name: /^You, Ana Silva, / })
    const desk8 = page.getByRole('group', { name: 'Desks' }).getByRole('button', { name: 'Desk 8', exact: true })
    const centre = async (l: typeof me) => {
      const b = (await l.boundingBox())!
      return { x: Math.round(b.x + b.width / 2), y: Math.round(b.y + b.height / 2) }
    }
    await expect.poll(async () => {
      const [a, d] = [await centre(me), await centre(desk8)]
      return Math.abs(a.x - d.x) <= 3 && Math.abs(a.y - d.y) <= 3
    }).toBe(true)

    // The shortcuts sheet lists every shortcut.
    await page.locator('body').focus()
    await page.keyboard.press('?')
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor()
    await page.keyboard.press('Escape')

    // The served page's CSP refuses inline scripts; evaluating from the test is not page script.
    await page.evaluate(axeSource)
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[] }> } }).axe
      const result = await axe.run(document, { resultTypes: ['violations'] })
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target })) }))
    })
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    expect(serious, JSON.stringify(serious, null, 2)).toEqual([])
  })
})
