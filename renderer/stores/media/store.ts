/**
 * Media store: the room call this client is in, its phase, and the tiles to show.
 * Tracks are livekit-client objects held by reference; components attach them to elements.
 *
 * @example
 * const media = createMediaStore()
 * media.getState().setPhase('connecting', 'room_meeting')
 */
import type { Track } from 'livekit-client'
import { createStore } from 'zustand/vanilla'

export type MediaPhase = 'idle' | 'connecting' | 'connected' | 'failed'

export interface Tile {
  identity: string
  name: string
  local: boolean
  video: Track | null
  audio: Track | null
  micMuted: boolean
  speaking: boolean
}

export interface MediaState {
  roomId: string | null
  phase: MediaPhase
  error: string | null
  tiles: Tile[]
  micOn: boolean
  camOn: boolean
  setPhase(phase: MediaPhase, roomId: string | null, error?: string | null): void
  setTiles(tiles: Tile[]): void
  setDevices(patch: Partial<Pick<MediaState, 'micOn' | 'camOn'>>): void
}

export function createMediaStore() {
  return createStore<MediaState>()((set) => ({
    roomId: null,
    phase: 'idle',
    error: null,
    tiles: [],
    micOn: true,
    camOn: true,
    setPhase: (phase, roomId, error = null) => set({ phase, roomId, error, ...(phase === 'idle' ? { tiles: [] } : {}) }),
    setTiles: (tiles) => set({ tiles }),
    setDevices: (patch) => set(patch),
  }))
}
export type MediaStore = ReturnType<typeof createMediaStore>
