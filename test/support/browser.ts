/**
 * Debian's Chromium through playwright-core, with a fake camera and microphone and no traffic
 * beyond loopback. One browser per test file; one context (a fresh profile) per user.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { ensureChromium } from '../../scripts/lib/chromium.ts'

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  // getDisplayMedia (Share screen) picks the whole (fake) screen without a picker.
  '--auto-select-desktop-capture-source=Entire screen',
  '--autoplay-policy=no-user-gesture-required',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--allow-loopback-in-peer-connection',
  '--disable-features=WebRtcHideLocalIpsWithMdns',
]

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: ensureChromium(), args: chromiumArgs, headless: true })
}

export interface User {
  context: BrowserContext
  page: Page
  /** What the page printed to its console, for failure messages. */
  console: string[]
}

export interface OpenOptions {
  /** Prepares the fresh context (cookies, say) before the page first loads. */
  beforeLoad?: (context: BrowserContext) => Promise<void>
}

export async function openUser(browser: Browser, url: string, opts: OpenOptions = {}): Promise<User> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, permissions: ['camera', 'microphone'] })
  await opts.beforeLoad?.(context)
  const page = await context.newPage()
  const log: string[] = []
  page.on('console', (m) => log.push(`[${m.type()}] ${m.text()}`))
  page.on('pageerror', (e) => log.push(`[pageerror] ${e.message}`))
  await page.goto(url)
  return { context, page, console: log }
}
