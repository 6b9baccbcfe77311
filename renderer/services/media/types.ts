/**
 * The media rooms API: what the floor (walking), the call UI and the devices work call to enter
 * rooms and drive the member's camera, microphone and screen. State lives in the media store
 * (renderer/stores/media/store.ts); this is the only code that talks to livekit-client for calls.
 */
import type { MediaKind } from '../../stores/media/store.ts'

/** A network drop shorter than this is resumed (or the call re-joined) by itself. */
export const REJOIN_WINDOW_MS = 60_000

export interface GoOptions {
  /** performance.now() of the click or key that asked for the room (entry timings start there). */
  startedAt?: number
  /** Joined at someone else's request (a meet or wave): the entry policy starts it muted. */
  requested?: boolean
}

/** What the member's microphone and camera should be on entering a room; undefined keeps the current state. */
export interface EntryDefaults {
  mic?: boolean
  camera?: boolean
}

/**
 * Decides mic/camera on entering a room (per-kind defaults, the member's own choice per kind,
 * "requested" starts muted). Synchronous: entering never waits on it. Set by the devices work.
 */
export type EntryPolicy = (ctx: { roomId: string; requested: boolean }) => EntryDefaults | undefined

/** Times of one room entry, ms from the click (performance.now() based); absent = not reached. */
export interface EntryTiming {
  roomId: string
  /** Token in hand (0 when it was prefetched). */
  token: number
  /** Signal connection joined (RoomEvent.SignalConnected). */
  signal: number
  /** ICE + DTLS done: RoomEvent.Connected. */
  connected: number
  /** First remote video / audio track subscribed. */
  subscribed?: number
  /** First remote video packet (the track's unmute), first decoded frame presented, first audio packet. */
  firstPacket?: number
  firstFrame?: number
  firstAudio?: number
}

export interface MediaRoomEvents {
  /** A device in use ended (unplugged, or taken by the OS): the devices work falls back and says so. */
  'device-lost': (kind: MediaKind, deviceId: string) => void
  /** An entry's timings, once its first frame (or 10 s) has passed. */
  entry: (timing: EntryTiming) => void
}

export interface MediaRooms {
  /**
   * Gets ready to enter (the avatar approaches a door, or the pointer rests on a room): joins it as
   * a hidden preview, so that entering is one server call (or, refused a preview, fetches a token).
   * An approach on the way into another room (clicked, or the one the member is in) prepares nothing.
   */
  prefetch(roomId: string, by?: 'approach'): void
  /**
   * Enters `roomId` (make-before-break from the room it is in), or leaves every room with null.
   * Transitions are queued in order. A number is taken as `startedAt` (older callers).
   */
  go(roomId: string | null, opts?: GoOptions | number): Promise<void>
  /** Mute/unmute: never re-acquires the microphone. */
  setMic(on: boolean): Promise<void>
  /** Off stops the camera (its light goes off); on acquires it once through the Platform. */
  setCamera(on: boolean): Promise<void>
  /** Input kinds re-acquire that device once; audiooutput switches the speaker of the call. '' = system default. */
  setDevice(kind: MediaKind, deviceId: string): Promise<void>
  /** Noise suppression / echo cancellation of the microphone (re-acquires it only if the browser needs to). */
  setAudioProcessing(opts: { noiseSuppression: boolean; echoCancellation: boolean }): Promise<void>
  /** Acquires the microphone without joining, for the Settings level meter (kept for the calls). */
  ensureLocal(): Promise<void>
  /** Share screen through platform.media.getDisplayMedia; ends by itself when the browser's share stops. */
  startScreenShare(): Promise<void>
  stopScreenShare(): Promise<void>
  /** Low power: video only for the active speaker (and a pinned person / screen share). */
  setLowPower(on: boolean): void
  setEntryPolicy(policy: EntryPolicy | null): void
  on<E extends keyof MediaRoomEvents>(event: E, listener: MediaRoomEvents[E]): () => void
  dispose(): Promise<void>
}
