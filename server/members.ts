/** Member records as the API shows them: desk from the floor plan, email only to the member and hosts, a removal under way only to hosts. */
import type { Member, Role } from '../protocol/api.ts'
import type { Floor } from '../protocol/floor/records.ts'
import { photoPath } from '../protocol/profiles.ts'
import { atLeast } from '../protocol/rules.ts'
import { deskOf } from './floor/edits.ts'
import type { MemberRecord } from './store/store.ts'

/** What other parts know of a member: their company and their photo's version. */
export interface MemberExtras {
  companyOf?: ReadonlyMap<string, { companyId: string }>
  photoVersions?: ReadonlyMap<string, string>
}

export function toMember(m: MemberRecord, floors: readonly Floor[], viewer: { id: string; role: Role }, extras: MemberExtras = {}): Member {
  const photo = extras.photoVersions?.get(m.id)
  const showEmail = viewer.id === m.id || atLeast(viewer.role, 'host')
  return {
    id: m.id,
    workspaceId: m.workspaceId,
    name: m.name,
    ...(showEmail ? { email: m.email } : {}),
    role: m.role,
    colour: m.colour,
    deskId: deskOf(floors, m.id),
    lastSeenAt: m.lastSeenAt,
    ...(m.removingSince != null && atLeast(viewer.role, 'host') ? { removingSince: m.removingSince } : {}),
    companyId: extras.companyOf?.get(m.id)?.companyId ?? null,
    photoUrl: photo ? photoPath(m.workspaceId, m.id, photo) : null,
  }
}

const palette = ['#d9480f', '#1971c2', '#2b8a3e', '#ae3ec9', '#e8590c', '#0c8599', '#c2255c', '#5f3dc4', '#5c940d', '#1864ab']

/** A stable avatar colour from the email, so a new member does not look like everyone else. */
export function colourFor(seed: string): string {
  let h = 0
  for (const ch of seed) h = (h * 31 + ch.charCodeAt(0)) >>> 0
  return palette[h % palette.length]!
}
