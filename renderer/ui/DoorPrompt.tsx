/** Stopped at a locked room or a private office: offer to knock, and show the knock while it waits. */
import { useFloor, useOffice, useSocial } from '../app/context.tsx'
import { useCompanyName } from '../companies/companies-store.ts'
import { currentFloor } from '../stores/floor/selectors.ts'

export function DoorPrompt() {
  const office = useOffice()
  const door = useSocial((s) => s.door)
  const knock = useSocial((s) => s.knock)
  const roomId = knock?.roomId ?? door?.roomId
  const room = useFloor((s) => currentFloor(s)?.rooms.find((r) => r.id === roomId))
  const company = useCompanyName(room?.companyOnly ? room.companyId : null)
  if (!room) return null
  // A company-only room refuses as a private office does (issue 13), but says whose it is.
  const what = door?.reason !== 'private' ? 'locked' : room.kind !== 'private' && company ? `for ${company} only` : 'a private office'
  return (
    <section className="door" aria-label={`Door of ${room.name}`}>
      {knock?.state === 'waiting' ? (
        <p role="status">
          Knocking on <bdi>{room.name}</bdi>… waiting for someone to let you in.
        </p>
      ) : (
        <>
          <p>
            <bdi>{room.name}</bdi> is {what}.
          </p>
          <button type="button" onClick={() => void office.social.knock(room.id)}>
            Knock
          </button>
        </>
      )}
    </section>
  )
}
