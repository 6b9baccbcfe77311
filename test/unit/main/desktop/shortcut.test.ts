import { describe, expect, it } from 'vitest'
import { createMuteShortcut, parseAccelerator, type ShortcutRegistry } from '../../../../main/desktop/shortcut.ts'

/** globalShortcut's behaviour: one holder per accelerator; keys another app holds cannot be taken. */
function registry(takenElsewhere: string[] = []) {
  const held = new Map<string, () => void>()
  const r: ShortcutRegistry & { held: Map<string, () => void> } = {
    held,
    register: (a, fn) => (takenElsewhere.includes(a) || held.has(a) ? false : (held.set(a, fn), true)),
    unregister: (a) => void held.delete(a),
  }
  return r
}

describe('parseAccelerator', () => {
  it.each([
    ['CommandOrControl+Shift+M', 'CommandOrControl+Shift+M'],
    ['ctrl+alt+m', 'Control+Alt+M'],
    ['CmdOrCtrl+F5', 'CommandOrControl+F5'],
    ['Alt+space', 'Alt+Space'],
    ['Ctrl++', 'Control+Plus'],
    ['F9', 'F9'],
    ['MediaPlayPause', 'MediaPlayPause'],
  ])('accepts %s as %s', (input, expected) => expect(parseAccelerator(input)).toEqual({ ok: true, accelerator: expected }))

  it.each([
    ['', 'is not a shortcut'],
    ['Ctrl+', 'is not a shortcut'],
    ['M', 'needs a modifier'],
    ['Shift+Ctrl+Shift+M', 'repeats a modifier'],
    ['Ctrl+M+K', 'only the last key'],
    ['Ctrl+Banana', 'not a key Electron knows'],
    ['Ctrl+F25', 'not a key Electron knows'],
  ])('refuses %j', (input, reason) => {
    const r = parseAccelerator(input)
    expect(r.ok ? 'accepted' : r.reason).toContain(reason)
  })
})

describe('mute shortcut', () => {
  it('registers the initial shortcut, and a press toggles the microphone', () => {
    const reg = registry()
    let presses = 0
    const shortcut = createMuteShortcut(reg, () => presses++, 'CommandOrControl+Shift+M')
    expect(shortcut.status()).toEqual({ accelerator: 'CommandOrControl+Shift+M', registered: true, error: null })
    reg.held.get('CommandOrControl+Shift+M')?.()
    expect(presses).toBe(1)
  })

  it('reports a conflict and keeps the previous shortcut working', () => {
    const reg = registry(['Control+Alt+M'])
    const shortcut = createMuteShortcut(reg, () => {}, 'CommandOrControl+Shift+M')
    expect(shortcut.set('ctrl+alt+m')).toEqual({ accelerator: 'CommandOrControl+Shift+M', registered: true, error: 'Control+Alt+M is already used by another application' })
    expect([...reg.held.keys()]).toEqual(['CommandOrControl+Shift+M'])
  })

  it('reports a conflict at start, with nothing registered', () => {
    expect(createMuteShortcut(registry(['CommandOrControl+Shift+M']), () => {}, 'CommandOrControl+Shift+M').status()).toEqual({
      accelerator: 'CommandOrControl+Shift+M', registered: false, error: 'CommandOrControl+Shift+M is already used by another application',
    })
  })

  it('moves to a new shortcut, releasing the old one', () => {
    const reg = registry()
    const shortcut = createMuteShortcut(reg, () => {}, 'CommandOrControl+Shift+M')
    expect(shortcut.set('Alt+F9')).toMatchObject({ accelerator: 'Alt+F9', registered: true })
    expect([...reg.held.keys()]).toEqual(['Alt+F9'])
  })

  it('refuses an invalid one without touching what is registered', () => {
    const reg = registry()
    const shortcut = createMuteShortcut(reg, () => {}, 'CommandOrControl+Shift+M')
    expect(shortcut.set('M')).toMatchObject({ accelerator: 'CommandOrControl+Shift+M', registered: true, error: expect.stringContaining('needs a modifier') })
  })

  it('turns off with null', () => {
    const reg = registry()
    const shortcut = createMuteShortcut(reg, () => {}, 'CommandOrControl+Shift+M')
    expect(shortcut.set(null)).toEqual({ accelerator: null, registered: false, error: null })
    expect(reg.held.size).toBe(0)
  })
})
