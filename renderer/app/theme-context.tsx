/** React access to the theme module (renderer/app/theme.ts), provided once in main.tsx. */
import { createContext, useContext, useSyncExternalStore } from 'react'
import type { Theme } from './theme.ts'

export const ThemeContext = createContext<Theme | null>(null)

export function useTheme() {
  const theme = useContext(ThemeContext)
  if (!theme) throw new Error('ThemeContext is missing')
  const choice = useSyncExternalStore(theme.subscribe, theme.choice)
  return { choice, choose: theme.choose }
}
