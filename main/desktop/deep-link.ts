/**
 * Deep links: `virtualoffice://<host>/<workspace>/room/<room>` and `…/member/<id>`. Anything else
 * is refused with a reason: another scheme, credentials, path traversal, an overlong link, ids that
 * are not ids, a query or fragment, or a host other than the configured server's (a link must not
 * point the app at a server it does not know). The checks run on the raw text and on the parsed
 * URL, because the URL parser silently resolves `..` and percent-encoding.
 */
import type { DeepLink } from '../../protocol/desktop-ipc.ts'

export const DEEP_LINK_SCHEME = 'virtualoffice'
export const MAX_DEEP_LINK = 512

export type DeepLinkResult = { ok: true; link: DeepLink } | { ok: false; reason: string }

const ID = /^[A-Za-z0-9_-]{1,64}$/
const refuse = (reason: string): DeepLinkResult => ({ ok: false, reason })

/** The host part a link must carry: the configured server's `host[:port]`, lower-cased. */
export const serverHost = (serverUrl: string): string => new URL(serverUrl).host.toLowerCase()

export function parseDeepLink(raw: unknown, allowedHost: string): DeepLinkResult {
  if (typeof raw !== 'string') return refuse('not text')
  if (raw.length > MAX_DEEP_LINK) return refuse(`longer than ${MAX_DEEP_LINK} characters`)
  // Control characters and spaces have no place in a link and can hide what follows them.
  if ([...raw].some((c) => c.charCodeAt(0) <= 0x20 || c.charCodeAt(0) === 0x7f || c === '\\')) return refuse('contains control characters, spaces or backslashes')
  if (!raw.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}://`)) return refuse(`not a ${DEEP_LINK_SCHEME}:// link`)
  if (/%2e|%2f|%5c|(^|\/)\.\.?(\/|$)/i.test(raw.slice(DEEP_LINK_SCHEME.length + 3))) return refuse('path traversal')
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return refuse('not a URL')
  }
  const authority = raw.slice(DEEP_LINK_SCHEME.length + 3).split('/')[0] ?? ''
  if (url.username || url.password || authority.includes('@')) return refuse('carries credentials')
  if (url.search || url.hash) return refuse('has a query or fragment')
  if (url.host.toLowerCase() !== allowedHost) return refuse(`host ${JSON.stringify(url.host)} is not this app's server`)
  const parts = url.pathname.split('/').slice(1)
  const [workspaceId, target, id] = parts
  if (parts.length !== 3 || (target !== 'room' && target !== 'member')) return refuse('expected /<workspace>/room/<id> or /<workspace>/member/<id>')
  if (!ID.test(workspaceId ?? '') || !ID.test(id ?? '')) return refuse('bad workspace, room or member id')
  return { ok: true, link: { host: allowedHost, workspaceId: workspaceId!, target, id: id! } }
}

/** The link among a second instance's command line (Windows and Linux pass it as an argument). */
export function linkFromArgv(argv: readonly string[]): string | null {
  return argv.findLast((a) => a.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}:`)) ?? null
}
