/** globalShortcut as desktop/shortcut.ts's registry: `register` reports false when another app holds the keys. */
import { globalShortcut } from 'electron'
import type { ShortcutRegistry } from '../desktop/shortcut.ts'

export const globalShortcutRegistry: ShortcutRegistry = {
  register(accelerator, onPress) {
    try {
      return globalShortcut.register(accelerator, onPress)
    } catch {
      // A malformed accelerator throws; desktop/shortcut.ts checks first, so this is belt and braces.
      return false
    }
  },
  unregister: (accelerator) => globalShortcut.unregister(accelerator),
}
