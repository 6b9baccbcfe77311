/** Room bans and stage speakers in the PostgreSQL store (migration 0020); one statement each. */
import type { Store } from '../store.ts'
import type { Connection } from './connection.ts'

type ModerationMethods = Pick<Store, 'banFromRoom' | 'roomBan' | 'setSpeaker' | 'speakerAway' | 'isSpeaker'>

export function moderationMethods(c: Connection): ModerationMethods {
  return {
    async banFromRoom(workspaceId, roomId, memberId, until, by) {
      await c.run(`insert into room_bans (workspace_id, room_id, member_id, until, banned_by) values ($1, $2, $3, $4, $5)
        on conflict (workspace_id, room_id, member_id) do update set until = excluded.until, banned_by = excluded.banned_by`, [workspaceId, roomId, memberId, until, by])
    },
    async roomBan(workspaceId, roomId, memberId, now) {
      const r = await c.one<{ until: number; banned_by: string }>(
        'select until, banned_by from room_bans where workspace_id = $1 and room_id = $2 and member_id = $3 and until > $4', [workspaceId, roomId, memberId, now])
      return r ? { until: r.until, by: r.banned_by } : null
    },
    async setSpeaker(workspaceId, roomId, memberId, on) {
      if (on) {
        await c.run(`insert into stage_speakers (workspace_id, room_id, member_id, away_until) values ($1, $2, $3, null)
          on conflict (workspace_id, room_id, member_id) do update set away_until = null`, [workspaceId, roomId, memberId])
      } else {
        await c.run('delete from stage_speakers where workspace_id = $1 and room_id = $2 and member_id = $3', [workspaceId, roomId, memberId])
      }
    },
    async speakerAway(workspaceId, roomId, memberId, until) {
      await c.run('update stage_speakers set away_until = $4 where workspace_id = $1 and room_id = $2 and member_id = $3', [workspaceId, roomId, memberId, until])
    },
    async isSpeaker(workspaceId, roomId, memberId, now) {
      const r = await c.one<{ on: boolean }>(
        'select true as on from stage_speakers where workspace_id = $1 and room_id = $2 and member_id = $3 and (away_until is null or away_until > $4)', [workspaceId, roomId, memberId, now])
      return r !== undefined
    },
  }
}
