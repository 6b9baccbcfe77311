/**
 * Media store: the room call this client is in, its phase, the livekit `Room` the call UI renders,
 * and what the member chose (microphone, camera, screen, Low power, layout). Written only by the
 * media rooms service (renderer/services/media/*) and the call UI's own layout choices; livekit
 * objects are held by reference and change only when the call changes room.
 *
 * @example
 * const media = createMediaStore()
 * media.getState().setPhase('connecting', 'room_meeting')
 */
import type { LocalAudioTrack, LocalVideoTrack, Room } from 'livekit-client'
import { createStore } from 'zustand/vanilla'

/**
 * idle: in no call. connecting: joining `roomId`. connected: in its call. reconnecting: LiveKit
 * lost the connection and is resuming it (RoomEvent.Reconnecting), or the call is being joined
 * afresh after a drop. failed: could not join (`error` says why).
 */
export type MediaPhase = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'failed'

/** A short-lived notice for the call panel: 'reconnected' after a reconnect (cleared after a few seconds). */
export type MediaNotice = 'reconnected' | null

/** The device kinds a member can choose (MediaDeviceKind). */
export type MediaKind = 'audioinput' | 'videoinput' | 'audiooutput'

export interface MediaState {
  roomId: string | null
  phase: MediaPhase
  /** 'lost:<roomId>' (dropped, being rejoined), 'removed:<roomId>' (shown out by the server), or a join error. */
  error: string | null
  notice: MediaNotice
  /**
   * The livekit Room whose call is shown and heard: give it to components-react's `RoomContext`.
   * Changes once per room switch (at the moment the next room takes over); never re-created on
   * renders. Null when in no call. Only this room's audio may be rendered.
   */
  room: Room | null
  /** The member's own camera and microphone tracks, kept across rooms (null before first use). */
  localAudio: LocalAudioTrack | null
  localVideo: LocalVideoTrack | null
  /** The deviceId each kind uses now ('' = the system default); changes when a device is switched. */
  activeDevices: Record<MediaKind, string>
  micOn: boolean
  /** micOn went off because a host muted the microphone, not by the member's choice (not learned per room kind). */
  micMutedByHost: boolean
  camOn: boolean
  screenOn: boolean
  /** Low power: video only for the active speaker (and a pinned person or a screen share). */
  lowPower: boolean
  /** Call UI layout: the focus view ("Expand call") instead of the strip beside the floor. */
  expanded: boolean
  /** The pinned participant identity (focus view), or null to follow the active speaker. */
  pinned: string | null
  setPhase(phase: MediaPhase, roomId: string | null, error?: string | null): void
  setNotice(notice: MediaNotice): void
  setRoom(room: Room | null): void
  setLocal(patch: Partial<Pick<MediaState, 'localAudio' | 'localVideo'>>): void
  setActiveDevice(kind: MediaKind, deviceId: string): void
  /** The member's choices; the media rooms service applies micOn/camOn/screenOn/lowPower, call UI sets expanded/pinned. */
  setDevices(patch: Partial<Pick<MediaState, 'micOn' | 'camOn' | 'screenOn' | 'lowPower'>>): void
  /** A host muted the microphone in the call: the member's state follows, as not their own choice. */
  mutedByHost(): void
  setLayout(patch: Partial<Pick<MediaState, 'expanded' | 'pinned'>>): void
}

export function createMediaStore() {
  return createStore<MediaState>()((set) => ({
    roomId: null,
    phase: 'idle',
    error: null,
    notice: null,
    room: null,
    localAudio: null,
    localVideo: null,
    activeDevices: { audioinput: '', videoinput: '', audiooutput: '' },
    micOn: true,
    micMutedByHost: false,
    camOn: true,
    screenOn: false,
    lowPower: false,
    expanded: false,
    pinned: null,
    setPhase: (phase, roomId, error = null) =>
      set({ phase, roomId, error, ...(phase === 'idle' ? { room: null, pinned: null, expanded: false } : {}) }),
    setNotice: (notice) => set({ notice }),
    setRoom: (room) => set({ room }),
    setLocal: (patch) => set(patch),
    setActiveDevice: (kind, deviceId) => set((s) => ({ activeDevices: { ...s.activeDevices, [kind]: deviceId } })),
    setDevices: (patch) => set(patch.micOn === undefined ? patch : { ...patch, micMutedByHost: false }),
    mutedByHost: () => set({ micOn: false, micMutedByHost: true }),
    setLayout: (patch) => set(patch),
  }))
}
export type MediaStore = ReturnType<typeof createMediaStore>
