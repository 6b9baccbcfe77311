/**
 * Where the window may navigate (`will-navigate`, `will-redirect`): within the app bundle, or to
 * the exact dev renderer URL. Everything else, links included, is refused; links open through
 * window-open.ts instead.
 */
import { isAppUrl, parseUrl, packagedTrust, type RendererTrust } from './renderer-origin.ts'

const withoutHash = (u: URL): string => u.href.slice(0, u.href.length - u.hash.length)

export function isAllowedNavigation(url: string, trust: RendererTrust = packagedTrust): boolean {
  const u = parseUrl(url)
  if (u === null) return false
  if (isAppUrl(u)) return true
  const dev = parseUrl(trust.devUrl)
  return dev !== null && withoutHash(u) === withoutHash(dev)
}
