/** Whether someone in the call may publish now (the local member when `identity` is omitted), kept current. */
import type { Room } from 'livekit-client'
import { useEffect, useState } from 'react'
import { canPublish, onPublishPermission } from '../../services/media/permissions.ts'

const readPermission = (room: Room | null, identity?: string) =>
  room ? canPublish(identity === undefined ? room.localParticipant : room.getParticipantByIdentity(identity)) : true

export function usePublishPermission(room: Room | null, identity?: string): boolean {
  const [may, setMay] = useState(() => readPermission(room, identity))
  useEffect(() => {
    setMay(readPermission(room, identity))
    if (!room) return
    const mine = identity ?? room.localParticipant.identity
    return onPublishPermission(room, (who, allowed) => who === mine && setMay(allowed))
  }, [room, identity])
  return may
}
