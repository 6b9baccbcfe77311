/**
 * An OS notice: in the desktop app through its notice model (issue 15: action buttons such as
 * Admit, Join and Reply, a click that goes to the right place, none during do-not-disturb, a
 * throttle per sender), in a browser as a plain notification.
 */
import type { DesktopNotice } from '../../protocol/desktop-ipc.ts'
import type { OsNotification } from '../../protocol/ipc.ts'
import type { Platform } from './platform.ts'

export function showNotice(platform: Platform, plain: OsNotification, desktop: DesktopNotice): void {
  const shown = platform.desktop ? platform.desktop().then((host) => host.notice(desktop)) : platform.notify(plain)
  void shown.catch(() => undefined)
}
