/**
 * The tray (and macOS dock) menu as a pure function of what the renderer last reported: the
 * current status with a submenu to change it, Mute/Unmute, Back to my desk, Open and Quit; and
 * the icon's state (status colour, unread badge). main/electron/tray.ts only turns this into a
 * Menu, so every label and enabled flag is decided (and tested) here.
 */
import { statuses, type Status } from '../../protocol/presence.ts'
import type { TrayState } from '../../protocol/desktop-ipc.ts'

/** What a menu item does when clicked; the wiring maps each to a host event or an app call. */
export type TrayAction =
  | { kind: 'status'; status: Status }
  | { kind: 'toggle-mute' }
  | { kind: 'back-to-desk' }
  | { kind: 'open' }
  | { kind: 'restart-to-update' }
  | { kind: 'quit' }

export interface TrayItem {
  label: string
  type: 'normal' | 'separator' | 'radio' | 'submenu'
  enabled: boolean
  checked?: boolean
  action?: TrayAction
  submenu?: TrayItem[]
}

export const statusLabels: Record<Status, string> = { available: 'Available', busy: 'Busy', away: 'Away', dnd: 'Do not disturb' }

/** Before the renderer has said anything (or after sign-out): nothing but Open and Quit make sense. */
export const signedOutTray: TrayState = { signedIn: false, status: 'available', statusText: '', muted: false, inRoom: false, unread: 0 }

const item = (label: string, action: TrayAction, enabled = true): TrayItem => ({ label, type: 'normal', enabled, action })
const separator: TrayItem = { label: '', type: 'separator', enabled: true }

/** The badge text: nothing at 0, the count up to 99, then "99+" (a tray icon has room for three glyphs). */
export const unreadBadge = (unread: number): string | null => (unread <= 0 ? null : unread > 99 ? '99+' : String(Math.floor(unread)))

export function statusLine(state: TrayState): string {
  const text = state.statusText.trim()
  return text ? `${statusLabels[state.status]} — ${text}` : statusLabels[state.status]
}

/** `updateReady`: the version downloaded and waiting to install, offered as a restart. */
export function trayMenu(state: TrayState, updateReady: string | null = null): TrayItem[] {
  const update = updateReady === null ? [] : [item(`Restart to update (${updateReady})`, { kind: 'restart-to-update' }), separator]
  if (!state.signedIn) return [...update, item('Open Virtual Office', { kind: 'open' }), separator, item('Quit', { kind: 'quit' })]
  const choices: TrayItem[] = statuses.map((s) => ({ label: statusLabels[s], type: 'radio', enabled: true, checked: s === state.status, action: { kind: 'status', status: s } }))
  return [
    ...update,
    { label: statusLine(state), type: 'submenu', enabled: true, submenu: choices },
    separator,
    // Mute is the microphone choice, kept also outside a call (it applies on the next join).
    item(state.muted ? 'Unmute' : 'Mute', { kind: 'toggle-mute' }),
    item('Back to my desk', { kind: 'back-to-desk' }),
    separator,
    item('Open Virtual Office', { kind: 'open' }),
    item('Quit', { kind: 'quit' }),
  ]
}

export interface TrayIconState {
  status: Status | 'signed-out'
  badge: string | null
  tooltip: string
}

export function trayIcon(state: TrayState): TrayIconState {
  if (!state.signedIn) return { status: 'signed-out', badge: null, tooltip: 'Virtual Office — signed out' }
  const badge = unreadBadge(state.unread)
  const parts = [statusLine(state), state.inRoom ? (state.muted ? 'in a call, muted' : 'in a call') : null, badge ? `${badge} unread` : null]
  return { status: state.status, badge, tooltip: `Virtual Office — ${parts.filter(Boolean).join(' · ')}` }
}
