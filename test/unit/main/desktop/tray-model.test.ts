import { describe, expect, it } from 'vitest'
import type { TrayState } from '../../../../protocol/desktop-ipc.ts'
import { signedOutTray, trayIcon, trayMenu, unreadBadge, type TrayItem } from '../../../../main/desktop/tray-model.ts'

const at = (s: Partial<TrayState> = {}): TrayState => ({ signedIn: true, status: 'available', statusText: '', muted: false, inRoom: false, unread: 0, ...s })
const labels = (items: TrayItem[]) => items.filter((i) => i.type !== 'separator').map((i) => i.label)
const find = (items: TrayItem[], label: string) => items.find((i) => i.label === label)

describe('tray menu', () => {
  it('shows the status, Mute, Back to my desk, Open and Quit when signed in', () => {
    expect(labels(trayMenu(at()))).toEqual(['Available', 'Mute', 'Back to my desk', 'Open Virtual Office', 'Quit'])
  })

  it('names the status with its text, and offers every status with the current one checked', () => {
    const [status] = trayMenu(at({ status: 'busy', statusText: '  Writing the report ' }))
    expect(status?.label).toBe('Busy — Writing the report')
    expect(status?.submenu?.map((i) => [i.label, i.checked])).toEqual([['Available', false], ['Busy', true], ['Away', false], ['Do not disturb', false]])
    expect(status?.submenu?.[3]?.action).toEqual({ kind: 'status', status: 'dnd' })
  })

  it('says Unmute while muted, and each item carries its action', () => {
    const menu = trayMenu(at({ muted: true, inRoom: true }))
    expect(find(menu, 'Unmute')?.action).toEqual({ kind: 'toggle-mute' })
    expect(find(menu, 'Back to my desk')?.action).toEqual({ kind: 'back-to-desk' })
    expect(find(menu, 'Quit')?.action).toEqual({ kind: 'quit' })
  })

  it('offers a restart first once an update is downloaded', () => {
    const [first] = trayMenu(at(), '1.4.0')
    expect(first).toMatchObject({ label: 'Restart to update (1.4.0)', action: { kind: 'restart-to-update' } })
    expect(labels(trayMenu(signedOutTray, '1.4.0'))).toEqual(['Restart to update (1.4.0)', 'Open Virtual Office', 'Quit'])
  })

  it('offers only Open and Quit when nobody is signed in', () => {
    expect(labels(trayMenu(signedOutTray))).toEqual(['Open Virtual Office', 'Quit'])
  })
})

describe('tray icon', () => {
  it('carries the status and no badge without unread messages', () => {
    expect(trayIcon(at({ status: 'dnd' }))).toMatchObject({ status: 'dnd', badge: null })
  })

  it('badges the unread count, capped at 99+', () => {
    expect([0, 1, 42, 99, 100, 5000].map(unreadBadge)).toEqual([null, '1', '42', '99', '99+', '99+'])
    expect(trayIcon(at({ unread: 3 })).badge).toBe('3')
  })

  it('says in its tooltip where the member is and what waits', () => {
    expect(trayIcon(at({ status: 'busy', inRoom: true, muted: true, unread: 2 })).tooltip).toBe('Virtual Office — Busy · in a call, muted · 2 unread')
    expect(trayIcon(signedOutTray)).toEqual({ status: 'signed-out', badge: null, tooltip: 'Virtual Office — signed out' })
  })
})
