/** Issue 13: groups, events and RSVPs in the PostgreSQL store; guest links and passes in ./community-guests.ts. */
import type { CommunityStore, EventRecord, GroupRecord } from '../community-store.ts'
import { answersOf, insertEvent } from './calendar.ts'
import { eventLock, guestMethods, takeSeat } from './community-guests.ts'
import { lockKey, type Connection, type Sql } from './connection.ts'

interface GroupRow { id: string; name: string; description: string; channel_id: string; created_by: string | null; created_at: number }
interface EventRow {
  id: string; title: string; description: string; host_id: string | null; room_id: string; starts_at: number; ends_at: number
  capacity: number; group_id: string | null; public_code: string | null; created_at: number; repeat_weekly: number; repeat_until: number | null
}
export type { EventRow }
const groupColumns = 'id, name, description, channel_id, created_by, created_at'
export const eventColumns = 'id, title, description, host_id, room_id, starts_at, ends_at, capacity, group_id, public_code, created_at, repeat_weekly, repeat_until'

type Answers = Pick<EventRecord, 'attendees' | 'invited' | 'maybe' | 'declined'>
export const toEvent = (r: EventRow, answers: Answers): EventRecord => ({
  id: r.id, title: r.title, description: r.description, hostId: r.host_id, roomId: r.room_id, startsAt: r.starts_at, endsAt: r.ends_at,
  capacity: r.capacity, groupId: r.group_id, publicCode: r.public_code, createdAt: r.created_at, repeat: r.repeat_weekly ? { until: r.repeat_until } : null, ...answers,
})

export function communityMethods(c: Connection): CommunityStore {
  const groupMembers = async (sql: Sql, ws: string, id: string) =>
    (await sql.rows<{ member_id: string }>('select member_id from group_members where workspace_id = $1 and group_id = $2 order by joined_at, member_id collate "C"', [ws, id])).map((r) => r.member_id)
  const toGroup = async (sql: Sql, ws: string, r: GroupRow): Promise<GroupRecord> => ({
    id: r.id, name: r.name, description: r.description, channelId: r.channel_id, createdBy: r.created_by, createdAt: r.created_at, members: await groupMembers(sql, ws, r.id),
  })
  const group = async (sql: Sql, ws: string, id: string) => {
    const r = await sql.one<GroupRow>(`select ${groupColumns} from community_groups where workspace_id = $1 and id = $2`, [ws, id])
    return r ? toGroup(sql, ws, r) : null
  }
  const event = async (sql: Sql, ws: string, id: string) => {
    const r = await sql.one<EventRow>(`select ${eventColumns} from events where workspace_id = $1 and id = $2`, [ws, id])
    return r ? toEvent(r, await answersOf(sql, ws, id)) : null
  }

  return {
    ...guestMethods(c),
    async createGroup(ws, g) {
      return c.tx(async (sql) => {
        await sql.lock(lockKey.workspace(ws))
        if (await sql.one('select 1 from community_groups where workspace_id = $1 and lower(name) = lower($2)', [ws, g.name])) return 'taken' as const
        await sql.run('insert into community_groups (workspace_id, id, name, description, channel_id, created_by, created_at) values ($1, $2, $3, $4, $5, $6, $7)',
          [ws, g.id, g.name, g.description, g.channelId, g.createdBy, g.createdAt])
        if (g.createdBy) await sql.run('insert into group_members (workspace_id, group_id, member_id, joined_at) values ($1, $2, $3, $4)', [ws, g.id, g.createdBy, g.createdAt])
        return (await group(sql, ws, g.id))!
      })
    },
    async getGroup(ws, id) {
      return group(c, ws, id)
    },
    async listGroups(ws) {
      const rows = await c.rows<GroupRow>(`select ${groupColumns} from community_groups where workspace_id = $1 order by lower(name), id collate "C"`, [ws])
      return Promise.all(rows.map((r) => toGroup(c, ws, r)))
    },
    async setGroupMember(ws, id, memberId, on, at) {
      return c.tx(async (sql) => {
        if (!(await sql.one('select 1 from community_groups where workspace_id = $1 and id = $2', [ws, id]))) return null
        if (on) await sql.run('insert into group_members (workspace_id, group_id, member_id, joined_at) values ($1, $2, $3, $4) on conflict do nothing', [ws, id, memberId, at])
        else await sql.run('delete from group_members where workspace_id = $1 and group_id = $2 and member_id = $3', [ws, id, memberId])
        return group(sql, ws, id)
      })
    },

    async createEvent(ws, e) {
      await c.tx((sql) => insertEvent(sql, ws, e))
    },
    async getEvent(ws, id) {
      return event(c, ws, id)
    },
    async listEvents(ws, now) {
      const rows = await c.rows<EventRow>(`select ${eventColumns} from events where workspace_id = $1 and series_ends_at > $2 order by starts_at, id collate "C"`, [ws, now])
      return Promise.all(rows.map(async (r) => toEvent(r, await answersOf(c, ws, r.id))))
    },
    async deleteEvent(ws, id) {
      return (await c.run('delete from events where workspace_id = $1 and id = $2', [ws, id])) > 0
    },
    async setEventCode(ws, id, code) {
      return c.tx(async (sql) => {
        if ((await sql.run('update events set public_code = $1 where workspace_id = $2 and id = $3', [code, ws, id])) === 0) return null
        return event(sql, ws, id)
      })
    },
    async eventByCode(code) {
      const r = await c.one<{ workspace_id: string; id: string }>('select workspace_id, id from events where public_code = $1', [code])
      const e = r ? await event(c, r.workspace_id, r.id) : null
      return r && e ? { workspaceId: r.workspace_id, event: e } : null
    },
    async rsvp(ws, eventId, memberId, now) {
      return c.tx(async (sql) => {
        await sql.lock(eventLock(ws, eventId))
        return takeSeat(sql, ws, eventId, memberId, now)
      })
    },
    async cancelRsvp(ws, eventId, memberId) {
      return (await c.run('delete from event_rsvps where workspace_id = $1 and event_id = $2 and member_id = $3', [ws, eventId, memberId])) > 0
    },
  }
}
