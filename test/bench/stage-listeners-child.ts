/**
 * A share of the stage benchmark's listeners in a process of its own (rtc-node routes every room's
 * events through one process's FFI queue: 100 rooms in one process measure that queue, not
 * LiveKit). Joins its listeners on request, counts those still subscribed and the audible frames
 * of its sampled ones, and leaves, over the fork IPC channel.
 */
import { AudioStream, Room, RoomEvent, TrackKind, type AudioFrame, type RemoteTrack } from '@livekit/rtc-node'

export type ListenersRequest =
  | { type: 'join'; tokens: { url: string; token: string }[]; sampled: number; wave: number; rate: number }
  | { type: 'count' }
  | { type: 'leave' }
export type ListenersReply = { type: 'joined'; joinMs: number[]; retries: number } | { type: 'counted'; subscribed: number; audible: number[] } | { type: 'left' }

interface Listener {
  room: Room
  joinMs: number
  sampled: boolean
  audible: number
}

const listeners: Listener[] = []
const SUBSCRIBE_TIMEOUT_MS = 30_000
const reply = (m: ListenersReply) => process.send!(m)
/** The speaker's tone, not silence or packet-loss concealment. */
const isAudible = (frame: AudioFrame) => frame.data.some((v) => v > 2_000 || v < -2_000)

async function join(url: string, token: string, sampled: boolean, rate: number): Promise<Listener> {
  const room = new Room()
  const listener: Listener = { room, joinMs: NaN, sampled, audible: 0 }
  const start = performance.now()
  const subscribed = new Promise<void>((resolve) => {
    room.on(RoomEvent.TrackSubscribed, (track: RemoteTrack) => {
      if (track.kind !== TrackKind.KIND_AUDIO) return
      listener.joinMs = performance.now() - start
      resolve()
      if (sampled) void (async () => {
        for await (const frame of new AudioStream(track, rate, 1)) if (isAudible(frame)) listener.audible++
      })()
    })
  })
  await room.connect(url, token, { autoSubscribe: true, dynacast: false })
  // A listener never subscribed counts as failed (the count says so) instead of holding up the rest.
  await Promise.race([subscribed, new Promise((resolve) => setTimeout(resolve, SUBSCRIBE_TIMEOUT_MS))])
  return listener
}

/** A join that failed (rtc-node can drop a room whose connect timed out on a busy machine) is tried again, twice. */
async function joinRetrying(url: string, token: string, sampled: boolean, rate: number): Promise<Listener> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await withTimeout(join(url, token, sampled, rate), SUBSCRIBE_TIMEOUT_MS * 2)
    } catch {
      retries++
      // Given up: an unconnected room, counted as not subscribed.
      if (attempt === 3) return { room: new Room(), joinMs: NaN, sampled, audible: 0 }
    }
  }
}

let retries = 0

const withTimeout = <T>(p: Promise<T>, ms: number): Promise<T> =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms))])

// rtc-node 1.1 can throw from a finalizer ("trying to drop an invalid handle") after a connect that
// timed out on a busy machine; that room is already counted, so the others keep listening.
process.on('uncaughtException', (err) => console.error(`listeners: ${err.message}`))

process.on('message', (m: ListenersRequest) => {
  void (async () => {
    if (m.type === 'join') {
      for (let i = 0; i < m.tokens.length; i += m.wave) {
        const wave = m.tokens.slice(i, i + m.wave)
        listeners.push(...(await Promise.all(wave.map((t, j) => joinRetrying(t.url, t.token, i + j < m.sampled, m.rate)))))
      }
      reply({ type: 'joined', joinMs: listeners.map((l) => l.joinMs), retries })
    } else if (m.type === 'count') {
      const subscribed = listeners.filter((l) => l.room.isConnected && [...l.room.remoteParticipants.values()].some((p) => [...p.trackPublications.values()].some((t) => t.subscribed)))
      reply({ type: 'counted', subscribed: subscribed.length, audible: listeners.filter((l) => l.sampled).map((l) => l.audible) })
    } else {
      await Promise.all(listeners.map((l) => l.room.disconnect().catch(() => {})))
      reply({ type: 'left' })
    }
  })()
})
