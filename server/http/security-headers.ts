/**
 * The headers sent with the browser client (server/routes/client.ts): a Content-Security-Policy
 * whose scripts come only from this origin and whose network reaches only this server and the
 * LiveKit server, and no framing by any other page (clickjacking a "Join" or "Remove" button).
 *
 * The policy is the desktop's (protocol/csp.ts). The difference is connect-src: in a browser the
 * API is the page's own origin, so 'self' covers it.
 */
import { cspOrigins, LIVEKIT_SCHEMES, officeCsp } from '../../protocol/csp.ts'

export interface ClientCspOrigins {
  /** Every LiveKit URL the server hands out in tokens, ws(s) or http(s). */
  livekitUrls: readonly string[]
}

export function buildClientCsp({ livekitUrls }: ClientCspOrigins): string {
  return officeCsp(livekitUrls.flatMap((url) => cspOrigins(url, LIVEKIT_SCHEMES, 'LiveKit URL')))
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
