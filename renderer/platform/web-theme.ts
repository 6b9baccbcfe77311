/**
 * The OS theme in a browser: the colour-scheme and contrast media queries, which follow the OS
 * (forced colours on Windows, "increase contrast" on macOS count as high contrast).
 */
import { systemThemeOf, type SystemTheme } from '../../protocol/theme.ts'

const queries = {
  dark: '(prefers-color-scheme: dark)',
  forced: '(forced-colors: active)',
  more: '(prefers-contrast: more)',
}

export function webSystemTheme(): SystemTheme {
  const matches = (q: string) => window.matchMedia(q).matches
  return systemThemeOf({ dark: matches(queries.dark), highContrast: matches(queries.forced) || matches(queries.more) })
}

/** Calls `changed` with the new theme whenever one of the queries flips. */
export function watchWebTheme(changed: (theme: SystemTheme) => void): () => void {
  let last = webSystemTheme()
  const onChange = () => {
    const now = webSystemTheme()
    if (now === last) return
    last = now
    changed(now)
  }
  const lists = Object.values(queries).map((q) => window.matchMedia(q))
  for (const list of lists) list.addEventListener('change', onChange)
  return () => lists.forEach((list) => list.removeEventListener('change', onChange))
}
