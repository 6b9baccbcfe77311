/**
 * The browser client as served by the server, in real Chromium: it works under its CSP (a call
 * connects to LiveKit, nothing is refused), injected script does not run, another site cannot
 * frame it, the session stays in the tab unless "Keep me signed in" is ticked, and sign-out
 * leaves nothing of the office behind — in the browser, and in the desktop app's SQLite cache.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import type { SignedIn } from '../../protocol/api.ts'
import { officeSuite } from '../support/office-suite.ts'
import { OfficePage, type Account } from './pages/office-page.ts'

const ana: Account = { name: 'Ana Silva', email: 'ana@example.com', password: 'correct horse 1' }

/** Our keys in the page's Web Storage, as `local:office:…` / `session:office:…`. */
const storedKeys = (page: Page): Promise<string[]> =>
  page.evaluate(() =>
    (['local', 'session'] as const).flatMap((kind) => {
      const s = kind === 'local' ? localStorage : sessionStorage
      return Array.from({ length: s.length }, (_, i) => `${kind}:${s.key(i)}`).filter((k) => k.includes(':office:'))
    }),
  )

/** A new tab in the same browser profile, at `url`. */
async function newTab(context: BrowserContext, url: string): Promise<OfficePage> {
  const page = await context.newPage()
  await page.goto(url)
  return new OfficePage(page)
}

const signedOut = (office: OfficePage) => office.page.getByRole('tab', { name: 'Sign in' }).waitFor()

describe('the browser client', () => {
  const suite = officeSuite()
  let framer: Server | null = null
  afterAll(async () => {
    if (framer) await new Promise((resolve) => framer!.close(resolve))
  })

  it('is served with its CSP, works under it, and runs no injected script', async () => {
    const { user, office } = await suite.open()
    const response = await user.page.reload()
    const headers = response!.headers()
    expect(headers['content-security-policy']).toContain("script-src 'self';")
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'")
    expect(headers['content-security-policy']).toContain(`connect-src 'self' ${suite.stack.livekit.url.replace(/^ws/, 'http')} ${suite.stack.livekit.url}`)
    expect([headers['x-frame-options'], headers['x-content-type-options'], headers['referrer-policy']]).toEqual(['DENY', 'nosniff', 'no-referrer'])

    // Everything the app does — sign-up, the floor, the lobby, a call in a room — breaks no rule.
    await user.page.evaluate(() => {
      const w = window as unknown as { violations: string[] }
      w.violations = []
      document.addEventListener('securitypolicyviolation', (e) => w.violations.push(`${e.violatedDirective} ${e.blockedURI}`))
    })
    await office.createWorkspace('Acme', ana)
    await office.desk('1', `${ana.name}, available`).waitFor()
    await office.walkInto('Meeting room')
    await office.stage('Meeting room').getByText('Connected').waitFor()
    expect(await user.page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([])

    // A script that made it into the page (an XSS) is refused, not run.
    const refused = await user.page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true })
          const s = document.createElement('script')
          s.textContent = 'window.injected = true'
          document.body.append(s)
        }),
    )
    expect(refused).toMatch(/^script-src/)
    expect(await user.page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined()
  })

  it('refuses to be framed by another site', async () => {
    // Another origin (another port) that puts the office in an iframe, as a clickjacking page would.
    framer = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(`<h1>Win a prize</h1><iframe src="${suite.stack.server.url}/"></iframe>`))
    await new Promise<void>((resolve) => framer!.listen(0, '127.0.0.1', resolve))
    const { user } = await suite.open(`http://127.0.0.1:${(framer.address() as AddressInfo).port}/`)
    const refusal = user.page.waitForEvent('console', { predicate: (m) => /frame-ancestors 'none'/.test(m.text()), timeout: 15_000 })
    await user.page.reload()
    expect((await refusal).text()).toMatch(/blocked|Refused/)
    const child = user.page.frames().find((f) => f !== user.page.mainFrame())
    expect(await child?.locator('h1', { hasText: 'Virtual Office' }).count()).toBe(0)
  })

  it('keeps the session in the tab only, unless "Keep me signed in" is ticked', async () => {
    const url = suite.stack.server.url
    const http = suite.http()
    const bo = (await http.post<SignedIn>('/api/workspaces', { name: 'Bo Co', owner: { name: 'Bo Lee', email: 'bo@example.com', password: 'battery staple 2' } })).body
    expect(bo.session.token).toBeTruthy()

    // Not ticked: a reload keeps the session, nothing reaches localStorage, another tab is signed out.
    const { user, office } = await suite.open()
    await office.signIn({ email: 'bo@example.com', password: 'battery staple 2' })
    await user.page.reload()
    await office.floor().waitFor()
    expect((await storedKeys(user.page)).filter((k) => k.startsWith('local:'))).toEqual([])
    await signedOut(await newTab(user.context, url))
    // Closing the tab ends it: the profile's next tab is signed out too.
    await user.page.close()
    const later = await newTab(user.context, url)
    await signedOut(later)

    // Ticked: a new tab is signed in, and stays so after every tab of the profile closed.
    await later.page.getByRole('tab', { name: 'Sign in' }).click()
    const form = later.page.getByRole('form', { name: 'Sign in' })
    await form.getByLabel('Email').fill('bo@example.com')
    await form.getByLabel('Password').fill('battery staple 2')
    await form.getByRole('checkbox', { name: 'Keep me signed in' }).check()
    await form.getByRole('button', { name: 'Sign in' }).click()
    await later.floor().waitFor()
    await later.page.close()
    const kept = await newTab(user.context, url)
    await kept.floor().waitFor()
    await kept.desk('1', 'Bo Lee, available').waitFor()
    expect(await storedKeys(kept.page)).toEqual(expect.arrayContaining(['local:office:secret:session', `local:office:cache:${bo.workspace.id}`]))

    // Signing out forgets the session and the cached office, in every storage.
    await kept.signOut()
    expect(await storedKeys(kept.page)).toEqual([])
    await signedOut(await newTab(user.context, url))
  })

  it('wipes the desktop cache at sign-out, and keeps the desktop signed in by default', async () => {
    const { app, office } = await suite.openDesktop()
    await office.page.getByRole('tab', { name: 'Sign in' }).click()
    expect(await office.page.getByRole('form', { name: 'Sign in' }).getByRole('checkbox', { name: 'Keep me signed in' }).isChecked()).toBe(true)
    await office.page.getByRole('tab', { name: 'Create a workspace' }).click()
    await office.createWorkspace('Desk Co', { name: 'Cy Park', email: 'cy@example.com', password: 'correct horse 3' })
    await office.desk('1', 'Cy Park, available').waitFor()
    await expect.poll(() => app.cache.db.prepare('SELECT count(*) AS n FROM members').get()).toEqual({ n: 1 })

    // Ticked by default on the desktop: a restart of the app is still signed in.
    const again = new OfficePage(await app.relaunch())
    await again.desk('1', 'Cy Park').waitFor()

    await again.signOut()
    const count = (table: string) => (app.cache.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
    expect(['workspaces', 'floors', 'members'].map(count)).toEqual([0, 0, 0])
    expect(app.cache.db.prepare("SELECT key FROM kv WHERE key GLOB 'presence:*' OR key GLOB 'secret:*'").all()).toEqual([])
    await signedOut(new OfficePage(await app.relaunch()))
  })
})
