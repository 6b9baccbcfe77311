/**
 * Lock room / Unlock room, for hosts and the room's owner inside it: those inside stay, newcomers
 * knock. The button follows the floor (the server announces the edit), not the click.
 */
import { Lock, LockOpen } from 'lucide-react'
import { useState } from 'react'
import type { Room } from '../../../protocol/floor/records.ts'
import { useOffice, useSession } from '../../app/context.tsx'
import { describeError } from '../../ui/errors.ts'

export function RoomLockToggle({ room }: { room: Room }) {
  const office = useOffice()
  const workspaceId = useSession((s) => s.workspace?.id ?? '')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const toggle = async () => {
    setBusy(true)
    setError(null)
    try {
      await office.api().setLocked(workspaceId, room.id, !room.locked)
    } catch (err) {
      setError(describeError(err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <>
      <button type="button" className="room-lock" disabled={busy} onClick={() => void toggle()}>
        {room.locked ? <LockOpen size={16} aria-hidden="true" /> : <Lock size={16} aria-hidden="true" />}
        {room.locked ? 'Unlock room' : 'Lock room'}
      </button>
      {error && <p role="alert">{error}</p>}
    </>
  )
}
