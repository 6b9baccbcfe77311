/**
 * The desktop app in the real Electron binary: start it, sign in, walk into a room. Electron cannot
 * be downloaded on our machines, so only .github/workflows/release.yml runs this (on each OS, on
 * the packaged app named by OFFICE_SMOKE_APP; without it, `electron out/main/index.js`).
 * The page is driven over Chromium's DevTools port, not Playwright's `_electron`: that attaches the
 * Node inspector, which the packaged build's fuses (enableNodeCliInspectArguments off) forbid.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createRequire } from 'node:module'
import { resolve } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { OfficePage } from '../e2e/pages/office-page.ts'
import { until } from '../support/factories.ts'
import { freeTcpPort } from '../support/ports.ts'
import { startStack, type Stack } from '../support/stack.ts'
import { tempDir } from '../support/temp.ts'

const root = resolve(import.meta.dirname, '../..')

/** The packaged executable, or the electron package's binary running the built out/main. */
function appCommand(): { command: string; args: string[] } {
  const packaged = process.env.OFFICE_SMOKE_APP
  if (packaged) return { command: packaged, args: [] }
  // The electron package's main export is the binary's path (downloaded by `npx install-electron`).
  const binary = createRequire(import.meta.url)('electron') as unknown as string
  return { command: binary, args: [resolve(root, 'out/main/index.js')] }
}

async function connect(port: number): Promise<Browser> {
  let browser: Browser | null = null
  await until(async () => {
    browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`).catch(() => null)
    return browser !== null
  }, 'the app to open its DevTools port', 60_000)
  return browser!
}

async function appPage(browser: Browser): Promise<Page> {
  let page: Page | undefined
  await until(async () => {
    page = browser.contexts().flatMap((c) => c.pages()).find((p) => p.url().startsWith('app://bundle/'))
    return page !== undefined
  }, 'the window to load app://bundle', 60_000)
  return page!
}

describe('the desktop app in the real Electron binary', () => {
  let stack: Stack
  let app: ChildProcess
  let browser: Browser
  const userData = tempDir('smoke-userdata-')

  beforeAll(async () => {
    stack = await startStack()
    const port = await freeTcpPort()
    const { command, args } = appCommand()
    app = spawn(
      command,
      [
        ...args,
        `--server=${stack.server.url}`,
        `--livekit=${stack.livekit.url}`,
        `--remote-debugging-port=${port}`,
        // The packaged app turns DevTools off unless asked; the DevTools port needs them.
        '--debug',
        // A fresh profile on reruns (Chromium's switch); CI runners start empty anyway.
        `--user-data-dir=${userData.path}`,
        // No camera or microphone on CI runners: Chromium's fake devices, granted by main's
        // permission policy like real ones.
        '--use-fake-device-for-media-stream',
      ],
      { stdio: ['ignore', 'inherit', 'inherit'] },
    )
    browser = await connect(port)
  })
  afterAll(async () => {
    await browser?.close()
    app?.kill()
    await stack?.stop()
    userData.remove()
  })

  it('starts, signs in, and walks into a room', async () => {
    const page = await appPage(browser)
    // The real preload ran: window.office is the bridge, with invoke and on only.
    expect(await page.evaluate(() => Object.keys((globalThis as unknown as { office: object }).office).sort())).toEqual(['invoke', 'on'])
    const office = new OfficePage(page)
    await office.createWorkspace('Smoke', { name: 'Sam Smoke', email: 'sam@example.com', password: 'correct horse 1' })
    await office.desk('1', 'Sam Smoke, available').waitFor()
    await office.walkInto('Meeting room')
    await office.stage('Meeting room').getByText('Connected').waitFor({ timeout: 30_000 })
    await office.room('Meeting room', 1).waitFor()
  })
})
