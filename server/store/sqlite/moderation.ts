/** Room bans and stage speakers in the SQLite store (migration 0060). */
import type { Store } from '../store.ts'
import type { Connection } from './connection.ts'

type ModerationMethods = Pick<Store, 'banFromRoom' | 'roomBan' | 'setSpeaker' | 'speakerAway' | 'isSpeaker'>

export function moderationMethods(c: Connection): ModerationMethods {
  const { sql, remembered } = c
  return {
    async banFromRoom(workspaceId, roomId, memberId, until, by) {
      sql(`insert into room_bans (workspace_id, room_id, member_id, until, banned_by) values (?, ?, ?, ?, ?)
        on conflict do update set until = excluded.until, banned_by = excluded.banned_by`).run(workspaceId, roomId, memberId, until, by)
    },
    async roomBan(workspaceId, roomId, memberId, now) {
      // Every room token asks: remembered until the database changes, like admissions.
      const row = remembered(`ban:${workspaceId}:${roomId}:${memberId}`, () =>
        (sql('select until, banned_by from room_bans where workspace_id = ? and room_id = ? and member_id = ?').get(workspaceId, roomId, memberId) as
          | { until: number; banned_by: string }
          | undefined) ?? null,
      )
      return row && row.until > now ? { until: row.until, by: row.banned_by } : null
    },
    async setSpeaker(workspaceId, roomId, memberId, on) {
      if (on) {
        sql(`insert into stage_speakers (workspace_id, room_id, member_id, away_until) values (?, ?, ?, null)
          on conflict do update set away_until = null`).run(workspaceId, roomId, memberId)
      } else {
        sql('delete from stage_speakers where workspace_id = ? and room_id = ? and member_id = ?').run(workspaceId, roomId, memberId)
      }
    },
    async speakerAway(workspaceId, roomId, memberId, until) {
      sql('update stage_speakers set away_until = ? where workspace_id = ? and room_id = ? and member_id = ?').run(until, workspaceId, roomId, memberId)
    },
    async isSpeaker(workspaceId, roomId, memberId, now) {
      const row = remembered(`speaker:${workspaceId}:${roomId}:${memberId}`, () =>
        (sql('select away_until from stage_speakers where workspace_id = ? and room_id = ? and member_id = ?').get(workspaceId, roomId, memberId) as
          | { away_until: number | null }
          | undefined) ?? null,
      )
      return row !== null && (row.away_until === null || row.away_until > now)
    },
  }
}
