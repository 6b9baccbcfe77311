/**
 * Where the renderer is allowed to live: the built bundle on `app://bundle`, plus the exact dev
 * server origin while running `electron-vite dev`. Every URL check goes through the URL parser,
 * never `startsWith` (`app://bundle.evil` and `http://localhost:5173@evil` must not pass).
 */
export const APP_SCHEME = 'app'
export const APP_HOST = 'bundle'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

export interface RendererTrust {
  /** ELECTRON_RENDERER_URL in development; null in packaged builds. */
  devUrl: string | null
}

export const packagedTrust: RendererTrust = { devUrl: null }

export function parseUrl(url: string | null | undefined): URL | null {
  if (typeof url !== 'string') return null
  try {
    return new URL(url)
  } catch {
    return null
  }
}

// WHATWG URL gives non-special schemes the opaque origin "null", so compare the parts instead.
export const isAppUrl = (u: URL): boolean =>
  u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === ''

const isDevOrigin = (u: URL, trust: RendererTrust): boolean => {
  const dev = parseUrl(trust.devUrl)
  return dev !== null && (u.protocol === 'http:' || u.protocol === 'https:') && u.origin === dev.origin
}

/** True when `url` (a full URL or a bare origin) belongs to our renderer. */
export function isRendererOrigin(url: string | null | undefined, trust: RendererTrust): boolean {
  const u = parseUrl(url)
  return u !== null && (isAppUrl(u) || isDevOrigin(u, trust))
}
