/**
 * The desktop app without the Electron binary: the built renderer is served from its own loopback
 * origin (standing in for `app://bundle`, never from the workspace server), and the built preload
 * (out/preload/index.cjs) runs in each page before the app, given a stand-in for the two Electron
 * objects it uses (preload-shim.ts). Its `ipcRenderer.invoke` reaches main's real IPC handler
 * table with a real SQLite cache through Playwright's exposeBinding. Only Electron's transport is
 * swapped; the preload, handlers, argument checks and the sender check are the app's own.
 */
import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import { extname, join, normalize } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { openCache, type Cache } from '../../main/cache/open.ts'
import { cacheKv } from '../../main/cache/queries.ts'
import { createSecretStore } from '../../main/credentials/secret-store.ts'
import { createHeadlessDesktop, type HeadlessDesktop } from '../../main/desktop/headless.ts'
import { createIpcHandlers } from '../../main/ipc/handlers.ts'
import { invokeOnWire } from '../../main/ipc/wire.ts'
import type { HostEvent, OsNotification } from '../../protocol/ipc.ts'
import { preloadScript } from './preload-shim.ts'
import { rendererDir } from './server.ts'

/** The preload as electron-vite builds it and the packaged app loads it. */
export const preloadFile = join(rendererDir, '..', 'preload', 'index.cjs')

/** The bundle's origin for a port; the server must allow it by CORS, as it allows `app://bundle`. */
export const bundleOrigin = (port: number) => `http://127.0.0.1:${port}`

const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png' }

export interface DesktopApp {
  context: BrowserContext
  page: Page
  cache: Cache
  /** Main's desktop host: what the tray would show now. */
  desktop: HeadlessDesktop
  /** OS notifications the app has shown, oldest first. */
  notifications: OsNotification[]
  /** Starts the app again (a new window on the same user data), as after quitting. */
  relaunch(): Promise<Page>
  /**
   * False: main refuses `app:boot` as a main from before the batched start would (unknown
   * channel), so the preload reads one channel at a time; for the before/after start benchmark.
   */
  bootChannel: boolean
  emit(event: HostEvent, ...args: unknown[]): Promise<void>
  close(): Promise<void>
}

/**
 * A static file server for the built renderer, like Electron's `app://` protocol handler. As there
 * (its `codeCache` privilege) and as the server's own client route, the page keeps what it has
 * compiled between starts: the hashed assets are immutable and the page is revalidated.
 */
async function serveBundle(port: number): Promise<{ origin: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname))
    const file = join(rendererDir, path === '/' ? 'index.html' : path)
    if (!file.startsWith(rendererDir)) return void res.writeHead(404).end()
    const cacheControl = file.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable'
    readFile(file).then(
      (body) => res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': cacheControl }).end(body),
      () => res.writeHead(404).end(),
    )
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return { origin: bundleOrigin(port), server }
}

export async function openDesktopApp(
  browser: Browser,
  opts: { serverUrl: string; userDataDir: string; bundlePort: number; beforeLoad?: (context: BrowserContext) => Promise<void> },
): Promise<DesktopApp> {
  const cache = openCache(join(opts.userDataDir, 'cache.db'))
  const secrets = createSecretStore({ kv: cacheKv(cache), protection: { cipher: null, weakness: null }, warn: () => {} })
  const notifications: OsNotification[] = []
  // The one fake: there is no OS notification centre here, so notifications are recorded for the test.
  const notifier = { show: (n: OsNotification) => void notifications.push(n) }
  const desktop = createHeadlessDesktop({ show: (n) => notifier.show(n), protection: () => secrets.protection() })
  const handlers = createIpcHandlers({ cache, secrets, config: { serverUrl: opts.serverUrl, platform: 'electron', version: 'test' }, notifier, desktop })

  const bundle = await serveBundle(opts.bundlePort)
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, permissions: ['camera', 'microphone'] })
  const state = { bootChannel: true }
  await context.exposeBinding('__officeInvoke', (source, channel: unknown, ...args: unknown[]) =>
    channel === 'app:boot' && !state.bootChannel
      ? { ok: false, code: 'not_found', message: 'unknown IPC channel "app:boot"' }
      : invokeOnWire(handlers, channel, args, source.frame.url(), { devUrl: bundle.origin }),
  )
  await context.addInitScript({ content: preloadScript(readFileSync(preloadFile, 'utf8')) })
  await opts.beforeLoad?.(context)

  let page = await context.newPage()
  await page.goto(`${bundle.origin}/`)
  return {
    context,
    get page() {
      return page
    },
    cache,
    desktop,
    notifications,
    get bootChannel() {
      return state.bootChannel
    },
    set bootChannel(on: boolean) {
      state.bootChannel = on
    },
    async relaunch() {
      await page.close({ runBeforeUnload: true })
      page = await context.newPage()
      await page.goto(`${bundle.origin}/`)
      return page
    },
    emit: (event, ...args) => page.evaluate(([e, a]) => (globalThis as unknown as { __officeEmit(e: string, ...x: unknown[]): void }).__officeEmit(e, ...a), [event, args] as const),
    async close() {
      await context.close()
      await new Promise((resolve) => bundle.server.close(resolve))
      cache.close()
    },
  }
}
