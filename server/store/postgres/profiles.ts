/** Profiles and the directory in the PostgreSQL store (tables: migrations/0050-profiles.ts). */
import { merged, tagRows, toProfile, type ProfileRow, type TagRow } from '../profile-rows.ts'
import { profileColumns, searchQuery, type Dialect } from '../profile-search.ts'
import type { ProfileRecord, ProfileStore } from '../profiles-store.ts'
import type { Connection, Sql } from './connection.ts'

/**
 * lower() follows the database's locale, which knows only ASCII under "C" (a common choice, and
 * the tests'): where PostgreSQL has ICU, its root collation lowers every script.
 */
const dialectWith = (icu: boolean): Dialect => ({
  param: (n) => `$${n}`,
  inList: (column, n) => `${column} = any($${n}::text[])`,
  list: (ids) => [...ids],
  lower: (expr) => (icu ? `lower(${expr} collate "und-x-icu")` : `lower(${expr})`),
})
const profileLock = (ws: string, memberId: string) => `profile:${ws}:${memberId}`

export function profileMethods(c: Connection): ProfileStore {
  let icu: Promise<boolean> | null = null
  const isMember = async (s: Sql, ws: string, memberId: string) => !!(await s.one('select 1 from members where workspace_id = $1 and id = $2', [ws, memberId]))
  const tagsOf = (s: Sql, ws: string, ids: readonly string[]) =>
    s.rows<TagRow>('select member_id, kind, tag from profile_tags where workspace_id = $1 and member_id = any($2::text[]) order by kind, position', [ws, [...ids]])
  const read = async (s: Sql, ws: string, memberId: string): Promise<ProfileRecord | null> => {
    if (!(await isMember(s, ws, memberId))) return null
    const row = await s.one<ProfileRow>(`select ${profileColumns} from profiles p where p.workspace_id = $1 and p.member_id = $2`, [ws, memberId])
    return toProfile(memberId, row, await tagsOf(s, ws, [memberId]))
  }

  return {
    getProfile: (ws, memberId) => read(c, ws, memberId),
    async saveProfile(ws, memberId, changes, at) {
      return c.tx(async (tx) => {
        await tx.lock(profileLock(ws, memberId))
        const before = await read(tx, ws, memberId)
        if (!before) return null
        const after = merged(before, changes)
        await tx.run(`insert into profiles (member_id, workspace_id, title, time_zone, about, links, updated_at) values ($1, $2, $3, $4, $5, $6, $7)
          on conflict (member_id) do update set title = excluded.title, time_zone = excluded.time_zone, about = excluded.about, links = excluded.links, updated_at = excluded.updated_at`,
        [memberId, ws, after.title, after.timeZone, after.about, JSON.stringify(after.links), at])
        await tx.run('delete from profile_tags where member_id = $1', [memberId])
        for (const t of tagRows(after)) {
          await tx.run('insert into profile_tags (member_id, workspace_id, kind, tag, tag_key, position) values ($1, $2, $3, $4, $5, $6)', [memberId, ws, t.kind, t.tag, t.key, t.position])
        }
        return read(tx, ws, memberId)
      })
    },
    async searchProfiles(ws, search) {
      icu ??= c.one("select 1 from pg_collation where collname = 'und-x-icu'").then((row) => row !== null)
      const { text, params } = searchQuery(dialectWith(await icu), ws, search)
      const rows = await c.rows<ProfileRow & { member_id: string }>(text, params)
      const tags = await tagsOf(c, ws, rows.map((r) => r.member_id))
      return rows.map((r) => toProfile(r.member_id, r, tags.filter((t) => t.member_id === r.member_id)))
    },
    async profileFacets(ws) {
      const tags = async (kind: string) =>
        (await c.rows<{ tag: string }>('select min(tag) as tag from profile_tags where workspace_id = $1 and kind = $2 group by tag_key order by tag_key', [ws, kind])).map((r) => r.tag)
      const timeZones = (await c.rows<{ time_zone: string }>('select distinct time_zone from profiles where workspace_id = $1 and time_zone is not null order by time_zone', [ws])).map((r) => r.time_zone)
      return { interests: await tags('interest'), skills: await tags('skill'), timeZones }
    },
    async setPhoto(ws, memberId, photo, at) {
      return c.tx(async (tx) => {
        await tx.lock(profileLock(ws, memberId))
        if (!(await isMember(tx, ws, memberId))) return 'no-member' as const
        const replaced = (await tx.one<{ photo_key: string | null }>('select photo_key from profiles where member_id = $1', [memberId]))?.photo_key ?? null
        await tx.run(`insert into profiles (member_id, workspace_id, photo_key, photo_version, updated_at) values ($1, $2, $3, $4, $5)
          on conflict (member_id) do update set photo_key = excluded.photo_key, photo_version = excluded.photo_version, updated_at = excluded.updated_at`,
        [memberId, ws, photo?.key ?? null, photo?.version ?? null, at])
        return { replaced }
      })
    },
    async photoOf(ws, memberId) {
      const r = await c.one<{ photo_key: string; photo_version: string }>('select photo_key, photo_version from profiles where workspace_id = $1 and member_id = $2 and photo_key is not null', [ws, memberId])
      return r ? { key: r.photo_key, version: r.photo_version } : null
    },
    async photoVersions(ws) {
      const rows = await c.rows<{ member_id: string; photo_version: string }>('select member_id, photo_version from profiles where workspace_id = $1 and photo_version is not null', [ws])
      return new Map(rows.map((r) => [r.member_id, r.photo_version]))
    },
  }
}
