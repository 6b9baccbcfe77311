/**
 * The OS theme from Electron's nativeTheme: read on request, and sent to the renderer as
 * `theme:changed` whenever the OS switches dark mode or high contrast. The mapping is
 * protocol/theme.ts; this file only reads nativeTheme.
 */
import { nativeTheme, type WebContents } from 'electron'
import { systemThemeOf, type SystemTheme } from '../../protocol/theme.ts'

export const nativeSystemTheme = (): SystemTheme =>
  systemThemeOf({ dark: nativeTheme.shouldUseDarkColors, highContrast: nativeTheme.shouldUseHighContrastColors })

export function watchNativeTheme(target: () => WebContents | null): () => void {
  let last = nativeSystemTheme()
  const onUpdated = (): void => {
    const now = nativeSystemTheme()
    // 'updated' also fires for changes that do not alter the theme (e.g. inverted colours).
    if (now === last) return
    last = now
    const contents = target()
    if (contents && !contents.isDestroyed()) contents.send('theme:changed', now)
  }
  nativeTheme.on('updated', onUpdated)
  return () => void nativeTheme.off('updated', onUpdated)
}
