/**
 * Drill: a part is not there when the office starts. LiveKit down at the server's start: health
 * says degraded, signed-in clients show the floor with a bar that names LiveKit, and all comes
 * back by itself once LiveKit starts. The server down at the desktop app's start: signing in says
 * the server cannot be reached, and works once it is up. (A desktop app with a saved session and
 * the server down is desktop-cache.test.ts.) Prints what it measured.
 */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Health, SignedIn } from '../../protocol/api.ts'
import { launchBrowser, openUser, type User } from '../support/browser.ts'
import { bundleOrigin, openDesktopApp, type DesktopApp } from '../support/desktop.ts'
import { httpClient } from '../support/http.ts'
import { startLivekit, type TestLivekit } from '../support/livekit.ts'
import { freeTcpPort } from '../support/ports.ts'
import { startServer, type TestServer } from '../support/server.ts'
import { tempDir } from '../support/temp.ts'
import { OfficePage, type Account } from './pages/office-page.ts'

const ana: Account = { name: 'Ana Silva', email: 'ana@example.com', password: 'correct horse 1' }
const bo: Account = { name: 'Bo Lee', email: 'bo@example.com', password: 'battery staple 2' }

describe('drill: a part unreachable at start', () => {
  let browser: Browser
  let livekit: TestLivekit | null = null
  let server: TestServer | null = null
  const users: User[] = []
  const apps: DesktopApp[] = []
  const [userData, serverData] = [tempDir('userdata-'), tempDir('serverdata-')]

  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await Promise.all([...users.map((u) => u.context.close()), ...apps.map((a) => a.close())])
    await browser?.close()
    await server?.stop()
    await livekit?.stop()
    userData.remove()
    serverData.remove()
  })

  it('LiveKit down when the server starts: degraded, a bar naming LiveKit, then recovery by itself', async () => {
    const port = await freeTcpPort()
    livekit = await startLivekit({ webhookUrls: [`http://127.0.0.1:${port}/api/livekit/webhook`] })
    await livekit.kill() // its ports and keys are known; nothing listens there yet
    server = await startServer({ livekit, port, dataDir: serverData.path, serveClient: true })
    const http = httpClient(server.url)
    expect((await http.get<Health>('/api/health')).body).toMatchObject({ status: 'degraded', livekit: 'unreachable' })

    const owner = (await http.post<SignedIn>('/api/workspaces', { name: 'Acme', owner: ana })).body
    const invite = await http.post<{ code: string }>(`/api/workspaces/${owner.workspace.id}/invites`, { role: 'member' }, owner.session.token)
    await http.post(`/api/invites/${invite.body.code}/accept`, bo)
    const [a, b] = await Promise.all(
      [ana, bo].map(async (account) => {
        const user = await openUser(browser, server!.url)
        users.push(user)
        const office = new OfficePage(user.page)
        await office.signIn(account)
        return office
      }),
    )
    // The floor is there (it comes from the server); the bar says what is missing.
    for (const office of [a!, b!]) {
      await office.room('Meeting room').waitFor()
      await office.offlineBar().filter({ hasText: /cannot reach LiveKit, so no presence or calls/ }).waitFor()
    }

    await livekit.restart()
    const upAt = Date.now()
    await Promise.all([a!, b!].map((office) => office.offlineBar().waitFor({ state: 'detached', timeout: 20_000 })))
    // Presence works: each sees the other at their desk.
    await a!.desk('2', `${bo.name}, available`).waitFor({ timeout: 10_000 })
    await b!.desk('1', `${ana.name}, available`).waitFor({ timeout: 10_000 })
    const backMs = Date.now() - upAt
    expect((await http.get<Health>('/api/health')).body).toMatchObject({ status: 'ok', livekit: 'ok' })
    console.log(`drill LiveKit unreachable at start: health degraded, clients said so; both live ${backMs} ms after LiveKit started`)
  })

  it('the server down when the desktop app starts: sign-in says so, and works once the server is up', async () => {
    const [port, bundlePort] = [await freeTcpPort(), await freeTcpPort()]
    const app = await openDesktopApp(browser, { serverUrl: `http://127.0.0.1:${port}`, userDataDir: userData.path, bundlePort })
    apps.push(app)
    const office = new OfficePage(app.page)
    await app.page.getByRole('tab', { name: 'Sign in' }).click()
    const form = app.page.getByRole('form', { name: 'Sign in' })
    await form.getByLabel('Email').fill(ana.email)
    await form.getByLabel('Password').fill(ana.password)
    await form.getByRole('button', { name: 'Sign in' }).click()
    await app.page.getByRole('alert').filter({ hasText: /cannot reach the server/i }).waitFor()

    // The server comes up (Ana's account is in it); the same form now signs her in.
    await server!.stop({ keepData: true })
    server = await startServer({ livekit: livekit!, port, dataDir: serverData.path, origins: [bundleOrigin(bundlePort)] })
    const upAt = Date.now()
    await form.getByRole('button', { name: 'Sign in' }).click()
    await office.floor().waitFor()
    await office.desk('1', `${ana.name}, available`).waitFor()
    await office.offlineBar().waitFor({ state: 'detached' })
    console.log(`drill server unreachable at start: sign-in said "cannot reach the server"; signed in and live ${Date.now() - upAt} ms after the server started`)
  })
})
