/**
 * Debian's Chromium through playwright-core, with a fake camera and microphone and no traffic
 * beyond loopback. One browser per test file; one context (a fresh profile) per user.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DISABLED_CHROMIUM_FEATURES } from '../../main/desktop/chromium-features.ts'
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
  // With the features the desktop app turns off (main/desktop/chromium-features.ts).
  `--disable-features=${['WebRtcHideLocalIpsWithMdns', ...DISABLED_CHROMIUM_FEATURES].join(',')}`,
]

export interface LaunchOptions {
  /**
   * The fake microphone records silence instead of its beep, so nobody is ever speaking (pictures
   * compared with a baseline must not depend on who spoke last).
   */
  silentMicrophone?: boolean
}

export function launchBrowser(opts: LaunchOptions = {}): Promise<Browser> {
  const args = opts.silentMicrophone ? [...chromiumArgs, `--use-file-for-fake-audio-capture=${silenceWav()}`] : chromiumArgs
  return chromium.launch({ executablePath: ensureChromium(), args, headless: true })
}

/** A second of silence as a WAV file (16-bit mono, 48 kHz), written once per process; Chromium loops it. */
let silence: string | null = null
function silenceWav(): string {
  if (silence) return silence
  const rate = 48_000
  const data = Buffer.alloc(rate * 2)
  const header = Buffer.alloc(44)
  header.write('RIFF', 0)
  header.writeUInt32LE(36 + data.length, 4)
  header.write('WAVEfmt ', 8)
  header.writeUInt32LE(16, 16)
  header.writeUInt16LE(1, 20) // PCM
  header.writeUInt16LE(1, 22) // mono
  header.writeUInt32LE(rate, 24)
  header.writeUInt32LE(rate * 2, 28)
  header.writeUInt16LE(2, 32)
  header.writeUInt16LE(16, 34)
  header.write('data', 36)
  header.writeUInt32LE(data.length, 40)
  const file = join(mkdtempSync(join(tmpdir(), 'office-silence-')), 'silence.wav')
  writeFileSync(file, Buffer.concat([header, data]))
  silence = file
  return file
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
