/**
 * A host's (or the room owner's) menu for one person in the call: Mute microphone, Bring on stage /
 * Take off stage (stage rooms), Remove from room. Closed by default behind "Moderate <name>", so
 * that its buttons never stand beside the member's own "Mute microphone". The server decides and
 * LiveKit applies; what the others see comes back through LiveKit's events, not from here.
 */
import type { Room as LiveRoom } from 'livekit-client'
import { useId, useState } from 'react'
import type { Room } from '../../../protocol/floor/records.ts'
import { useOffice, useSession } from '../../app/context.tsx'
import { describeError } from '../../ui/errors.ts'
import { usePublishPermission } from './usePublishPermission.ts'
import './moderation.css'

export interface ModerateMenuProps {
  /** The room of the call, as the floor has it. */
  room: Room
  /** The person this menu acts on. */
  member: { id: string; name: string }
  /** The call's livekit room, to show whether they are on stage now. */
  live: LiveRoom | null
}

export function ModerateMenu({ room, member, live }: ModerateMenuProps) {
  const office = useOffice()
  const workspaceId = useSession((s) => s.workspace?.id ?? '')
  const onStage = usePublishPermission(live, member.id)
  const [open, setOpen] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const menuId = useId()

  const act = async (what: () => Promise<unknown>) => {
    setBusy(true)
    setError(null)
    try {
      await what()
      setOpen(false)
    } catch (err) {
      setError(describeError(err))
    } finally {
      setBusy(false)
    }
  }
  const api = () => office.api()

  return (
    <div className="moderate">
      <button type="button" className="moderate-toggle" aria-expanded={open} aria-controls={menuId} onClick={() => setOpen(!open)}>
        Moderate <bdi>{member.name}</bdi>
      </button>
      {open && (
        <div id={menuId} role="group" aria-label={`Moderate ${member.name}`} className="moderate-menu">
          <button type="button" disabled={busy} onClick={() => void act(() => api().muteMember(workspaceId, room.id, member.id))}>
            Mute microphone
          </button>
          {room.kind === 'stage' && (
            <button type="button" disabled={busy} onClick={() => void act(() => api().setSpeaker(workspaceId, room.id, member.id, !onStage))}>
              {onStage ? 'Take off stage' : 'Bring on stage'}
            </button>
          )}
          <button type="button" className="moderate-remove" disabled={busy} onClick={() => void act(() => api().removeFromRoom(workspaceId, room.id, member.id))}>
            Remove from room
          </button>
        </div>
      )}
      {error && <p role="alert">{error}</p>}
    </div>
  )
}
