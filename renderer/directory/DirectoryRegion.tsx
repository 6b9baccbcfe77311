/**
 * The region named **Directory** (loaded on demand): search people and companies, filter by
 * company, interest, skill and time zone, open someone's profile or a company's page, and edit
 * your own profile. Guests have no directory (the server refuses them; the mount shows them nothing).
 */
import { X } from 'lucide-react'
import { useEffect, useMemo, useState } from 'react'
import { useComposition, useOffice, useSession } from '../app/context.tsx'
import type { DirectoryQuery, Profile } from '../../protocol/profiles.ts'
import { CompanyView } from './CompanyView.tsx'
import { ProfilesApiContext, useNewProfilesApi } from './context.ts'
import { EditProfile } from './EditProfile.tsx'
import { Filters } from './Filters.tsx'
import { useMinute } from './local-time.ts'
import { usePhotoUrls } from './photos.ts'
import { byMember, PersonRow } from './PersonRow.tsx'
import { ProfileView } from './ProfileView.tsx'
import type { DirectoryView } from './show.ts'
import { useDirectory } from './useDirectory.ts'
import './directory.css'

export function DirectoryRegion({ view, onView, onClose }: { view: DirectoryView; onView(v: DirectoryView): void; onClose(): void }) {
  const api = useNewProfilesApi()
  return (
    <section className="directory" role="region" aria-label="Directory">
      {api ? (
        <ProfilesApiContext.Provider value={api}>
          <DirectoryBody view={view} onView={onView} onClose={onClose} />
        </ProfilesApiContext.Provider>
      ) : (
        <p role="status">Loading the directory…</p>
      )}
    </section>
  )
}

function DirectoryBody({ view, onView, onClose }: { view: DirectoryView; onView(v: DirectoryView): void; onClose(): void }) {
  const meId = useSession((s) => s.me?.id ?? null)
  const now = useMinute()
  const [query, setQuery] = useState<DirectoryQuery>({})
  const [editing, setEditing] = useState(false)
  const [fresh, setFresh] = useState<Profile | null>(null)
  const [refresh, setRefresh] = useState(0)
  const { directory, error } = useDirectory(query, refresh)
  const people = useMemo(() => byMember(directory?.people ?? []), [directory])
  const photos = usePhotoUrls(people)
  useEffect(() => setFresh(null), [view])
  useMembersCatchUp(directory?.people)
  const filter = (key: keyof DirectoryQuery, value: string) => {
    setQuery((q) => {
      const next = { ...q }
      if (value) next[key] = value
      else delete next[key]
      return next
    })
    onView({ kind: 'search' })
  }
  const open = (kind: 'person' | 'company') => (id: string) => onView({ kind, id })

  return (
    <>
      <div className="directory-head">
        <h2>Directory</h2>
        {meId && (
          <button type="button" onClick={() => setEditing(true)}>
            Edit profile
          </button>
        )}
        <button type="button" aria-label="Hide directory" onClick={onClose}>
          <X size={14} aria-hidden="true" />
        </button>
      </div>
      <input
        type="search"
        className="directory-search"
        aria-label="Search people and companies"
        placeholder="Search people and companies"
        maxLength={100}
        value={query.q ?? ''}
        onChange={(e) => filter('q', e.target.value)}
      />
      <Filters query={query} facets={directory?.facets} onChange={filter} />
      {view.kind !== 'search' && (
        <button type="button" className="link directory-back" onClick={() => onView({ kind: 'search' })}>
          ← Back to results
        </button>
      )}
      <div className="directory-main">
        {view.kind === 'person' ? (
          <ProfileView id={view.id} now={now} isMe={view.id === meId} fresh={fresh} onCompany={open('company')} onTag={filter} onEdit={() => setEditing(true)} />
        ) : view.kind === 'company' ? (
          <CompanyView id={view.id} now={now} onPerson={open('person')} />
        ) : (
          <>
            {error && <p role="alert" className="form-error">{error}</p>}
            {directory && directory.companies.length > 0 && (
              <section aria-label="Companies">
                <h3>Companies</h3>
                <ul className="directory-companies">
                  {directory.companies.map((c) => (
                    <li key={c.id}>
                      <button type="button" onClick={() => onView({ kind: 'company', id: c.id })}>
                        {c.name} <span className="where">{c.members === 1 ? '1 person' : `${c.members} people`}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              </section>
            )}
            {directory && (
              <section aria-label="People">
                <h3>People</h3>
                {directory.people.length === 0 ? (
                  <p className="where">Nobody matches.</p>
                ) : (
                  <ul className="directory-people">
                    {directory.people.map((p) => <PersonRow key={p.memberId} person={p} photo={photos[p.memberId]} now={now} onOpen={open('person')} />)}
                  </ul>
                )}
              </section>
            )}
          </>
        )}
      </div>
      {editing && meId && (
        <EditProfile
          meId={meId}
          onSaved={(p) => {
            setFresh(p)
            setRefresh((n) => n + 1)
            onView({ kind: 'person', id: p.memberId })
          }}
          onClose={() => setEditing(false)}
        />
      )}
    </>
  )
}

/**
 * Someone changed their photo since the member list was fetched (the floor draws avatars from it):
 * the directory's newer word fetches the list again, once per answer that shows a difference.
 */
function useMembersCatchUp(people: readonly Profile[] | undefined) {
  const office = useOffice()
  const { stores } = useComposition()
  useEffect(() => {
    const { members } = stores.floor.getState()
    // Only once the member list carries photos at all (an older server's does not).
    if (!people || !Object.values(members).some((m) => 'photoUrl' in m)) return
    const stale = people.some((p) => members[p.memberId] && ((members[p.memberId] as { photoUrl?: string | null }).photoUrl ?? null) !== p.photoUrl)
    const ws = stores.session.getState().workspace?.id
    if (stale && ws) void office.api().members(ws).then((m) => stores.floor.getState().setMembers(m), () => undefined)
  }, [people, office, stores])
}
