/**
 * The desktop channels' handlers (protocol/desktop-ipc.ts), built from a DesktopHost: the real one
 * (main/electron/desktop.ts) over Electron, or the headless one (headless.ts) where there is no
 * Electron (the e2e bridge). main/ipc/handlers.ts spreads this table into its own.
 */
import type { CredentialProtection, DeepLink, DesktopNotice, ScreenSourceInfo, TrayState, UpdateState, desktopChannels } from '../../protocol/desktop-ipc.ts'
import type { IpcHandlers } from '../../protocol/ipc.ts'
import type { MuteShortcut } from './shortcut.ts'

export type DesktopChannel = keyof typeof desktopChannels
export type DesktopHandlers = Pick<IpcHandlers, DesktopChannel>

export interface DesktopHost {
  setTray(state: TrayState): void
  /** Shows the OS notification the notice calls for, if any; true when one was shown. */
  notice(notice: DesktopNotice): boolean
  takeDeepLink(): DeepLink | null
  credentialProtection(): CredentialProtection
  getAutostart(): boolean
  /** Applies and remembers the choice; answers what is in force afterwards. */
  setAutostart(on: boolean): Promise<boolean>
  muteShortcut: MuteShortcut
  screenSources(): Promise<ScreenSourceInfo[]>
  chooseScreen(id: string | null): void
  updateState(): UpdateState
  restartToUpdate(): void
}

export function createDesktopHandlers(host: DesktopHost): DesktopHandlers {
  return {
    'tray:setState': async (state) => (host.setTray(state), null),
    'notify:notice': async (notice) => host.notice(notice),
    'deeplink:take': async () => host.takeDeepLink(),
    'credentials:protection': async () => host.credentialProtection(),
    'autostart:get': async () => host.getAutostart(),
    'autostart:set': (on) => host.setAutostart(on),
    'shortcut:getMute': async () => host.muteShortcut.status(),
    'shortcut:setMute': async (accelerator) => host.muteShortcut.set(accelerator),
    'screen:sources': () => host.screenSources(),
    'screen:choose': async (id) => (host.chooseScreen(id), null),
    'update:getState': async () => host.updateState(),
    'update:restart': async () => (host.restartToUpdate(), null),
  }
}
