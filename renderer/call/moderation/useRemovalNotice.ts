/**
 * Says why when a host or the room's owner removed this member from the call: LiveKit only says
 * "removed" (a floor change shows people out the same way), so the server's door is asked, and its
 * refusal ("Hana removed you from Lounge; you can come back in 5 minutes") becomes the notice.
 */
import { DisconnectReason, RoomEvent, type Room } from 'livekit-client'
import { useEffect } from 'react'
import { useComposition, useOffice, useSession } from '../../app/context.tsx'
import { ApiError } from '../../services/api.ts'

export function useRemovalNotice(live: Room | null, roomId: string | undefined): void {
  const office = useOffice()
  const { notices } = useComposition().stores
  const workspaceId = useSession((s) => s.workspace?.id)
  useEffect(() => {
    if (!live || !roomId || !workspaceId) return
    const onDisconnected = (reason?: DisconnectReason) => {
      if (reason !== DisconnectReason.PARTICIPANT_REMOVED) return
      office
        .api()
        .roomDoor(workspaceId, roomId, 'token')
        .catch((err: unknown) => {
          if (err instanceof ApiError && err.body.reason === 'removed') notices.getState().push(err.body.message)
        })
    }
    live.on(RoomEvent.Disconnected, onDisconnected)
    return () => void live.off(RoomEvent.Disconnected, onDisconnected)
  }, [live, roomId, workspaceId, office, notices])
}
