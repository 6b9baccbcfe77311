/**
 * The desktop path: the renderer in its own origin with window.office routed to main's handlers
 * and a real SQLite cache. Started with the server down, the floor paints from the cache with an
 * offline bar; when the server comes back the app reconnects by itself.
 */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getSnapshot } from '../../main/cache/queries.ts'
import type { LobbyToken, SignedIn } from '../../protocol/api.ts'
import { addMember, connectParticipant } from '../support/factories.ts'
import { httpClient } from '../support/http.ts'
import { launchBrowser } from '../support/browser.ts'
import { bundleOrigin, openDesktopApp } from '../support/desktop.ts'
import { startLivekit, type TestLivekit } from '../support/livekit.ts'
import { freeTcpPort } from '../support/ports.ts'
import { startServer, type TestServer } from '../support/server.ts'
import { tempDir } from '../support/temp.ts'
import { OfficePage } from './pages/office-page.ts'

describe('desktop app with the local cache', () => {
  let livekit: TestLivekit
  let browser: Browser
  const dirs = [tempDir('userdata-'), tempDir('serverdata-')]
  const [userData, serverData] = dirs as [ReturnType<typeof tempDir>, ReturnType<typeof tempDir>]

  beforeAll(async () => {
    livekit = await startLivekit()
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await livekit?.stop()
    for (const d of dirs) d.remove()
  })

  it('paints the cached floor with an offline bar when the server is down, and recovers when it returns', async () => {
    const [port, bundlePort] = [await freeTcpPort(), await freeTcpPort()]
    const origins = [bundleOrigin(bundlePort)]
    let server: TestServer = await startServer({ livekit, port, dataDir: serverData.path, origins })
    const app = await openDesktopApp(browser, { serverUrl: server.url, userDataDir: userData.path, bundlePort })
    const office = new OfficePage(app.page)
    await office.createWorkspace('Acme', { name: 'Ana Silva', email: 'ana@example.com', password: 'correct horse 1' })
    await office.desk('1', 'Ana Silva, available').waitFor()

    // main's SQLite cache now holds the workspace, its floor and its members.
    const webCache = await app.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('office:')))
    expect(webCache, 'the desktop build keeps its cache in main, not in localStorage').toEqual([])
    const cached = app.cache.db.prepare('select id from workspaces').all() as { id: string }[]
    expect(cached).toHaveLength(1)
    // The members arrive a moment after the floor paints; the cache follows them.
    await expect.poll(() => getSnapshot(app.cache, cached[0]!.id)?.members.map((m) => m.name)).toEqual(['Ana Silva'])
    expect(getSnapshot(app.cache, cached[0]!.id)?.floors[0]?.desks).toHaveLength(12)

    // Bo is online at his desk (a member with a real LiveKit participant in the lobby).
    const http = httpClient(server.url)
    const anaSession = (await http.post<SignedIn>('/api/sessions', { email: 'ana@example.com', password: 'correct horse 1' })).body
    const bo = await addMember(http, anaSession)
    const lobbyToken = await http.post<LobbyToken>(`/api/workspaces/${bo.workspace.id}/lobby/token`, undefined, bo.session.token)
    const boRoom = await connectParticipant(lobbyToken.body.url, lobbyToken.body.token)
    await boRoom.localParticipant!.setAttributes({ status: 'busy', statusText: 'Focusing', floor: 'floor_main', desk: bo.member.deskId ?? '', room: '', x: '280', y: '420' })
    await office.personOnFloor(bo.member.name).waitFor()
    // The app keeps its last picture of who is where in the cache (written every few seconds).
    await expect.poll(() => getSnapshot(app.cache, bo.workspace.id)?.presence?.peers.find((p) => p.id === bo.member.id)?.status, { timeout: 10_000 }).toBe('busy')

    // Quit, stop the server, start the app again: the floor paints from the cache, read-only, and
    // shows who was where, marked with when that was.
    await server.stop()
    const page = await app.relaunch()
    const offline = new OfficePage(page)
    await offline.desk('1', 'Ana Silva').waitFor()
    await offline.room('Meeting room').waitFor()
    await offline.offlineBar().waitFor()
    await page.getByRole('group', { name: 'People' }).getByRole('button', { name: new RegExp(`^${bo.member.name}, busy, Focusing, as of `) }).waitFor()

    // The server returns on the same address: the app reconnects without a reload.
    server = await startServer({ livekit, port, dataDir: serverData.path, origins })
    await offline.offlineBar().waitFor({ state: 'detached', timeout: 20_000 })
    await offline.desk('1', 'Ana Silva, available').waitFor()
    // Live again: Bo as he is now, no longer "as of".
    await page.getByRole('group', { name: 'People' }).getByRole('button', { name: `${bo.member.name}, busy, Focusing` }).waitFor()

    await boRoom.disconnect()
    await app.close()
    await server.stop()
  })

  it('keeps nothing of a member who quit without signing out, when their session was not kept, for whoever signs in next', async () => {
    const [port, bundlePort] = [await freeTcpPort(), await freeTcpPort()]
    const [data, user] = [tempDir('serverdata-'), tempDir('userdata-')]
    dirs.push(data, user)
    const server = await startServer({ livekit, port, dataDir: data.path, origins: [bundleOrigin(bundlePort)] })
    const app = await openDesktopApp(browser, { serverUrl: server.url, userDataDir: user.path, bundlePort })
    // Ana creates a workspace with "Keep me signed in" off: her session lasts as long as this run.
    const form = app.page.getByRole('form', { name: 'Create a workspace' })
    await form.getByLabel('Workspace name').fill('Acme')
    await form.getByLabel('Your name').fill('Ana Silva')
    await form.getByLabel('Email').fill('ana@example.com')
    await form.getByLabel('Password').fill('correct horse 1')
    await form.getByLabel('Keep me signed in').uncheck()
    await form.getByRole('button', { name: 'Create workspace' }).click()
    const office = new OfficePage(app.page)
    await office.desk('1', 'Ana Silva, available').waitFor()
    const workspaces = () => (app.cache.db.prepare('select count(*) as n from workspaces').get() as { n: number }).n
    await expect.poll(() => getSnapshot(app.cache, (app.cache.db.prepare('select id from workspaces').get() as { id: string }).id)?.members.length).toBe(1)

    // She quits without signing out: the next start is signed out, and her office is no longer on this machine.
    const page = await app.relaunch()
    await page.getByRole('tab', { name: 'Sign in' }).waitFor()
    await expect.poll(workspaces).toBe(0)
    await app.close()
    await server.stop()
  })
})
