/**
 * REDIS_URL for `npm start`: the Redis that the livekit-server it runs shares with other LiveKit
 * nodes (multi-node mode). Only what the bundled config writes is accepted (host and port); a
 * cluster with Redis auth or TLS configures livekit.yaml itself (deploy/livekit.yaml).
 */
export function redisAddress(url: string): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new Error(`REDIS_URL is not a URL: ${JSON.stringify(url)} (expected redis://host:port)`)
  }
  if (parsed.protocol !== 'redis:') throw new Error(`REDIS_URL must start with redis:// (got ${parsed.protocol}//); for TLS or auth, run livekit-server with your own livekit.yaml (deploy/livekit.yaml)`)
  if (parsed.username || parsed.password) throw new Error('REDIS_URL with a user or password: run livekit-server with your own livekit.yaml (deploy/livekit.yaml), which can carry them')
  if (!parsed.hostname) throw new Error(`REDIS_URL names no host: ${JSON.stringify(url)}`)
  return `${parsed.hostname}:${parsed.port || '6379'}`
}
