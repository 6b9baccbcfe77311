/**
 * The DesktopHost of a process without Electron (the e2e bridge, tests): the same tray state and
 * notification model as the app, notifications handed to a plain notifier, and none of what needs
 * the OS (no tray, no login items, no global shortcuts, no screens to capture, no updates).
 */
import type { TrayState } from '../../protocol/desktop-ipc.ts'
import type { OsNotification } from '../../protocol/ipc.ts'
import type { DesktopHost } from './handlers.ts'
import { createNoticeModel } from './notification-model.ts'
import { createMuteShortcut } from './shortcut.ts'
import { initialUpdateState } from './update-policy.ts'
import { signedOutTray } from './tray-model.ts'

export interface HeadlessDesktop extends DesktopHost {
  /** What the tray would show now. */
  tray(): TrayState
}

export function createHeadlessDesktop(deps: { show(n: OsNotification): void; protection: DesktopHost['credentialProtection'] }): HeadlessDesktop {
  let tray = signedOutTray
  let autostart = false
  const model = createNoticeModel()
  const noShortcuts = { register: () => false, unregister: () => {} }
  return {
    tray: () => tray,
    setTray: (state) => void (tray = state),
    notice(notice) {
      const n = model.decide(notice, tray.status)
      if (n) deps.show({ id: n.id, title: n.title, body: n.body, silent: n.silent })
      return n !== null
    },
    takeDeepLink: () => null,
    credentialProtection: deps.protection,
    getAutostart: () => autostart,
    setAutostart: async (on) => (autostart = on),
    muteShortcut: createMuteShortcut(noShortcuts, () => {}, null),
    screenSources: async () => [],
    chooseScreen(id) {
      if (id !== null) throw Object.assign(new Error('there are no screens to share here'), { code: 'bad_args' })
    },
    updateState: () => initialUpdateState(false),
    restartToUpdate: () => {},
  }
}
