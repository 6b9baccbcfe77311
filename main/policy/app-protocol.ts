/**
 * Maps an `app://bundle/...` request to a file inside the built renderer folder, or null. Any
 * `.`/`..` segment (literal or percent-encoded), encoded slash or backslash, empty segment or
 * drive letter is refused outright rather than normalised, so nothing can name a file outside
 * `root`.
 */
import path from 'node:path'
import { APP_ORIGIN } from './renderer-origin.ts'

const forbidden = /[\\/:\0]/

export function resolveAppPath(url: string, root: string): string | null {
  // Read the raw path: the URL parser would already have resolved '..' and '%2e%2e' away.
  if (!url.startsWith(`${APP_ORIGIN}/`)) return null
  const rawPath = url.slice(APP_ORIGIN.length).replace(/[?#].*$/s, '')
  const raw = rawPath === '/' ? ['index.html'] : rawPath.slice(1).split('/')
  const segments: string[] = []
  for (const segment of raw) {
    let name: string
    try {
      name = decodeURIComponent(segment)
    } catch {
      return null
    }
    if (name === '' || name === '.' || name === '..' || forbidden.test(name)) return null
    segments.push(name)
  }
  const base = path.resolve(root)
  const file = path.resolve(base, ...segments)
  return file.startsWith(base + path.sep) ? file : null
}
