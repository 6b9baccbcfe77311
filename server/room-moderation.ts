/**
 * Who moderates a room and who speaks in it. Hosts and a room's owner moderate (mute, remove, lock,
 * bring on stage); in a stage room only hosts, the room's owner and people brought on stage
 * publish, everyone else listens. The token route and the moderation routes share these rules.
 */
import type { FastifyInstance } from 'fastify'
import type { Floor, Room } from '../protocol/floor/records.ts'
import { mayModerate } from '../protocol/rules.ts'
import { notFound } from './http-error.ts'
import type { MemberRecord } from './store/store.ts'

export async function findRoom(app: FastifyInstance, workspaceId: string, roomId: string): Promise<{ floor: Floor; room: Room }> {
  for (const floor of await app.store.listFloors(workspaceId)) {
    const room = floor.rooms.find((r) => r.id === roomId)
    if (room) return { floor, room }
  }
  throw notFound('room')
}

export { mayModerate }

/** Speaks on stage by standing, without being brought on: a host, or the room's owner. */
export const speaksByStanding = (room: Room, member: Pick<MemberRecord, 'id' | 'role'>): boolean => mayModerate(room, member)

/** Whether `member` may publish in `room` now: everyone outside stage rooms; on stage, speakers. */
export async function mayPublish(app: FastifyInstance, room: Room, member: Pick<MemberRecord, 'id' | 'role' | 'workspaceId'>): Promise<boolean> {
  if (room.kind !== 'stage' || speaksByStanding(room, member)) return true
  return app.store.isSpeaker(member.workspaceId, room.id, member.id, app.now())
}

/** "Ana removed you from Stage; you can come back in 5 minutes": what the door says to someone removed. */
export function removalMessage(byName: string, roomName: string, until: number, now: number): string {
  const minutes = Math.max(1, Math.ceil((until - now) / 60_000))
  return `${byName} removed you from ${roomName}; you can come back in ${minutes} minute${minutes === 1 ? '' : 's'}`
}
