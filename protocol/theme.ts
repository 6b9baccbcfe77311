/**
 * Themes: what the member may choose, and what the host's system asks for. Shared by main (which
 * reads Electron's nativeTheme), the web platform (media queries) and the renderer's theme module.
 * Plain TypeScript on purpose: the renderer imports it at start-up, and typebox would add ~75 kB
 * to that bundle. The IPC schema is in protocol/ipc.ts.
 */

/** A theme the renderer can draw: `data-theme` on <html>, a block of renderer/theme/tokens.css. */
export const systemThemes = ['light', 'dark', 'contrast'] as const
export type SystemTheme = (typeof systemThemes)[number]

/** What a member picks in the status menu; `system` follows the host. */
export const themeChoices = ['system', ...systemThemes] as const
export type ThemeChoice = (typeof themeChoices)[number]

export const isThemeChoice = (value: unknown): value is ThemeChoice => themeChoices.includes(value as ThemeChoice)

/** A system asking for more contrast wins over its dark or light preference. */
export function systemThemeOf(host: { dark: boolean; highContrast: boolean }): SystemTheme {
  if (host.highContrast) return 'contrast'
  return host.dark ? 'dark' : 'light'
}
