/**
 * The headers sent with the browser client (server/routes/client.ts): a Content-Security-Policy
 * whose scripts come only from this origin and whose network reaches only this server and the
 * LiveKit server, and no framing by any other page (clickjacking a "Join" or "Remove" button).
 *
 * The directives mirror the desktop's (main/policy/csp.ts), which the server may not import
 * (lint: server/ never imports main/). The difference is connect-src: in a browser the API is
 * the page's own origin, so 'self' covers it.
 */

export interface ClientCspOrigins {
  /** Every LiveKit URL the server hands out in tokens, ws(s) or http(s). */
  livekitUrls: readonly string[]
}

// livekit-client opens the signal WebSocket (ws/wss) and also calls the same host over fetch
// (http/https, e.g. /rtc/validate when a connect fails): both schemes of one origin are allowed.
const pair: Record<string, readonly [string, string]> = {
  'http:': ['http:', 'ws:'],
  'https:': ['https:', 'wss:'],
  'ws:': ['http:', 'ws:'],
  'wss:': ['https:', 'wss:'],
}

/** `scheme://host[:port]` for both schemes of a LiveKit URL; the URL parser, never string pasting. */
function livekitOrigins(url: string): string[] {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    throw new Error(`LiveKit URL must be a ws/wss/http/https URL, got ${JSON.stringify(url)}`)
  }
  const schemes = pair[u.protocol]
  // A host cannot hold a space or ';' after parsing, so config cannot inject a directive.
  if (!schemes || u.username || u.password || !u.host) throw new Error(`LiveKit URL must be a ws/wss/http/https URL, got ${JSON.stringify(url)}`)
  return schemes.map((scheme) => `${scheme}//${u.host}`)
}

export function buildClientCsp({ livekitUrls }: ClientCspOrigins): string {
  const connect = [...new Set(["'self'", ...livekitUrls.flatMap(livekitOrigins)])]
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    // The Welcome forms submit through fetch; no form ever posts a page anywhere.
    ['form-action', "'none'"],
    ['frame-ancestors', "'none'"],
    ['connect-src', ...connect],
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

/** All the headers for one served file of the client. */
export function clientSecurityHeaders(origins: ClientCspOrigins): Record<string, string> {
  return {
    'content-security-policy': buildClientCsp(origins),
    // For browsers that predate frame-ancestors; CSP wins where both are understood.
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    // Invite links carry their code in the fragment, which is never sent; send no path either.
    'referrer-policy': 'no-referrer',
  }
}
