/**
 * The Content-Security-Policy sent with every page served from `app://bundle`: the office's policy
 * (protocol/csp.ts), whose network is the workspace server and the LiveKit server.
 */
import { cspOrigins, LIVEKIT_SCHEMES, officeCsp } from '../../protocol/csp.ts'

export interface CspOrigins {
  /** The workspace server, http(s). */
  serverUrl: string
  /** The LiveKit server, ws(s) or http(s); both forms are allowed since livekit-client also uses fetch. */
  livekitUrl: string
}

export function buildCsp({ serverUrl, livekitUrl }: CspOrigins): string {
  // The workspace server speaks plain HTTP (JSON, polling for ops): its http(s) origin only.
  const server = cspOrigins(serverUrl, ['http:', 'https:'], 'server URL').slice(0, 1)
  return officeCsp([...server, ...cspOrigins(livekitUrl, LIVEKIT_SCHEMES, 'LiveKit URL')])
}
