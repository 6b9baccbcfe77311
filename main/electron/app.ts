/**
 * App lifecycle: what must happen before `ready` (sandbox, single instance, the app scheme), the
 * services built after it, and a clean quit that closes the cache. Every decision is delegated to
 * main/policy and the plain modules; this file only orders the Electron calls.
 */
import { app, BrowserWindow, session } from 'electron'
import type { IpcHandlers } from '../../protocol/ipc.ts'
import type { SystemTheme } from '../../protocol/theme.ts'
import type { Notifier } from '../ipc/handlers.ts'
import type { Cache } from '../cache/open.ts'
import type { Protection } from '../credentials/secret-store.ts'
import { readLaunchConfig, type LaunchConfig } from '../launch-config.ts'
import { buildCsp } from '../policy/csp.ts'
import { APP_ENTRY_URL, type RendererTrust } from '../policy/renderer-origin.ts'
import { registerAppSchemePrivileged, serveBundle } from './app-scheme.ts'
import { safeStorageProtection } from './credentials.ts'
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
    app.quit()
    return
  }
  registerAppSchemePrivileged()
  const launch = readLaunchConfig(process.env, process.argv, app.isPackaged)
  const trust: RendererTrust = { devUrl: launch.rendererDevUrl }
  guardAllWebContents(trust)

  let services: Services | null = null
  let win: BrowserWindow | null = null
  const openWindow = (ready: Services): void => {
    win = createMainWindow({ cache: ready.cache, preloadPath, url: launch.rendererDevUrl ?? APP_ENTRY_URL, debug: launch.debug })
    win.on('closed', () => (win = null))
  }

  app.on('second-instance', () => {
    if (win?.isMinimized()) win.restore()
    win?.focus()
  })
  app.on('activate', () => {
    if (services && BrowserWindow.getAllWindows().length === 0) openWindow(services)
  })
  // macOS keeps apps alive without windows; elsewhere closing the window quits.
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('will-quit', () => {
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
      serveBundle(rendererRoot, buildCsp({ serverUrl: launch.serverUrl, livekitUrl: launch.livekitUrl }))
      applyPermissionPolicy(session.defaultSession, trust)
      registerIpc(ready.handlers, trust)
      openWindow(ready)
      watchPower(() => win?.webContents ?? null)
      watchNativeTheme(() => win?.webContents ?? null)
    })
    .catch((err: unknown) => {
      console.error('virtual office failed to start', err)
      app.exit(1)
    })
}
