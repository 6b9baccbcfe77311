/**
 * OS notifications through Electron's Notification; a click focuses the window and tells the
 * renderer which notification it was (Linux shows no action buttons, so the click is the action).
 */
import { Notification, type BrowserWindow } from 'electron'
import type { Notifier } from '../ipc/handlers.ts'

export function createNotifier(window: () => BrowserWindow | null): Notifier {
  // Kept referenced until closed, or the click handler may be collected with the notification.
  const shown = new Set<Notification>()
  return {
    show({ id, title, body, silent }) {
      if (!Notification.isSupported()) return
      const n = new Notification({ title, body, silent })
      shown.add(n)
      n.on('click', () => {
        const win = window()
        if (win && !win.isDestroyed()) {
          if (win.isMinimized()) win.restore()
          win.focus()
          win.webContents.send('notify:clicked', id)
        }
      })
      n.on('close', () => shown.delete(n))
      n.show()
    },
  }
}
