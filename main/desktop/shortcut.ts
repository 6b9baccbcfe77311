/**
 * The global mute shortcut: an Electron accelerator the member chooses, checked before it reaches
 * globalShortcut (which throws on a malformed one), and a controller that reports a conflict when
 * another application holds the keys. A failed change keeps the previous shortcut working.
 */
import type { ShortcutStatus } from '../../protocol/desktop-ipc.ts'

export const muteShortcutKey = 'desktop:muteShortcut'
export const defaultMuteShortcut = 'CommandOrControl+Shift+M'

const modifiers: Record<string, string> = {
  command: 'Command', cmd: 'Command', control: 'Control', ctrl: 'Control', commandorcontrol: 'CommandOrControl', cmdorctrl: 'CommandOrControl',
  alt: 'Alt', option: 'Alt', altgr: 'AltGr', shift: 'Shift', super: 'Super', meta: 'Super',
}
const named = [
  'Space', 'Tab', 'Backspace', 'Delete', 'Insert', 'Return', 'Enter', 'Up', 'Down', 'Left', 'Right', 'Home', 'End', 'PageUp', 'PageDown', 'Escape', 'Esc', 'Plus',
  'VolumeUp', 'VolumeDown', 'VolumeMute', 'MediaNextTrack', 'MediaPreviousTrack', 'MediaStop', 'MediaPlayPause', 'PrintScreen',
  'num0', 'num1', 'num2', 'num3', 'num4', 'num5', 'num6', 'num7', 'num8', 'num9', 'numdec', 'numadd', 'numsub', 'nummult', 'numdiv',
]
const namedKeys = new Map(named.map((k) => [k.toLowerCase(), k]))
/** Keys a shortcut may use alone: pressing them everywhere types nothing. */
const standalone = /^(F([1-9]|1[0-9]|2[0-4])|Volume\w+|Media\w+)$/

/** The key as Electron spells it, or null for a key it does not know. */
function canonicalKey(key: string): string | null {
  if (/^[a-z0-9]$/i.test(key)) return key.toUpperCase()
  const f = /^f(\d{1,2})$/i.exec(key)
  if (f) return Number(f[1]) >= 1 && Number(f[1]) <= 24 ? `F${Number(f[1])}` : null
  if (/^[-=[\];',./`\\]$/.test(key)) return key
  return namedKeys.get(key.toLowerCase()) ?? null
}

export type AcceleratorResult = { ok: true; accelerator: string } | { ok: false; reason: string }

export function parseAccelerator(input: string): AcceleratorResult {
  const parts = input.trim().split('+')
  // "Ctrl++" means Ctrl and the plus key: an empty last part after a '+' is that key.
  if (parts.length > 1 && parts.at(-1) === '' && parts.at(-2) === '') parts.splice(-2, 2, 'Plus')
  if (input.length > 100 || parts.some((p) => p.trim() === '')) return { ok: false, reason: `"${input}" is not a shortcut` }
  const key = parts.pop()!.trim()
  const mods = parts.map((p) => modifiers[p.trim().toLowerCase()])
  if (mods.some((m) => m === undefined)) return { ok: false, reason: `"${input}": only the last key may be a non-modifier` }
  if (new Set(mods).size !== mods.length) return { ok: false, reason: `"${input}" repeats a modifier` }
  const canonical = canonicalKey(key)
  if (canonical === null) return { ok: false, reason: `"${key}" is not a key Electron knows` }
  if (mods.length === 0 && !standalone.test(canonical)) return { ok: false, reason: `"${input}" needs a modifier such as CommandOrControl or Alt: alone it would catch typing in every app` }
  return { ok: true, accelerator: [...mods, canonical].join('+') }
}

/** globalShortcut, as the controller needs it. `register` is false when another app holds the keys. */
export interface ShortcutRegistry {
  register(accelerator: string, onPress: () => void): boolean
  unregister(accelerator: string): void
}

export interface MuteShortcut {
  status(): ShortcutStatus
  /** A new accelerator (null: none). On failure the previous one stays registered, and the status says why. */
  set(accelerator: string | null): ShortcutStatus
}

export function createMuteShortcut(registry: ShortcutRegistry, onPress: () => void, initial: string | null): MuteShortcut {
  let current: ShortcutStatus = { accelerator: null, registered: false, error: null }
  const set = (input: string | null): ShortcutStatus => {
    const previous = current
    if (input === null) {
      if (previous.registered && previous.accelerator) registry.unregister(previous.accelerator)
      return (current = { accelerator: null, registered: false, error: null })
    }
    const parsed = parseAccelerator(input)
    if (!parsed.ok) return (current = { ...previous, error: parsed.reason })
    if (previous.registered && previous.accelerator === parsed.accelerator) return (current = { ...previous, error: null })
    if (previous.registered && previous.accelerator) registry.unregister(previous.accelerator)
    if (registry.register(parsed.accelerator, onPress)) return (current = { accelerator: parsed.accelerator, registered: true, error: null })
    const error = `${parsed.accelerator} is already used by another application`
    const restored = previous.registered && previous.accelerator !== null && registry.register(previous.accelerator, onPress)
    return (current = restored ? { ...previous, error } : { accelerator: parsed.accelerator, registered: false, error })
  }
  set(initial)
  return { status: () => current, set }
}
