/** A company's page: who is in it, its area of the floor (walk there), and who to reach about it. */
import { useEffect, useMemo, useState } from 'react'
import { useOffice } from '../app/context.tsx'
import type { CompanyPage } from '../../protocol/profiles.ts'
import { failure, useProfilesApi } from './context.ts'
import { usePhotoUrls } from './photos.ts'
import { byMember, PersonRow } from './PersonRow.tsx'

interface Props {
  id: string
  now: number
  onPerson(id: string): void
}

export function CompanyView({ id, now, onPerson }: Props) {
  const api = useProfilesApi()
  const office = useOffice()
  const [page, setPage] = useState<CompanyPage | null>(null)
  const [error, setError] = useState<string | null>(null)
  const photos = usePhotoUrls(useMemo(() => byMember(page?.people ?? []), [page]))
  useEffect(() => {
    let live = true
    api.company(id).then((p) => live && setPage(p), (err: unknown) => live && setError(failure(err)))
    return () => void (live = false)
  }, [api, id])
  if (error) return <p role="alert" className="form-error">{error}</p>
  if (!page) return <p role="status">Loading the company…</p>
  const admins = page.people.filter((p) => page.admins.includes(p.memberId))
  return (
    <article className="directory-company" aria-label={`Company ${page.name}`}>
      <h3>{page.name}</h3>
      <section aria-label="How to reach them">
        <h4>How to reach them</h4>
        {admins.length ? (
          <p>
            Ask {admins.map((a, i) => (
              <span key={a.memberId}>
                {i > 0 && ', '}
                <button type="button" className="link" onClick={() => onPerson(a.memberId)}><bdi>{a.name}</bdi></button>
              </span>
            ))}
            , its {admins.length > 1 ? 'admins' : 'admin'}, or anyone below.
          </p>
        ) : (
          <p>Message anyone below.</p>
        )}
      </section>
      <section aria-label="Their area">
        <h4>Their area</h4>
        {page.area.length === 0 ? (
          <p className="where">No rooms or desks are tagged with this company yet.</p>
        ) : (
          <ul className="directory-area">
            {page.area.flatMap((a) => a.rooms.map((r) => (
              <li key={r.id}>
                <button type="button" onClick={() => office.walking.goToRoom(r.id)}>Go to {r.name}</button>
                {page.area.length > 1 && <span className="where"> ({a.floorName})</span>}
              </li>
            )))}
            {page.area.map((a) => (a.desks.length ? <li key={`${a.floorId}-desks`} className="where">{a.desks.length} desk{a.desks.length > 1 ? 's' : ''} on {a.floorName}</li> : null))}
          </ul>
        )}
      </section>
      <section aria-label="People">
        <h4>People ({page.people.length})</h4>
        <ul className="directory-people">
          {page.people.map((p) => <PersonRow key={p.memberId} person={p} photo={photos[p.memberId]} now={now} onOpen={onPerson} />)}
        </ul>
      </section>
    </article>
  )
}
