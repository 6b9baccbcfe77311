/**
 * The Content-Security-Policy sent with every page served from `app://bundle`. Scripts come only
 * from the bundle; the network is limited to the workspace server and the LiveKit server.
 *
 * `style-src` allows 'unsafe-inline' because React writes `style={...}` attributes (avatar
 * positions, room rectangles) and inline style attributes are governed by style-src. Injected CSS
 * cannot run code, and script-src stays strict, so the trade is worth it.
 */
import { parseUrl } from './renderer-origin.ts'

export interface CspOrigins {
  /** The workspace server, http(s). */
  serverUrl: string
  /** The LiveKit server, ws(s) or http(s); both forms are allowed since livekit-client also uses fetch. */
  livekitUrl: string
}

const pair: Record<string, [string, string]> = {
  'http:': ['http:', 'ws:'],
  'https:': ['https:', 'wss:'],
  'ws:': ['http:', 'ws:'],
  'wss:': ['https:', 'wss:'],
}

// Origins come from the URL parser, so no space or ';' from config can inject a directive.
function originsOf(url: string, allowed: readonly string[], label: string): string[] {
  const u = parseUrl(url)
  const schemes = u && allowed.includes(u.protocol) ? pair[u.protocol] : undefined
  if (!u || !schemes || u.username || u.password) throw new Error(`${label} must be a ${allowed.join('/')} URL, got ${url}`)
  return schemes.map((scheme) => `${scheme}//${u.host}`)
}

export function buildCsp({ serverUrl, livekitUrl }: CspOrigins): string {
  // The workspace server speaks plain HTTP (JSON, polling for ops): its http(s) origin only.
  const server = originsOf(serverUrl, ['http:', 'https:'], 'server URL').slice(0, 1)
  const livekit = originsOf(livekitUrl, ['ws:', 'wss:', 'http:', 'https:'], 'LiveKit URL')
  const connect = [...new Set(["'self'", ...server, ...livekit])]
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
    ['frame-ancestors', "'none'"],
    ['connect-src', ...connect],
    ['media-src', "'self'", 'blob:', 'mediastream:'],
    ['img-src', "'self'", 'data:', 'blob:'],
    ['style-src', "'self'", "'unsafe-inline'"],
  ]
  return directives.map((d) => d.join(' ')).join('; ')
}
