/**
 * App lifecycle: what must happen before `ready` (sandbox, single instance, the app scheme, the
 * deep-link scheme and its hand-off), the services built after it, and a clean quit that closes
 * the cache. Every decision is delegated to main/policy and the plain modules; this file only
 * orders the Electron calls.
 */
import { app, session, type BrowserWindow } from 'electron'
import type { HostEvent, HostEventArgs, IpcHandlers } from '../../protocol/ipc.ts'
import type { SystemTheme } from '../../protocol/theme.ts'
import type { Notifier } from '../ipc/handlers.ts'
import type { Cache } from '../cache/open.ts'
import type { Protection } from '../credentials/secret-store.ts'
import { DISABLED_CHROMIUM_FEATURES } from '../desktop/chromium-features.ts'
import { createDeepLinkInbox } from '../desktop/deep-link-inbox.ts'
import { DEEP_LINK_SCHEME, linkFromArgv, serverHost } from '../desktop/deep-link.ts'
import { createDesktopHandlers } from '../desktop/handlers.ts'
import { readLaunchConfig, type LaunchConfig } from '../launch-config.ts'
import { buildCsp } from '../policy/csp.ts'
import { getSetting, putSetting } from '../cache/queries.ts'
import { cspOriginsNow, followReportedLivekit } from '../desktop/reported-livekit.ts'
import { APP_ENTRY_URL, type RendererTrust } from '../policy/renderer-origin.ts'
import { registerAppSchemePrivileged, serveBundle } from './app-scheme.ts'
import { safeStorageProtection } from './credentials.ts'
import { createDesktop } from './desktop.ts'
import { applyPermissionPolicy, guardAllWebContents } from './guards.ts'
import { registerIpc } from './ipc.ts'
import { createNotifier } from './notifications.ts'
import { watchPower } from './power.ts'
import { nativeSystemTheme, watchNativeTheme } from './theme.ts'
import { createMainWindow } from './window.ts'

export interface Services {
  cache: Cache
  handlers: IpcHandlers
}

export interface ServiceContext {
  launch: LaunchConfig
  userDataDir: string
  protection: Protection
  version: string
  notifier: Notifier
  systemTheme: () => SystemTheme
}

export interface StartOptions {
  rendererRoot: string
  preloadPath: string
  createServices(ctx: ServiceContext): Services
}

export function startApp({ rendererRoot, preloadPath, createServices }: StartOptions): void {
  // Before 'ready': every renderer sandboxed, one instance per profile (two would share cache.db).
  app.enableSandbox()
  if (!app.requestSingleInstanceLock()) {
    // The first instance receives our argv (and its deep link) through 'second-instance'.
    app.quit()
    return
  }
  registerAppSchemePrivileged()
  app.commandLine.appendSwitch('disable-features', DISABLED_CHROMIUM_FEATURES.join(','))
  const launch = readLaunchConfig(process.env, process.argv, app.isPackaged)
  const trust: RendererTrust = { devUrl: launch.rendererDevUrl }
  guardAllWebContents(trust)
  // A dev build would register the bare Electron binary as the handler; packages register theirs
  // (and on Linux the desktop entry's MimeType does it).
  if (app.isPackaged) app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME)

  let services: Services | null = null
  let win: BrowserWindow | null = null
  let quitting = false
  let hideOnClose = false
  let lastInput: number | null = null
  const send = <E extends HostEvent>(event: E, ...args: HostEventArgs<E>): void => {
    if (win && !win.isDestroyed()) win.webContents.send(event, ...args)
  }
  const focus = (): void => {
    if (!win && services) openWindow(services)
    if (win?.isMinimized()) win.restore()
    win?.show()
    win?.focus()
  }
  const inbox = createDeepLinkInbox({ allowedHost: serverHost(launch.serverUrl), focus, deliver: (link) => send('deeplink:opened', link) })
  const startLink = linkFromArgv(process.argv)
  if (startLink) inbox.receive(startLink)

  const openWindow = (ready: Services): void => {
    win = createMainWindow({ cache: ready.cache, preloadPath, url: launch.rendererDevUrl ?? APP_ENTRY_URL, debug: launch.debug })
    // A (re)loading renderer is not listening yet: links wait for its `deeplink:take`.
    win.webContents.on('did-start-loading', () => inbox.detach())
    win.webContents.on('input-event', () => (lastInput = Date.now()))
    // With a tray, closing the window keeps the office running (presence, calls); Quit is in the tray.
    win.on('close', (event) => {
      if (hideOnClose && !quitting) {
        event.preventDefault()
        win?.hide()
      }
    })
    win.on('closed', () => {
      win = null
      inbox.detach()
    })
  }

  app.on('second-instance', (_event, argv) => void inbox.secondInstance(argv))
  // macOS hands links over by event, also before 'ready'.
  app.on('open-url', (event, url) => {
    event.preventDefault()
    inbox.receive(url)
    if (app.isReady()) focus()
  })
  app.on('activate', () => {
    if (services) focus()
  })
  // macOS keeps apps alive without windows; elsewhere closing the last window quits.
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('before-quit', () => (quitting = true))
  let disposeDesktop = (): void => {}
  let stopLearning = (): void => {}
  app.on('will-quit', () => {
    disposeDesktop()
    stopLearning()
    services?.cache.close()
    services = null
  })

  void app
    .whenReady()
    .then(async () => {
      const protection = await safeStorageProtection()
      const notifier = createNotifier(() => win)
      const ready = createServices({ launch, userDataDir: app.getPath('userData'), protection, version: app.getVersion(), notifier, systemTheme: nativeSystemTheme })
      services = ready
      const settings = { get: (key: string) => getSetting(ready.cache, key), set: (key: string, value: string | null) => putSetting(ready.cache, key, value) }
      let origins = cspOriginsNow(launch, settings)
      serveBundle(rendererRoot, () => buildCsp(origins))
      applyPermissionPolicy(session.defaultSession, trust)
      const desktop = createDesktop({ cache: ready.cache, session: session.defaultSession, trust, protection, notifier, inbox, send, open: focus })
      disposeDesktop = desktop.dispose
      hideOnClose = true
      registerIpc({ ...ready.handlers, ...createDesktopHandlers(desktop) }, trust)
      openWindow(ready)
      // The LiveKit the server reports joins the CSP; a page loaded without it reloads once with it.
      // Asked until the server answers (it may be down at start).
      const loadedWith = origins
      stopLearning = followReportedLivekit({
        serverUrl: launch.serverUrl,
        settings,
        fetch,
        loadedWith: () => loadedWith,
        changed: () => {
          origins = cspOriginsNow(launch, settings)
          win?.webContents.reload()
        },
        refused: (reason) => console.warn(`CSP: the LiveKit URL the server reports is not known yet: ${reason}`),
      })
      watchPower(() => win?.webContents ?? null, undefined, () => lastInput)
      watchNativeTheme(() => win?.webContents ?? null)
    })
    .catch((err: unknown) => {
      console.error('virtual office failed to start', err)
      app.exit(1)
    })
}
