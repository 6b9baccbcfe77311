/**
 * The shared frame of an end-to-end test file: one backend (livekit-server + server serving the
 * client) and one Chromium for the file, a fresh browser context per user, and every user closed
 * after each test so that the next starts with nobody online.
 */
import type { Browser } from 'playwright-core'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { OfficePage } from '../e2e/pages/office-page.ts'
import { launchBrowser, openUser, type User } from './browser.ts'
import { bundleOrigin, openDesktopApp, type DesktopApp } from './desktop.ts'
import { httpClient, type HttpClient } from './http.ts'
import { freeTcpPort } from './ports.ts'
import { startStack, type Stack } from './stack.ts'
import { tempDir } from './temp.ts'

export interface OfficeSuite {
  readonly stack: Stack
  readonly browser: Browser
  http(): HttpClient
  /** A browser user at `url` (default: the server's client). */
  open(url?: string): Promise<{ user: User; office: OfficePage }>
  /** The desktop app (renderer + main's handlers and SQLite cache) with its own user data folder. */
  openDesktop(): Promise<{ app: DesktopApp; office: OfficePage }>
}

export function officeSuite(): OfficeSuite {
  let stack: Stack | null = null
  let browser: Browser | null = null
  let bundlePort = 0
  const users: User[] = []
  const apps: DesktopApp[] = []
  const dirs: { remove(): void }[] = []

  beforeAll(async () => {
    bundlePort = await freeTcpPort()
    stack = await startStack({ serveClient: true, origins: [bundleOrigin(bundlePort)] })
    browser = await launchBrowser()
  })
  afterEach(async () => {
    await Promise.all([...users.splice(0).map((u) => u.context.close()), ...apps.splice(0).map((a) => a.close())])
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
    async open(url) {
      const user = await openUser(ready(browser, 'Chromium'), url ?? ready(stack, 'the backend').server.url)
      users.push(user)
      return { user, office: new OfficePage(user.page) }
    },
    async openDesktop() {
      const dir = tempDir('userdata-')
      dirs.push(dir)
      const app = await openDesktopApp(ready(browser, 'Chromium'), { serverUrl: ready(stack, 'the backend').server.url, userDataDir: dir.path, bundlePort })
      apps.push(app)
      return { app, office: new OfficePage(app.page) }
    },
  }
}
