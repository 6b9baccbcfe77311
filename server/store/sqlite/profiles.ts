/** Profiles and the directory in the SQLite store (tables: migrations/0090-profiles.ts). */
import { merged, tagRows, toProfile, type ProfileRow, type TagRow } from '../profile-rows.ts'
import { profileColumns, searchQuery, UNICODE_LOWER, type Dialect } from '../profile-search.ts'
import type { ProfileRecord, ProfileStore } from '../profiles-store.ts'
import type { Connection } from './connection.ts'

// Named (@p1), bound from an object: one word's parameter is used three times.
const dialect: Dialect = { param: (n) => `@p${n}`, inList: (column, n) => `${column} in (select value from json_each(@p${n}))`, list: (ids) => JSON.stringify(ids), lower: (expr) => `${UNICODE_LOWER}(${expr})` }

export function profileMethods(c: Connection): ProfileStore {
  const { sql, write } = c
  const isMember = (ws: string, memberId: string) => !!sql('select 1 from members where workspace_id = ? and id = ?').get(ws, memberId)
  const tagsOf = (ws: string, ids: readonly string[]) =>
    sql('select member_id, kind, tag from profile_tags where workspace_id = ? and member_id in (select value from json_each(?)) order by kind, position')
      .all(ws, JSON.stringify(ids)) as TagRow[]
  const read = (ws: string, memberId: string): ProfileRecord | null => {
    if (!isMember(ws, memberId)) return null
    const row = sql(`select ${profileColumns} from profiles p where p.workspace_id = ? and p.member_id = ?`).get(ws, memberId) as ProfileRow | undefined
    return toProfile(memberId, row, tagsOf(ws, [memberId]))
  }

  return {
    async getProfile(ws, memberId) {
      return read(ws, memberId)
    },
    async saveProfile(ws, memberId, changes, at) {
      return write(() => {
        const before = read(ws, memberId)
        if (!before) return null
        const after = merged(before, changes)
        sql(`insert into profiles (member_id, workspace_id, title, time_zone, about, links, updated_at) values (?, ?, ?, ?, ?, ?, ?)
          on conflict (member_id) do update set title = excluded.title, time_zone = excluded.time_zone, about = excluded.about, links = excluded.links, updated_at = excluded.updated_at`)
          .run(memberId, ws, after.title, after.timeZone, after.about, JSON.stringify(after.links), at)
        sql('delete from profile_tags where member_id = ?').run(memberId)
        for (const t of tagRows(after)) {
          sql('insert into profile_tags (member_id, workspace_id, kind, tag, tag_key, position) values (?, ?, ?, ?, ?, ?)').run(memberId, ws, t.kind, t.tag, t.key, t.position)
        }
        return read(ws, memberId)
      })
    },
    async searchProfiles(ws, search) {
      const { text, params } = searchQuery(dialect, ws, search)
      const rows = sql(text).all(Object.fromEntries(params.map((v, i) => [`p${i + 1}`, v]))) as (ProfileRow & { member_id: string })[]
      const tags = tagsOf(ws, rows.map((r) => r.member_id))
      return rows.map((r) => toProfile(r.member_id, r, tags.filter((t) => t.member_id === r.member_id)))
    },
    async profileFacets(ws) {
      const tags = (kind: string) => sql(`select min(tag) from profile_tags where workspace_id = ? and kind = ? group by tag_key order by tag_key`).pluck().all(ws, kind) as string[]
      const timeZones = sql('select distinct time_zone from profiles where workspace_id = ? and time_zone is not null order by time_zone').pluck().all(ws) as string[]
      return { interests: tags('interest'), skills: tags('skill'), timeZones }
    },
    async setPhoto(ws, memberId, photo, at) {
      return write(() => {
        if (!isMember(ws, memberId)) return 'no-member' as const
        const replaced = (sql('select photo_key from profiles where member_id = ?').pluck().get(memberId) as string | null | undefined) ?? null
        sql(`insert into profiles (member_id, workspace_id, photo_key, photo_version, updated_at) values (?, ?, ?, ?, ?)
          on conflict (member_id) do update set photo_key = excluded.photo_key, photo_version = excluded.photo_version, updated_at = excluded.updated_at`)
          .run(memberId, ws, photo?.key ?? null, photo?.version ?? null, at)
        return { replaced }
      })
    },
    async photoOf(ws, memberId) {
      const r = sql('select photo_key, photo_version from profiles where workspace_id = ? and member_id = ? and photo_key is not null').get(ws, memberId) as
        | { photo_key: string; photo_version: string }
        | undefined
      return r ? { key: r.photo_key, version: r.photo_version } : null
    },
    async photoVersions(ws) {
      const rows = sql('select member_id, photo_version from profiles where workspace_id = ? and photo_version is not null').all(ws) as { member_id: string; photo_version: string }[]
      return new Map(rows.map((r) => [r.member_id, r.photo_version]))
    },
  }
}
