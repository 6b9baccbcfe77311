/** One person in a list of the directory: photo or initials, name, title, company and local time. */
import type { Profile } from '../../protocol/profiles.ts'
import { initials } from '../floor/labels.ts'
import { localTime } from './local-time.ts'

export function PersonRow({ person, photo, now, onOpen }: { person: Profile; photo: string | undefined; now: number; onOpen(id: string): void }) {
  const time = localTime(person.timeZone, now)
  const detail = [person.title, person.company?.name, time && `${time} local time`].filter(Boolean).join(' · ')
  return (
    <li>
      <button type="button" className="directory-person" onClick={() => onOpen(person.memberId)} aria-label={detail ? `${person.name}, ${detail}` : person.name}>
        <span className="directory-photo" style={{ background: person.colour }} aria-hidden="true">
          {photo ? <img src={photo} alt="" /> : initials(person.name)}
        </span>
        <span className="directory-who">
          <bdi className="directory-name">{person.name}</bdi>
          {detail && <span className="where">{detail}</span>}
        </span>
      </button>
    </li>
  )
}

/** Profiles by member id, as usePhotoUrls takes them. */
export const byMember = (people: readonly Profile[]): Record<string, Profile> => Object.fromEntries(people.map((p) => [p.memberId, p]))
