/**
 * The directory's query, written once for both stores: they differ only in how a parameter is
 * written (`?` or `$n`) and how a list of ids is passed (SQLite's json_each, PostgreSQL's array).
 */
import { notLeaving } from './rows.ts'
import { likeWords, tagKey } from './profile-rows.ts'
import type { ProfileSearch } from './profiles-store.ts'

export interface Dialect {
  /** The placeholder for the n-th parameter (1-based). */
  param(n: number): string
  /** `column` is one of the ids in the list bound at parameter n. */
  inList(column: string, n: number): string
  /** The list of ids as that parameter's value. */
  list(ids: readonly string[]): unknown
  /**
   * `expr` in lower case, beyond ASCII too: the words searched for are lowered in JavaScript, and
   * SQLite's own lower() knows only ASCII ("Élodie" was found on PostgreSQL, never on SQLite).
   */
  lower(expr: string): string
}

/** The SQLite function the store registers for lower() beyond ASCII. */
export const UNICODE_LOWER = 'unicode_lower'

export const profileColumns = 'p.title, p.time_zone, p.about, p.links, p.photo_version'

export function searchQuery(d: Dialect, workspaceId: string, s: ProfileSearch): { text: string; params: unknown[] } {
  const params: unknown[] = []
  const bind = (v: unknown) => (params.push(v), d.param(params.length))
  const where = [`m.workspace_id = ${bind(workspaceId)}`, `m.role <> 'guest'`, notLeaving]
  for (const word of likeWords(s.q)) {
    const w = bind(word)
    where.push(`(${d.lower('a.name')} like ${w} escape '\\' or ${d.lower("coalesce(p.title, '')")} like ${w} escape '\\' or ${d.lower("coalesce(p.about, '')")} like ${w} escape '\\')`)
  }
  for (const [kind, tag] of [['interest', s.interest], ['skill', s.skill]] as const) {
    if (tag) where.push(`exists (select 1 from profile_tags t where t.member_id = m.id and t.kind = '${kind}' and t.tag_key = ${bind(tagKey(tag.trim()))})`)
  }
  if (s.timeZone) where.push(`p.time_zone = ${bind(s.timeZone)}`)
  if (s.memberIds) {
    params.push(d.list(s.memberIds))
    where.push(d.inList('m.id', params.length))
  }
  const text = `select m.id as member_id, ${profileColumns} from members m join accounts a on a.id = m.account_id
    left join profiles p on p.member_id = m.id where ${where.join(' and ')} order by ${d.lower('a.name')}, m.id limit ${bind(s.limit)}`
  return { text, params }
}
