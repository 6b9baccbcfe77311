/** One person's profile in the Directory: who they are, their local time, and what you can do about them. */
import { useEffect, useMemo, useState } from 'react'
import type { Profile } from '../../protocol/profiles.ts'
import { initials } from '../floor/labels.ts'
import { failure, useProfilesApi } from './context.ts'
import { localTime } from './local-time.ts'
import { PersonActions } from './PersonActions.tsx'
import { usePhotoUrls } from './photos.ts'

interface Props {
  id: string
  now: number
  isMe: boolean
  /** A newer copy (yours, just saved) to show instead of fetching. */
  fresh: Profile | null
  onCompany(id: string): void
  onTag(kind: 'interest' | 'skill', tag: string): void
  onEdit(): void
}

export function ProfileView({ id, now, isMe, fresh, onCompany, onTag, onEdit }: Props) {
  const api = useProfilesApi()
  const [profile, setProfile] = useState<Profile | null>(fresh?.memberId === id ? fresh : null)
  const [error, setError] = useState<string | null>(null)
  const photo = usePhotoUrls(useMemo(() => (profile ? { [profile.memberId]: profile } : {}), [profile]))[id]
  useEffect(() => {
    let live = true
    if (fresh?.memberId === id) setProfile(fresh)
    else api.profile(id).then((p) => live && setProfile(p), (err: unknown) => live && setError(failure(err)))
    return () => void (live = false)
  }, [api, id, fresh])
  if (error) return <p role="alert" className="form-error">{error}</p>
  if (!profile) return <p role="status">Loading the profile…</p>
  const time = localTime(profile.timeZone, now)
  return (
    <article className="directory-profile" aria-label={`Profile of ${profile.name}`}>
      <header>
        <span className="directory-photo directory-photo-large" style={{ background: profile.colour }} aria-hidden="true">
          {photo ? <img src={photo} alt="" /> : initials(profile.name)}
        </span>
        <div>
          <h3><bdi>{profile.name}</bdi></h3>
          {profile.title && <p>{profile.title}</p>}
          {profile.company && (
            <button type="button" className="link" onClick={() => onCompany(profile.company!.id)}>
              {profile.company.name}
              {profile.companyAdmin ? ' (company admin)' : ''}
            </button>
          )}
          {time && <p className="where">{time} local time ({profile.timeZone})</p>}
        </div>
      </header>
      {isMe ? (
        <button type="button" onClick={onEdit}>
          Edit profile
        </button>
      ) : (
        <PersonActions id={profile.memberId} name={profile.name} deskId={profile.deskId} />
      )}
      {profile.about && <p className="directory-about">{profile.about}</p>}
      {(['interest', 'skill'] as const).map((kind) => {
        const tags = kind === 'interest' ? profile.interests : profile.skills
        return tags.length ? (
          <section key={kind} aria-label={kind === 'interest' ? 'Interests' : 'Skills'}>
            <h4>{kind === 'interest' ? 'Interests' : 'Skills'}</h4>
            <ul className="directory-tags">
              {tags.map((t) => (
                <li key={t}>
                  <button type="button" onClick={() => onTag(kind, t)} title={`Everyone with ${t}`}>{t}</button>
                </li>
              ))}
            </ul>
          </section>
        ) : null
      })}
      {profile.links.length > 0 && (
        <ul className="directory-links" aria-label="Links">
          {profile.links.map((l) => (
            <li key={l}>
              <a href={l} target="_blank" rel="noopener noreferrer">{l}</a>
            </li>
          ))}
        </ul>
      )}
    </article>
  )
}
