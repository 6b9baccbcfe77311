/**
 * The call panel's moderation, in one piece to mount inside "Call in <room>": the Lock room /
 * Unlock room toggle for hosts and the room's owner, the audience's "only speakers talk" line in a
 * stage room, and the notice of a removal. Per-person actions are ModerateMenu, on each tile.
 */
import type { Room as LiveRoom } from 'livekit-client'
import type { Room } from '../../../protocol/floor/records.ts'
import { AUDIENCE_REASON } from '../../services/media/permissions.ts'
import { RoomLockToggle } from './RoomLockToggle.tsx'
import { useModerates } from './useModerates.ts'
import { usePublishPermission } from './usePublishPermission.ts'
import { useRemovalNotice } from './useRemovalNotice.ts'

export function CallModeration({ room, live }: { room: Room | undefined; live: LiveRoom | null }) {
  const moderates = useModerates(room)
  const mayPublish = usePublishPermission(live)
  useRemovalNotice(live, room?.id)
  if (!room) return null
  return (
    <div className="call-moderation">
      {room.kind === 'stage' && !mayPublish && (
        <p className="stage-audience" id="stage-audience-reason">
          {AUDIENCE_REASON}
        </p>
      )}
      {moderates && <RoomLockToggle room={room} />}
    </div>
  )
}
