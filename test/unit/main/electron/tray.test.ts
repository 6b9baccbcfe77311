import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { TrayAction } from '../../../../main/desktop/tray-model.ts'

// Tray, Menu and nativeImage need the Electron binary: stand-ins keep what the wiring gives them
// (the menu template, the tooltip, the badge) so the test can click items as a member would.
type Item = { label?: string; type?: string; click?: () => void; submenu?: Item[]; checked?: boolean }
const electron = vi.hoisted(() => ({ menu: [] as Item[], tooltip: '', badge: -1, images: 0 }))
vi.mock('electron', () => {
  class Tray {
    on() {}
    setImage = () => void electron.images++
    setToolTip = (t: string) => void (electron.tooltip = t)
    setContextMenu = (m: Item[]) => void (electron.menu = m)
    destroy() {}
  }
  return {
    Tray,
    Menu: { buildFromTemplate: (t: Item[]) => t },
    nativeImage: { createFromBitmap: () => ({ addRepresentation: () => {} }) },
    app: { setBadgeCount: (n: number) => void (electron.badge = n), dock: undefined },
  }
})
const { createAppTray } = await import('../../../../main/electron/tray.ts')

const state = { signedIn: true, status: 'busy' as const, statusText: '', muted: false, inRoom: true, unread: 4 }
const item = (items: Item[], label: string) => items.find((i) => i.label === label)

let actions: TrayAction[]
beforeEach(() => {
  actions = []
  electron.images = 0
})

describe('the tray wiring', () => {
  it('builds the menu from the model, and its items act', () => {
    const tray = createAppTray({ onAction: (a) => actions.push(a) })
    tray.update(state)
    item(electron.menu, 'Back to my desk')?.click?.()
    item(electron.menu, 'Mute')?.click?.()
    item(item(electron.menu, 'Busy')?.submenu ?? [], 'Do not disturb')?.click?.()
    expect(actions).toEqual([{ kind: 'back-to-desk' }, { kind: 'toggle-mute' }, { kind: 'status', status: 'dnd' }])
    expect(electron.tooltip).toBe('Virtual Office — Busy · in a call · 4 unread')
    expect(electron.badge).toBe(4)
  })

  it('redraws only when something shown changed, and offers the downloaded update', () => {
    const tray = createAppTray({ onAction: (a) => actions.push(a) })
    tray.update(state)
    const drawn = electron.images
    tray.update({ ...state })
    expect(electron.images).toBe(drawn)
    tray.setUpdateReady('2.0.0')
    item(electron.menu, 'Restart to update (2.0.0)')?.click?.()
    expect(actions).toEqual([{ kind: 'restart-to-update' }])
  })
})
