/**
 * Themes as members use them: Theme in the status menu switches light, dark and high contrast at
 * once; the choice is each member's own, kept in the browser's storage or in the desktop app's
 * settings (main's SQLite cache); System follows the OS (media queries in a browser, nativeTheme
 * events on the desktop); reduced motion turns transitions off; and axe-core finds no serious
 * violation on the floor in any theme.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { getSetting } from '../../main/cache/queries.ts'
import type { SignedIn } from '../../protocol/api.ts'
import { officeSuite } from '../support/office-suite.ts'
import { OfficePage, type Account } from './pages/office-page.ts'

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

const ana: Account = { name: 'Ana Silva', email: 'ana@example.com', password: 'correct horse 1' }
const bo: Account = { name: 'Bo Lee', email: 'bo@example.com', password: 'battery staple 2' }

// The page background of each theme, as tokens.css defines --bg.
const light = { theme: 'light', background: 'rgb(246, 247, 249)' }
const dark = { theme: 'dark', background: 'rgb(22, 24, 29)' }
const contrast = { theme: 'contrast', background: 'rgb(0, 0, 0)' }

/** What is drawn: <html data-theme> and the page's computed background. */
const drawn = (page: Page) =>
  page.evaluate(() => ({ theme: document.documentElement.dataset.theme, background: getComputedStyle(document.documentElement).backgroundColor }))

async function chooseTheme(page: Page, label: 'System' | 'Light' | 'Dark' | 'High contrast'): Promise<void> {
  await page.getByRole('button', { name: /^Status: / }).click()
  const menu = page.getByRole('form', { name: 'Set your status' })
  await menu.getByRole('combobox', { name: 'Theme' }).selectOption({ label })
  await menu.getByRole('combobox', { name: 'Theme' }).press('Escape')
  await menu.waitFor({ state: 'detached' })
}

async function seriousAxeViolations(page: Page): Promise<unknown[]> {
  // The served page's CSP refuses inline scripts; evaluating from the test is not page script.
  await page.evaluate(axeSource)
  return page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string | null; help: string; nodes: { target: unknown }[] }[] }
    const axe = (window as unknown as { axe: { run(ctx: unknown): Promise<Result> } }).axe
    const { violations } = await axe.run(document)
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target) }))
  })
}

describe('themes', () => {
  const suite = officeSuite()
  let boId = ''

  beforeAll(async () => {
    const http = suite.http()
    const owner = (await http.post<SignedIn>('/api/workspaces', { name: 'Acme', owner: ana })).body
    const invite = await http.post<{ code: string }>(`/api/workspaces/${owner.workspace.id}/invites`, { role: 'member' }, owner.session.token)
    boId = (await http.post<SignedIn>(`/api/invites/${invite.body.code}/accept`, bo)).body.member.id
  })

  it('switches to Dark from the status menu, and keeps it for that member after a reload', async () => {
    const { user, office } = await suite.open()
    const page = user.page
    await office.signIn(ana)
    await expect.poll(() => drawn(page)).toEqual(light)

    await chooseTheme(page, 'Dark')
    expect(await drawn(page)).toEqual(dark)
    await page.reload()
    await office.floor().waitFor()
    await expect.poll(() => drawn(page)).toEqual(dark)

    // Bo signs in on the same browser: his own choice (none yet, so System: light), not Ana's.
    await office.signOut()
    await office.signIn(bo)
    await expect.poll(() => drawn(page)).toEqual(light)
    await office.signOut()
    await office.signIn(ana)
    await expect.poll(() => drawn(page)).toEqual(dark)
  })

  it('follows the browser on System: dark scheme, forced colours, and back', async () => {
    const { user, office } = await suite.open()
    const page = user.page
    await office.signIn(bo)
    await chooseTheme(page, 'System')
    await page.emulateMedia({ colorScheme: 'dark' })
    await expect.poll(() => drawn(page)).toEqual(dark)
    await page.emulateMedia({ forcedColors: 'active' })
    await expect.poll(() => drawn(page)).toEqual(contrast)
    await page.emulateMedia({ colorScheme: 'light', forcedColors: 'none' })
    await expect.poll(() => drawn(page)).toEqual(light)
  })

  it('on the desktop follows the OS theme on System, and keeps a choice in the app settings', async () => {
    const { app, office } = await suite.openDesktop()
    await office.signIn(bo)
    await chooseTheme(app.page, 'System')
    await app.emit('theme:changed', 'dark')
    await expect.poll(() => drawn(app.page)).toEqual(dark)
    await app.emit('theme:changed', 'contrast')
    await expect.poll(() => drawn(app.page)).toEqual(contrast)

    // A choice of its own no longer follows the OS.
    await chooseTheme(app.page, 'Light')
    expect(await drawn(app.page)).toEqual(light)
    await app.emit('theme:changed', 'dark')
    expect(await drawn(app.page)).toEqual(light)

    await chooseTheme(app.page, 'Dark')
    await expect.poll(() => getSetting(app.cache, `renderer:theme:${boId}`)).toBe('dark')
    const page = await app.relaunch()
    await new OfficePage(page).floor().waitFor()
    await expect.poll(() => drawn(page)).toEqual(dark)
  })

  it('draws text in the bundled Inter, served with the app', async () => {
    const { user, office } = await suite.open()
    const page = user.page
    await office.signIn(ana)
    const { loaded, from } = await page.evaluate(async () => {
      await document.fonts.ready
      return {
        loaded: [...document.fonts].some((f) => f.family.replaceAll('"', '') === 'Inter Variable' && f.status === 'loaded'),
        from: [...new Set(performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.woff2')).map((e) => new URL(e.name).origin))],
      }
    })
    expect(loaded).toBe(true)
    expect(from).toEqual([new URL(page.url()).origin])
  })

  it('turns transitions off when the system asks for reduced motion', async () => {
    const { user, office } = await suite.open()
    const page = user.page
    await office.signIn(ana)
    // A transition built on a motion token, and one with a plain inline duration (avatar glides are
    // Web Animations, which motion.ts turns into jumps itself under reduced motion).
    const durations = () =>
      page.evaluate(() =>
        ['opacity var(--motion-fast) linear', 'transform 500ms linear'].map((transition) => {
          const el = document.body.appendChild(document.createElement('div'))
          el.style.transition = transition
          const duration = getComputedStyle(el).transitionDuration
          el.remove()
          return duration
        }),
      )
    expect(await durations()).toEqual(['0.12s', '0.5s'])
    await page.emulateMedia({ reducedMotion: 'reduce' })
    expect(await durations()).toEqual(['0s', '0s'])
  })

  it('has no serious axe-core violation on the floor in light, dark and high contrast', async () => {
    const { user, office } = await suite.open()
    const page = user.page
    await office.signIn(ana)
    await office.desk('1', 'Ana Silva, available').waitFor()
    for (const [label, expected] of [['Light', light], ['Dark', dark], ['High contrast', contrast]] as const) {
      await chooseTheme(page, label)
      expect(await drawn(page)).toEqual(expected)
      expect(await seriousAxeViolations(page), `${label} theme`).toEqual([])
    }
  })
})
