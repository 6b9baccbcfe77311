/**
 * Presence store: the other members online in the lobby (from LiveKit participants and their
 * attributes), and this member's own avatar. Movement packets update `x`/`y` of one peer at a time.
 *
 * @example
 * const presence = createPresenceStore()
 * presence.getState().upsertPeer({ id, name, status: 'available', room: '', desk, floor, x, y })
 */
import { createStore } from 'zustand/vanilla'
import type { Status } from '../../../protocol/presence.ts'

export interface Peer {
  id: string
  name: string
  status: Status
  statusText: string
  /** Epoch ms when the status ends, or 0. */
  statusUntil: number
  floor: string
  desk: string
  /** The room they are in, or '' when outside every room. */
  room: string
  x: number
  y: number
}

export interface Self {
  x: number
  y: number
  floor: string
  room: string | null
  status: Status
  statusText: string
  statusUntil: number
  /** Set while `status` is 'away' only because the machine went idle; activity restores `status`. */
  idleAway: { previous: Status } | null
}

export interface PresenceState {
  peers: Record<string, Peer>
  /**
   * Who was where when the app last saw the office (from the cache), shown marked as such from the
   * moment it opens until the lobby answers; emptied by the first live picture.
   */
  remembered: { at: number; peers: Peer[] }
  /** When this client saw each member leave the lobby (epoch ms), to say "last seen". */
  lastSeen: Record<string, number>
  /** Who is in which room according to the server (LiveKit's own participant lists). */
  occupancy: Record<string, string[]>
  self: Self
  upsertPeer(peer: Peer): void
  patchPeer(id: string, patch: Partial<Peer>): void
  removePeer(id: string): void
  clearPeers(): void
  setSelf(patch: Partial<Self>): void
  setOccupancy(rooms: Record<string, string[]>): void
  remember(at: number, peers: Peer[]): void
}

export function createPresenceStore() {
  return createStore<PresenceState>()((set) => ({
    peers: {},
    remembered: { at: 0, peers: [] },
    lastSeen: {},
    occupancy: {},
    self: { x: 0, y: 0, floor: '', room: null, status: 'available', statusText: '', statusUntil: 0, idleAway: null },
    upsertPeer: (peer) => set((s) => ({ peers: { ...s.peers, [peer.id]: peer } })),
    patchPeer: (id, patch) =>
      set((s) => {
        const peer = s.peers[id]
        return peer ? { peers: { ...s.peers, [id]: { ...peer, ...patch } } } : s
      }),
    removePeer: (id) =>
      set((s) => {
        if (!(id in s.peers)) return s
        const { [id]: _gone, ...peers } = s.peers
        return { peers, lastSeen: { ...s.lastSeen, [id]: Date.now() } }
      }),
    clearPeers: () => set({ peers: {}, occupancy: {} }),
    setSelf: (patch) => set((s) => ({ self: { ...s.self, ...patch } })),
    setOccupancy: (occupancy) => set({ occupancy }),
    remember: (at, peers) => set({ remembered: { at, peers } }),
  }))
}
export type PresenceStore = ReturnType<typeof createPresenceStore>
