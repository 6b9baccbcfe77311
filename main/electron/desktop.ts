/**
 * The DesktopHost over Electron: the tray, notices, deep links, start at login, the global mute
 * shortcut, the screen picker and updates, each decided by its main/desktop module and wired here.
 * Host events go to the main window's renderer through `send`.
 */
import { app, type Session } from 'electron'
import type { TrayState } from '../../protocol/desktop-ipc.ts'
import type { HostEvent, HostEventArgs } from '../../protocol/ipc.ts'
import type { Cache } from '../cache/open.ts'
import { getSetting, putSetting } from '../cache/queries.ts'
import { credentialProtection, type Protection } from '../credentials/secret-store.ts'
import { autostartSettingKey, readAutostart } from '../desktop/autostart.ts'
import type { DeepLinkInbox } from '../desktop/deep-link-inbox.ts'
import type { DesktopHost } from '../desktop/handlers.ts'
import { createNoticeModel } from '../desktop/notification-model.ts'
import { createMuteShortcut, defaultMuteShortcut, muteShortcutKey } from '../desktop/shortcut.ts'
import { signedOutTray, type TrayAction } from '../desktop/tray-model.ts'
import type { RendererTrust } from '../policy/renderer-origin.ts'
import { applyAutostart } from './autostart.ts'
import type { AppNotifier } from './notifications.ts'
import { installScreenPicker } from './screen.ts'
import { globalShortcutRegistry } from './shortcut.ts'
import { createAppTray } from './tray.ts'
import { startUpdates } from './updater.ts'

export interface DesktopDeps {
  cache: Cache
  session: Session
  trust: RendererTrust
  protection: Protection
  notifier: AppNotifier
  inbox: DeepLinkInbox
  send<E extends HostEvent>(event: E, ...args: HostEventArgs<E>): void
  /** Shows and focuses the main window, opening it again if it was closed. */
  open(): void
}

export function createDesktop(deps: DesktopDeps): DesktopHost & { dispose(): void } {
  const { cache, send } = deps
  let trayState: TrayState = signedOutTray
  const onTrayAction = (action: TrayAction): void => {
    if (action.kind === 'status') send('tray:statusChosen', action.status)
    else if (action.kind === 'toggle-mute') send('media:toggle-mute')
    else if (action.kind === 'back-to-desk') send('tray:deskRequested')
    else if (action.kind === 'open') deps.open()
    else if (action.kind === 'restart-to-update') updates.restart()
    else app.quit()
  }
  const tray = createAppTray({ onAction: onTrayAction })
  const notices = createNoticeModel()
  const stored = getSetting(cache, muteShortcutKey)
  // Stored '' means the member turned the shortcut off; nothing stored means the default.
  const shortcut = createMuteShortcut(globalShortcutRegistry, () => send('media:toggle-mute'), stored === null ? defaultMuteShortcut : stored || null)
  if (shortcut.status().error) console.warn(`mute shortcut: ${shortcut.status().error}`)
  const screens = installScreenPicker(deps.session, deps.trust)
  const updates = startUpdates(app.isPackaged, (state) => {
    tray.setUpdateReady(state.phase === 'ready' ? (state.version ?? '') : null)
    send('update:changed', state)
  })

  return {
    setTray(state) {
      trayState = state
      tray.update(state)
    },
    notice(notice) {
      const n = notices.decide(notice, trayState.status)
      if (n) deps.notifier.showNotice(n)
      return n !== null
    },
    takeDeepLink: () => deps.inbox.take(),
    credentialProtection: () => credentialProtection(deps.protection),
    getAutostart: () => readAutostart(getSetting(cache, autostartSettingKey)),
    async setAutostart(on) {
      applyAutostart(on)
      putSetting(cache, autostartSettingKey, on ? '1' : '0')
      return on
    },
    muteShortcut: {
      status: () => shortcut.status(),
      set(accelerator) {
        const status = shortcut.set(accelerator)
        // Remember what is in force (a refused change leaves the previous one, which is already stored).
        if (status.error === null) putSetting(cache, muteShortcutKey, status.accelerator ?? '')
        return status
      },
    },
    screenSources: () => screens.sources(),
    chooseScreen: (id) => screens.choose(id),
    updateState: () => updates.state(),
    restartToUpdate: () => updates.restart(),
    dispose() {
      shortcut.set(null)
      tray.destroy()
    },
  }
}
