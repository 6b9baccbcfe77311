/**
 * The office's Content-Security-Policy, one policy for both ways the client is delivered: the
 * desktop app's `app://bundle` pages (main/policy/csp.ts) and the browser client the server serves
 * (server/http/security-headers.ts). Scripts come only from the bundle; the network reaches only
 * the origins given (the workspace server, LiveKit).
 */

// livekit-client opens the signal WebSocket (ws/wss) and also calls the same host over fetch
// (http/https, e.g. /rtc/validate when a connect fails): both schemes of one origin are allowed.
const pair: Record<string, readonly [string, string]> = {
  'http:': ['http:', 'ws:'],
  'https:': ['https:', 'wss:'],
  'ws:': ['http:', 'ws:'],
  'wss:': ['https:', 'wss:'],
}

/**
 * `scheme://host[:port]` of `url` in both of its schemes (http/ws or https/wss), from the URL
 * parser, never string pasting: a host cannot hold a space or ';', so config cannot inject a
 * directive. Throws, naming `label`, for any other scheme or a URL with credentials.
 */
export function cspOrigins(url: string, allowed: readonly string[], label: string): string[] {
  let u: URL | null = null
  try {
    u = new URL(url)
  } catch {
    // Said below, with the label.
  }
  const schemes = u && allowed.includes(u.protocol) ? pair[u.protocol] : undefined
  if (!u || !schemes || u.username || u.password || !u.host) throw new Error(`${label} must be a ${allowed.map((s) => s.slice(0, -1)).join('/')} URL, got ${JSON.stringify(url)}`)
  return schemes.map((scheme) => `${scheme}//${u.host}`)
}

export const LIVEKIT_SCHEMES = ['ws:', 'wss:', 'http:', 'https:'] as const

/** The policy, with `connect` (origins from cspOrigins) besides 'self'. */
export function officeCsp(connect: readonly string[]): string {
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    // Forms submit through fetch; no form ever posts a page anywhere.
    ['form-action', "'none'"],
    ['frame-ancestors', "'none'"],
    ['connect-src', ...new Set(["'self'", ...connect])],
    // Camera tracks play from MediaStreams; exports are blob: downloads.
    ['media-src', "'self'", 'blob:', 'mediastream:'],
    ['img-src', "'self'", 'data:', 'blob:'],
    // React writes style={...} attributes (avatar positions, room rectangles), which style-src
    // governs. Injected CSS cannot run code and script-src stays strict, so the trade is worth it.
    ['style-src', "'self'", "'unsafe-inline'"],
    ['font-src', "'self'"],
  ]
  return directives.map((d) => d.join(' ')).join('; ')
}
