/**
 * The Content-Security-Policy sent with every page served from `app://bundle`: the office's policy
 * (protocol/csp.ts), whose network is the workspace server and the LiveKit server.
 */
import { cspOrigins, LIVEKIT_SCHEMES, officeCsp } from '../../protocol/csp.ts'

export interface CspOrigins {
  /** The workspace server, http(s). */
  serverUrl: string
  /**
   * The LiveKit servers, ws(s) or http(s); both forms are allowed since livekit-client also uses
   * fetch: the one the app was launched with, and the one the workspace server reports.
   */
  livekitUrls: readonly string[]
}

export function buildCsp({ serverUrl, livekitUrls }: CspOrigins): string {
  // The workspace server speaks plain HTTP (JSON, polling for ops): its http(s) origin only.
  const server = cspOrigins(serverUrl, ['http:', 'https:'], 'server URL').slice(0, 1)
  return officeCsp([...server, ...livekitUrls.flatMap((url) => cspOrigins(url, LIVEKIT_SCHEMES, 'LiveKit URL'))])
}
