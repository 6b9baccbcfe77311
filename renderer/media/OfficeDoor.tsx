/**
 * Inside one's own private office: who else may walk in, chosen by its owner without the floor
 * editor (which is the hosts'). The list shown is the floor's, as the server announces it; a
 * choice shows at once and stays until that announcement, or goes back with the refusal.
 */
import { useEffect, useId, useState } from 'react'
import type { Room } from '../../protocol/floor/records.ts'
import { useFloor, useOffice, useSession } from '../app/context.tsx'
import { describeError } from '../ui/errors.ts'

export function OfficeDoor({ room }: { room: Room }) {
  const office = useOffice()
  const workspaceId = useSession((s) => s.workspace?.id ?? '')
  const members = useFloor((s) => s.members)
  const [pending, setPending] = useState<readonly string[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const headingId = useId()
  // The server's word arrived (or someone else changed it): show the floor's list again.
  useEffect(() => setPending(null), [room.allowed])

  const shown = pending ?? room.allowed
  const others = Object.values(members)
    .filter((m) => m.id !== room.ownerId)
    .sort((a, b) => a.name.localeCompare(b.name))
  const choose = async (id: string, on: boolean) => {
    const allowed = on ? [...shown, id] : shown.filter((a) => a !== id)
    setPending(allowed)
    setError(null)
    try {
      await office.api().setAllowed(workspaceId, room.id, allowed)
    } catch (err) {
      setPending(null)
      setError(describeError(err))
    }
  }

  return (
    <details className="office-door">
      <summary>Who may enter</summary>
      <fieldset aria-labelledby={headingId}>
        <legend id={headingId}>Who may enter {room.name}</legend>
        {others.length === 0 && <p className="hint">Nobody else is in the workspace yet.</p>}
        {others.map((m) => (
          <label key={m.id} className="check">
            <input type="checkbox" checked={shown.includes(m.id)} onChange={(e) => void choose(m.id, e.target.checked)} />
            <bdi>{m.name}</bdi>
          </label>
        ))}
      </fieldset>
      {error && <p role="alert">{error}</p>}
    </details>
  )
}
