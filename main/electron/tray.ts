/**
 * The tray icon and its menu (and the dock menu and badge on macOS), rebuilt from
 * desktop/tray-model.ts whenever the renderer reports a change. Clicks become host events
 * (status, mute, back to my desk) or app calls (open, quit). Linux needs setContextMenu again
 * after every change, so the menu is always rebuilt whole.
 */
import { app, Menu, nativeImage, Tray, type MenuItemConstructorOptions } from 'electron'
import type { TrayState } from '../../protocol/desktop-ipc.ts'
import { trayIconPixels } from '../desktop/tray-icon.ts'
import { signedOutTray, trayIcon, trayMenu, type TrayAction, type TrayItem } from '../desktop/tray-model.ts'

export interface TrayDeps {
  onAction(action: TrayAction): void
}

export interface AppTray {
  update(state: TrayState): void
  /** The downloaded update's version (offered as "Restart to update"), or null. */
  setUpdateReady(version: string | null): void
  destroy(): void
}

function toTemplate(items: TrayItem[], onAction: (a: TrayAction) => void): MenuItemConstructorOptions[] {
  return items.map((item) => {
    if (item.type === 'separator') return { type: 'separator' }
    const action = item.action
    return {
      label: item.label,
      type: item.type,
      enabled: item.enabled,
      ...(item.checked === undefined ? {} : { checked: item.checked }),
      ...(item.submenu ? { submenu: toTemplate(item.submenu, onAction) } : {}),
      ...(action ? { click: () => onAction(action) } : {}),
    }
  })
}

function iconImage(state: TrayState): Electron.NativeImage {
  const icon = trayIcon(state)
  const image = nativeImage.createFromBitmap(Buffer.from(trayIconPixels(icon, 16)), { width: 16, height: 16, scaleFactor: 1 })
  image.addRepresentation({ scaleFactor: 2, width: 32, height: 32, buffer: Buffer.from(trayIconPixels(icon, 32)) })
  return image
}

export function createAppTray({ onAction }: TrayDeps): AppTray {
  // Kept referenced for the app's life: a collected Tray disappears from the panel.
  const tray = new Tray(iconImage(signedOutTray))
  tray.on('click', () => onAction({ kind: 'open' }))
  let last = ''
  let current = signedOutTray
  let updateReady: string | null = null
  const render = (): void => {
    const key = JSON.stringify([current, updateReady])
    if (key === last) return
    last = key
    const state = current
    const icon = trayIcon(state)
    tray.setImage(iconImage(state))
    tray.setToolTip(icon.tooltip)
    const menu = trayMenu(state, updateReady)
    tray.setContextMenu(Menu.buildFromTemplate(toTemplate(menu, onAction)))
    if (process.platform === 'darwin') {
      // The dock menu adds to the OS's own (which has Quit and the windows): ours without Quit.
      app.dock?.setMenu(Menu.buildFromTemplate(toTemplate(menu.filter((i) => i.action?.kind !== 'quit'), onAction)))
      app.dock?.setBadge(icon.badge ?? '')
    } else {
      app.setBadgeCount(state.signedIn ? state.unread : 0)
    }
  }
  render()
  return {
    update(state) {
      current = state
      render()
    },
    setUpdateReady(version) {
      updateReady = version
      render()
    },
    destroy: () => tray.destroy(),
  }
}
