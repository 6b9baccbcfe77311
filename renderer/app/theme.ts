/**
 * The theme: the member's choice (System, Light, Dark, High contrast), remembered per member
 * through the Platform's settings (main's settings table on the desktop, localStorage in a
 * browser), resolved against the OS theme and written to <html data-theme> for tokens.css.
 *
 * @example
 * const theme = createTheme(platform, stores.session)
 * await theme.choose('dark')
 */
import { isThemeChoice, type SystemTheme, type ThemeChoice } from '../../protocol/theme.ts'
import type { Platform } from '../platform/platform.ts'
import type { SessionStore } from '../stores/session/store.ts'

export interface Theme {
  choice(): ThemeChoice
  /** What is drawn now: the choice, or the OS theme when the choice is `system`. */
  resolved(): SystemTheme
  choose(choice: ThemeChoice): Promise<void>
  subscribe(listener: () => void): () => void
}

const settingKey = (memberId: string) => `theme:${memberId}`

export function createTheme(platform: Platform, session: SessionStore, root: HTMLElement = document.documentElement): Theme {
  let choice: ThemeChoice = 'system'
  let system: SystemTheme | null = null
  const listeners = new Set<() => void>()
  const resolved = (): SystemTheme => (choice === 'system' ? (system ?? 'light') : choice)
  const apply = () => {
    // Until the OS answers, no attribute: tokens.css follows prefers-color-scheme on its own.
    if (choice !== 'system' || system) root.dataset.theme = resolved()
    listeners.forEach((l) => l())
  }
  const set = (next: ThemeChoice) => {
    choice = next
    apply()
  }

  platform.on('theme:changed', (theme) => {
    system = theme
    apply()
  })
  void platform.systemTheme().then(
    (theme) => {
      system ??= theme
      apply()
    },
    () => {},
  )

  // Each member's own choice comes back when they sign in; the next person starts from System.
  let member: string | null = null
  const follow = (id: string | null) => {
    if (id === member) return
    member = id
    if (!id) return set('system')
    void platform.settings.get(settingKey(id)).then(
      (saved) => {
        if (member === id) set(isThemeChoice(saved) ? saved : 'system')
      },
      () => {},
    )
  }
  follow(session.getState().me?.id ?? null)
  session.subscribe((s) => follow(s.me?.id ?? null))

  return {
    choice: () => choice,
    resolved,
    async choose(next) {
      set(next)
      // Signed out there is no member to remember it for; it still applies to this window.
      if (member) await platform.settings.set(settingKey(member), next === 'system' ? null : next)
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
