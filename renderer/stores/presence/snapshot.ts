/**
 * The picture of who is where that goes to the cache (protocol/ipc.ts PresenceSnapshot), so the
 * next start can show it before the lobby answers. Built only from checked parts: peers as
 * peer-input.ts read them (bounded status text, whole coordinates within the largest floor), names
 * from the directory and rooms from the server's occupancy. So every entry fits the snapshot's
 * schema, and no peer can make main refuse the whole picture for everyone.
 */
import type { Member } from '../../../protocol/api.ts'
import type { PresenceSnapshot } from '../../../protocol/ipc.ts'
import { displayName, roomsByMember } from './selectors.ts'
import type { PresenceState } from './store.ts'

export function presenceSnapshot(s: Pick<PresenceState, 'peers' | 'occupancy'>, members: Readonly<Record<string, Member>>, savedAt: number): PresenceSnapshot {
  const rooms = roomsByMember(s.occupancy)
  return {
    savedAt,
    peers: Object.values(s.peers).map((p) => ({
      id: p.id,
      name: displayName(members, p.id),
      status: p.status,
      statusText: p.statusText,
      floor: p.floor,
      desk: '',
      room: rooms.get(p.id) ?? '',
      x: p.x,
      y: p.y,
    })),
  }
}
