/** Stopped at a locked room or a private office: offer to knock, and show the knock while it waits. */
import { useFloor, useOffice, useSocial } from '../app/context.tsx'
import { currentFloor } from '../stores/floor/selectors.ts'

export function DoorPrompt() {
  const office = useOffice()
  const door = useSocial((s) => s.door)
  const knock = useSocial((s) => s.knock)
  const roomId = knock?.roomId ?? door?.roomId
  const room = useFloor((s) => currentFloor(s)?.rooms.find((r) => r.id === roomId))
  if (!room) return null
  return (
    <section className="door" aria-label={`Door of ${room.name}`}>
      {knock?.state === 'waiting' ? (
        <p role="status">
          Knocking on <bdi>{room.name}</bdi>… waiting for someone to let you in.
        </p>
      ) : (
        <>
          <p>
            <bdi>{room.name}</bdi> is {door?.reason === 'private' ? 'a private office' : 'locked'}.
          </p>
          <button type="button" onClick={() => void office.social.knock(room.id)}>
            Knock
          </button>
        </>
      )}
    </section>
  )
}
