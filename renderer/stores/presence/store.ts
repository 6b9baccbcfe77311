/**
 * Presence store: the other members online in the lobby (from LiveKit participants and their
 * checked attributes: status and position only), the server's occupancy, and this member's own
 * avatar. Movement packets update `x`/`y` of one peer at a time. Names come from the member
 * directory (floor store) and rooms from `occupancy` (see selectors.ts), never from a peer.
 *
 * @example
 * const presence = createPresenceStore()
 * presence.getState().upsertPeer({ id, status: 'available', statusText: '', statusUntil: 0, floor, x, y })
 */
import { createStore } from 'zustand/vanilla'
import type { Status } from '../../../protocol/presence.ts'

/** A peer as it declares itself: status and position, already checked (services/peer-input.ts). */
export interface Peer {
  id: string
  status: Status
  statusText: string
  /** Epoch ms when the status ends, or 0. */
  statusUntil: number
  floor: string
  x: number
  y: number
}

/** A peer from the cache's last picture, with the directory name and the server's room of that moment. */
export interface RememberedPeer extends Peer {
  name: string
  /** The room the server said they were in, or ''. */
  room: string
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
  remembered: { at: number; peers: RememberedPeer[] }
  /** When this client saw each member leave the lobby (epoch ms), to say "last seen". */
  lastSeen: Record<string, number>
  /** Who is in which room according to the server (LiveKit's own participant lists). */
  occupancy: Record<string, string[]>
  self: Self
  upsertPeer(peer: Peer): void
  /** Everyone in the lobby at once (a connect or reconnect), replacing the cache's picture in the same step. */
  setPeers(peers: Peer[]): void
  patchPeer(id: string, patch: Partial<Peer>): void
  removePeer(id: string): void
  clearPeers(): void
  setSelf(patch: Partial<Self>): void
  setOccupancy(rooms: Record<string, string[]>): void
  remember(at: number, peers: RememberedPeer[]): void
}

export function createPresenceStore() {
  return createStore<PresenceState>()((set) => ({
    peers: {},
    remembered: { at: 0, peers: [] },
    lastSeen: {},
    occupancy: {},
    self: { x: 0, y: 0, floor: '', room: null, status: 'available', statusText: '', statusUntil: 0, idleAway: null },
    upsertPeer: (peer) => set((s) => ({ peers: { ...s.peers, [peer.id]: peer } })),
    // One set(): nothing observes an empty office in between (no false "just came online").
    setPeers: (peers) => set({ peers: Object.fromEntries(peers.map((p) => [p.id, p])), remembered: { at: 0, peers: [] } }),
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
