/** Connect options shared by the lobby and media rooms. */
import type { RoomConnectOptions } from 'livekit-client'

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]'])

/**
 * An SFU on this machine needs no STUN: with no ICE servers the client never looks up or contacts
 * an outside address, which is what a closed network (and our tests) require. Anywhere else the
 * ICE servers come from the LiveKit server as usual.
 */
export function connectOptions(url: string): RoomConnectOptions {
  const host = new URL(url).hostname
  return LOOPBACK.has(host) || LOOPBACK.has(`[${host}]`) ? { rtcConfig: { iceServers: [] } } : {}
}
