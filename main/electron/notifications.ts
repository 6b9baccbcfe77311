/**
 * OS notifications through Electron's Notification. `show` is the renderer's plain notification
 * (a click comes back as `notify:clicked`); `showNotice` is a notice shaped by
 * desktop/notification-model.ts, with action buttons (Admit, Join) and an inline Reply where the
 * OS has them (macOS, Windows), whose click or action comes back as `notify:acted`. Linux shows no
 * buttons, so there the click is the action: the renderer takes the member to the right place.
 */
import { Notification, type BrowserWindow } from 'electron'
import type { HostEvent, HostEventArgs } from '../../protocol/ipc.ts'
import type { OsNotice } from '../desktop/notification-model.ts'
import type { Notifier } from '../ipc/handlers.ts'

export interface AppNotifier extends Notifier {
  showNotice(notice: OsNotice): void
}

export function createNotifier(window: () => BrowserWindow | null): AppNotifier {
  // Kept referenced until closed, or the click handler may be collected with the notification.
  const shown = new Set<Notification>()
  const focusAndSend = <E extends HostEvent>(event: E, ...args: HostEventArgs<E>): void => {
    const win = window()
    if (!win || win.isDestroyed()) return
    if (win.isMinimized()) win.restore()
    win.show()
    win.focus()
    win.webContents.send(event, ...args)
  }
  const keep = (n: Notification): Notification => {
    shown.add(n)
    n.on('close', () => shown.delete(n))
    return n
  }
  return {
    show({ id, title, body, silent }) {
      if (!Notification.isSupported()) return
      const n = keep(new Notification({ title, body, silent }))
      n.on('click', () => focusAndSend('notify:clicked', id))
      n.show()
    },
    showNotice({ id, title, body, silent, buttons, reply }) {
      if (!Notification.isSupported()) return
      const n = keep(
        new Notification({
          title,
          body,
          silent,
          actions: buttons.map((b) => ({ type: 'button' as const, text: b.label })),
          hasReply: reply,
          replyPlaceholder: 'Reply',
        }),
      )
      n.on('click', () => focusAndSend('notify:acted', id, 'open', ''))
      n.on('action', (details) => {
        const button = buttons[details.actionIndex]
        if (button) focusAndSend('notify:acted', id, button.action, '')
      })
      n.on('reply', (details) => focusAndSend('notify:acted', id, 'reply', details.reply.slice(0, 4000)))
      n.show()
    },
  }
}
