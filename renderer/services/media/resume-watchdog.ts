/**
 * LiveKit's own resume after a network drop (room-options.ts) can still be waiting on a socket the
 * dead network left half-open when the network comes back. Once this machine is online again and
 * the call has not resumed within a few seconds, it is given up and joined afresh (floor-changes.ts),
 * which takes about 1 s and keeps the camera and microphone.
 */
import { ConnectionState, RoomEvent, type Room } from 'livekit-client'

const RESUME_GRACE_MS = 3_000

export function watchResume(room: Room, giveUp: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null
  const resuming = () => room.state === ConnectionState.Reconnecting || room.state === ConnectionState.SignalReconnecting
  const clear = () => {
    if (timer) clearTimeout(timer)
    timer = null
  }
  const check = () => {
    if (timer || !navigator.onLine || !resuming()) return
    timer = setTimeout(() => {
      timer = null
      if (resuming()) giveUp()
    }, RESUME_GRACE_MS)
  }
  room.on(RoomEvent.SignalReconnecting, check)
  room.on(RoomEvent.Reconnecting, check)
  room.on(RoomEvent.Reconnected, clear)
  room.on(RoomEvent.Disconnected, clear)
  window.addEventListener('online', check)
  return () => {
    clear()
    window.removeEventListener('online', check)
  }
}
