/**
 * The desktop app with the preload as built (out/preload/index.cjs) running in the page, main's
 * real handler table behind it and a real SQLite cache (test/support/desktop.ts): the core
 * scenario of the walking skeleton with one member on the desktop app and one in a browser, and
 * what the preload must and must not hand the page.
 */
import { describe, expect, it } from 'vitest'
import { getSnapshot } from '../../main/cache/queries.ts'
import { officeSuite } from '../support/office-suite.ts'
import { OfficePage, type Account } from './pages/office-page.ts'

const ana: Account = { name: 'Ana Silva', email: 'ana@example.com', password: 'correct horse 1' }
const bo: Account = { name: 'Bo Lee', email: 'bo@example.com', password: 'battery staple 2' }

type Bridge = { invoke(channel: string, ...args: unknown[]): Promise<unknown>; on(event: string, l: (...a: unknown[]) => void): () => void }
declare const office: Bridge

describe('the desktop app with its real preload', () => {
  const suite = officeSuite()

  it('signs in, sees a teammate, and meets them in a room with video, over the preload and main', async () => {
    const { app, office: a } = await suite.openDesktop()
    await a.createWorkspace('Acme', ana)
    await a.desk('1', `${ana.name}, available`).waitFor()
    const { office: b } = await suite.open(await a.createInviteLink())
    await b.acceptInvite(bo)
    await a.desk('2', `${bo.name}, available`).waitFor()
    await b.desk('1', `${ana.name}, available`).waitFor()

    await a.walkInto('Meeting room')
    await a.stage('Meeting room').getByText('Connected').waitFor()
    await b.walkInto('Meeting room')
    await b.stage('Meeting room').getByText('Connected').waitFor()
    await a.room('Meeting room', 2).waitFor()
    const [aFirst, bFirst] = [await a.framesDecoded(bo.name), await b.framesDecoded(ana.name)]
    expect(await a.waitForFramesBeyond(bo.name, aFirst)).toBeGreaterThan(aFirst)
    expect(await b.waitForFramesBeyond(ana.name, bFirst)).toBeGreaterThan(bFirst)

    // Everything went through main: its SQLite cache holds the floor and both members.
    const [{ id }] = app.cache.db.prepare('select id from workspaces').all() as [{ id: string }]
    await expect.poll(() => getSnapshot(app.cache, id)?.members.map((m) => m.name).sort()).toEqual([ana.name, bo.name])
  })

  it('starts from the cache with one batched host call before the floor paints', async () => {
    const { app, office: a } = await suite.openDesktop()
    await a.createWorkspace('Acme', ana)
    await a.desk('1', `${ana.name}, available`).waitFor()
    const page = await app.relaunch()
    await new OfficePage(page).desk('1', `${ana.name}, available`).waitFor()
    const beforePaint = await page.evaluate(() => {
      const painted = performance.getEntriesByName('office:floor-painted', 'mark')[0]!.startTime
      const calls = (globalThis as unknown as { __hostCalls: { channel: string; end: number }[] }).__hostCalls
      return calls.filter((c) => c.end <= painted).map((c) => c.channel)
    })
    // The preload's app:boot carried the config, the session, the OS theme and the cached floor.
    expect(beforePaint).toContain('app:boot')
    expect(beforePaint.filter((c) => ['app:getConfig', 'credentials:get', 'theme:getSystem', 'cache:getSnapshot'].includes(c))).toEqual([])
  })

  it('hands the page one frozen bridge, refuses other origins and unknown channels, and passes events without the IPC event', async () => {
    const { app, office: a } = await suite.openDesktop()
    await a.createWorkspace('Acme', ana)
    await a.desk('1', `${ana.name}, available`).waitFor()
    const page = app.page

    const bridge = await page.evaluate(() => {
      const d = Object.getOwnPropertyDescriptor(globalThis, 'office')!
      // Nothing of the preload's CommonJS wrapper or of Electron leaks into the page's globals.
      const names = ['require', 'module', 'exports', 'ipcRenderer', 'contextBridge', 'electron'].filter((n) => n in globalThis)
      return { keys: Object.keys(d.value as object).sort(), writable: d.writable, configurable: d.configurable, frozen: Object.isFrozen(d.value), names }
    })
    expect(bridge).toEqual({ keys: ['invoke', 'on'], writable: false, configurable: false, frozen: true, names: [] })
    expect(await page.evaluate(() => office.invoke('secret:dump'))).toMatchObject({ ok: false, code: 'not_found' })
    expect(await page.evaluate(() => office.invoke('credentials:get', '../../etc/passwd'))).toMatchObject({ ok: false, code: 'bad_args' })

    // A listener gets the payload only: never the event object, whose `sender` is ipcRenderer.
    const heard = page.evaluate(() => new Promise<unknown[]>((resolve) => office.on('theme:changed', (...args) => resolve(args))))
    await app.emit('theme:changed', 'dark')
    expect(await heard).toEqual(['dark'])
    // And the app follows the OS theme it was told about.
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark')

    // The same window showing another site (the server's own web client) is not the app: main refuses it.
    const other = new OfficePage(await app.context.newPage())
    await other.page.goto(suite.stack.server.url)
    expect(await other.page.evaluate(() => office.invoke('app:getConfig'))).toMatchObject({ ok: false, code: 'forbidden' })
    await other.page.close()
  })

  it('follows the tray, the global mute shortcut and a deep link from main, and reports its state to the tray', async () => {
    const { app, office: a } = await suite.openDesktop()
    await a.createWorkspace('Acme', ana)
    await a.desk('1', `${ana.name}, available`).waitFor()
    // The renderer tells main what the tray shows.
    await expect.poll(() => app.desktop.tray()).toMatchObject({ signedIn: true, status: 'available', inRoom: false })

    // The tray's Status submenu.
    await app.emit('tray:statusChosen', 'busy')
    await a.desk('1', `${ana.name}, busy`).waitFor()
    await expect.poll(() => app.desktop.tray().status).toBe('busy')

    // A deep link to a room walks there; someone else wrote it, so the call starts muted.
    const [{ id: workspaceId }] = app.cache.db.prepare('select id from workspaces').all() as [{ id: string }]
    const room = getSnapshot(app.cache, workspaceId)!.floors.flatMap((f) => f.rooms).find((r) => r.name === 'Meeting room')!
    await app.emit('deeplink:opened', { host: '127.0.0.1', workspaceId, target: 'room', id: room.id })
    await a.stage('Meeting room').getByText('Connected').waitFor()
    await a.stage('Meeting room').getByRole('button', { name: 'Unmute microphone' }).waitFor()
    await expect.poll(() => app.desktop.tray()).toMatchObject({ inRoom: true, muted: true })

    // The OS-wide mute shortcut reaches the call.
    await app.emit('media:toggle-mute')
    await a.stage('Meeting room').getByRole('button', { name: 'Mute microphone' }).waitFor()
    await expect.poll(() => app.desktop.tray().muted).toBe(false)

    // Back to my desk, from the tray.
    await app.emit('tray:deskRequested')
    await a.stage('Meeting room').waitFor({ state: 'detached' })
    await expect.poll(() => app.desktop.tray().inRoom).toBe(false)

    // A link for another workspace is refused with a word, and walks nowhere.
    await app.emit('deeplink:opened', { host: '127.0.0.1', workspaceId: 'other-workspace', target: 'room', id: room.id })
    await a.page.getByText('That link is for another workspace').waitFor()
  })

  it('keeps the desktop settings in main: start at login, off until turned on, and the mute shortcut with the reason it is refused', async () => {
    const { office: a } = await suite.openDesktop()
    await a.createWorkspace('Acme', ana)
    await a.desk('1', `${ana.name}, available`).waitFor()
    let dialog = await a.openSettings()
    const login = () => dialog.getByRole('checkbox', { name: 'Start at login' })
    await login().waitFor()
    expect(await login().isChecked()).toBe(false)
    // The box shows what main answers, once it has.
    await login().click()
    await expect.poll(() => login().isChecked()).toBe(true)
    await a.closeSettings(dialog)
    // Asked of main again when Settings opens: it kept the choice.
    dialog = await a.openSettings()
    await expect.poll(() => login().isChecked()).toBe(true)

    // This harness has no global shortcuts to give, as when another application holds the keys.
    await dialog.getByRole('textbox', { name: 'Mute shortcut' }).fill('CommandOrControl+Shift+M')
    await dialog.getByRole('button', { name: 'Set shortcut' }).click()
    await dialog.getByRole('status').getByText('CommandOrControl+Shift+M is already used by another application').waitFor()
    await a.closeSettings(dialog)
  })
})
