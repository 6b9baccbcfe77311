/**
 * The shared frame of an end-to-end test file: one backend (livekit-server + server serving the
 * client) and one Chromium for the file, a fresh browser context per user, and every user closed
 * after each test so that the next starts with nobody online and nobody in a room.
 */
import { RoomServiceClient } from 'livekit-server-sdk'
import type { Browser, BrowserContext } from 'playwright-core'
import { parseMediaRoomName } from '../../server/livekit/occupancy.ts'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { OfficePage } from '../e2e/pages/office-page.ts'
import { launchBrowser, openUser, type LaunchOptions, type OpenOptions, type User } from './browser.ts'
import { bundleOrigin, openDesktopApp, type DesktopApp } from './desktop.ts'
import { httpClient, type HttpClient } from './http.ts'
import { until } from './factories.ts'
import { freeTcpPort } from './ports.ts'
import { startStack, type Stack } from './stack.ts'
import { tempDir } from './temp.ts'

export interface OfficeSuite {
  readonly stack: Stack
  readonly browser: Browser
  http(): HttpClient
  /** A browser user at `url` (default: the server's client); `beforeLoad` prepares its fresh context. */
  open(url?: string, opts?: OpenOptions): Promise<{ user: User; office: OfficePage }>
  /** The desktop app (renderer + main's handlers and SQLite cache) with its own user data folder; `beforeLoad` prepares its fresh context. */
  openDesktop(opts?: { beforeLoad?: (context: BrowserContext) => Promise<void> }): Promise<{ app: DesktopApp; office: OfficePage }>
}

export function officeSuite(opts: LaunchOptions = {}): OfficeSuite {
  let stack: Stack | null = null
  let browser: Browser | null = null
  let bundlePort = 0
  const users: User[] = []
  const apps: DesktopApp[] = []
  const dirs: { remove(): void }[] = []

  beforeAll(async () => {
    bundlePort = await freeTcpPort()
    stack = await startStack({ serveClient: true, origins: [bundleOrigin(bundlePort)] })
    browser = await launchBrowser(opts)
  })
  afterEach(async () => {
    const contexts = [...users.map((u) => u.context), ...apps.map((a) => a.context)]
    await leaveLikeClosingTheApp(contexts)
    await Promise.all([...users.splice(0).map((u) => u.context.close()), ...apps.splice(0).map((a) => a.close())])
    if (stack) await untilNobodyIsLeft(stack)
  })
  afterAll(async () => {
    await browser?.close()
    await stack?.stop()
    for (const d of dirs.splice(0)) d.remove()
  })

  const ready = <T>(value: T | null, what: string): T => {
    if (!value) throw new Error(`${what} is not started (use the suite inside its describe)`)
    return value
  }
  return {
    get stack() {
      return ready(stack, 'the backend')
    },
    get browser() {
      return ready(browser, 'Chromium')
    },
    http: () => httpClient(ready(stack, 'the backend').server.url),
    async open(url, opts) {
      const user = await openUser(ready(browser, 'Chromium'), url ?? ready(stack, 'the backend').server.url, opts)
      users.push(user)
      return { user, office: new OfficePage(user.page) }
    },
    async openDesktop(opts) {
      const dir = tempDir('userdata-')
      dirs.push(dir)
      const app = await openDesktopApp(ready(browser, 'Chromium'), { serverUrl: ready(stack, 'the backend').server.url, userDataDir: dir.path, bundlePort, ...opts })
      apps.push(app)
      return { app, office: new OfficePage(app.page) }
    },
  }
}

/**
 * Closes each page as a person closing the app does: the page is left (pagehide), so livekit-client
 * tells LiveKit it leaves. A context closed outright drops its connections instead, and LiveKit
 * keeps such a participant (and the server counts it in its room) until it times out, seconds into
 * the next test.
 */
async function leaveLikeClosingTheApp(contexts: readonly BrowserContext[]): Promise<void> {
  const pages = contexts.flatMap((c) => c.pages())
  await Promise.all(pages.map((p) => p.goto('about:blank').catch(() => undefined)))
}

/** Waits until LiveKit has nobody in any room and the server's occupancy of those rooms' workspaces is empty. */
async function untilNobodyIsLeft(stack: Stack): Promise<void> {
  const lk = new RoomServiceClient(stack.livekit.httpUrl, stack.livekit.apiKey, stack.livekit.apiSecret, { requestTimeout: 5 })
  const workspaces = new Set<string>()
  let left: string[] = []
  const nobodyLeft = async () => {
    const rooms = await lk.listRooms().catch(() => null)
    if (!rooms) return true // LiveKit is down (a drill stopped it): nobody is in a room.
    for (const r of rooms) {
      const ws = parseMediaRoomName(r.name)?.workspaceId
      if (ws) workspaces.add(ws)
    }
    left = rooms.filter((r) => r.numParticipants > 0).map((r) => r.name)
    for (const ws of workspaces) left.push(...Object.keys(await stack.server.app.store.occupancy(ws)).map((room) => `${ws}.${room} (server)`))
    return left.length === 0
  }
  await until(nobodyLeft, 'everyone to leave their rooms after the test', 30_000).catch((err: Error) => {
    throw new Error(`${err.message}; still there: ${left.join(', ')}`)
  })
}
