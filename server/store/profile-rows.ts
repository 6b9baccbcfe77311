/** Rows of the profile tables as both stores read them, and the search's shared pieces. */
import type { ProfileFields, ProfileRecord } from './profiles-store.ts'

export interface ProfileRow {
  member_id: string
  title: string | null
  time_zone: string | null
  about: string | null
  links: string | null
  photo_version: string | null
}

export interface TagRow {
  member_id: string
  kind: 'interest' | 'skill'
  tag: string
}

export const tagKey = (tag: string): string => tag.toLowerCase()

/** `like` patterns for the words of `q`: each must appear somewhere (its %, _ and \ taken literally). */
export function likeWords(q: string | undefined): string[] {
  return (q ?? '')
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 8)
    .map((w) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
}

export function toProfile(memberId: string, row: ProfileRow | undefined, tags: readonly TagRow[]): ProfileRecord {
  const of = (kind: TagRow['kind']) => tags.filter((t) => t.kind === kind).map((t) => t.tag)
  return {
    memberId,
    title: row?.title ?? '',
    timeZone: row?.time_zone ?? null,
    about: row?.about ?? '',
    interests: of('interest'),
    skills: of('skill'),
    links: row?.links ? (JSON.parse(row.links) as string[]) : [],
    photoVersion: row?.photo_version ?? null,
  }
}

/** The profile after `changes`: what is not changed stays. */
export const merged = (before: ProfileRecord, changes: Partial<ProfileFields>): ProfileFields => ({
  title: changes.title ?? before.title,
  timeZone: changes.timeZone === undefined ? before.timeZone : changes.timeZone,
  about: changes.about ?? before.about,
  interests: changes.interests ?? before.interests,
  skills: changes.skills ?? before.skills,
  links: changes.links ?? before.links,
})

/** Tag rows to write, first spelling of a key winning. */
export function tagRows(fields: ProfileFields): { kind: TagRow['kind']; tag: string; key: string; position: number }[] {
  const out: { kind: TagRow['kind']; tag: string; key: string; position: number }[] = []
  for (const [kind, tags] of [['interest', fields.interests], ['skill', fields.skills]] as const) {
    const seen = new Set<string>()
    for (const tag of tags) {
      const key = tagKey(tag)
      if (seen.has(key)) continue
      seen.add(key)
      out.push({ kind, tag, key, position: seen.size })
    }
  }
  return out
}
