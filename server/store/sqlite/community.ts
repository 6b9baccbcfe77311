/** Issue 13: groups, events and RSVPs in the SQLite store; guest links and passes in ./community-guests.ts. */
import type { CommunityStore, EventRecord, GroupRecord } from '../community-store.ts'
import type { Connection } from './connection.ts'
import { guestMethods, takeSeat } from './community-guests.ts'
import { answersOf, insertEvent } from './calendar.ts'

interface GroupRow { id: string; name: string; description: string; channel_id: string; created_by: string | null; created_at: number }
interface EventRow {
  id: string; title: string; description: string; host_id: string | null; room_id: string; starts_at: number; ends_at: number
  capacity: number; group_id: string | null; public_code: string | null; created_at: number; repeat_weekly: number; repeat_until: number | null
}

type Answers = Pick<EventRecord, 'attendees' | 'invited' | 'maybe' | 'declined'>
export const toEvent = (r: EventRow, answers: Answers): EventRecord => ({
  id: r.id, title: r.title, description: r.description, hostId: r.host_id, roomId: r.room_id, startsAt: r.starts_at, endsAt: r.ends_at,
  capacity: r.capacity, groupId: r.group_id, publicCode: r.public_code, createdAt: r.created_at, repeat: r.repeat_weekly ? { until: r.repeat_until } : null, ...answers,
})
export type { EventRow }

export function communityMethods(c: Connection): CommunityStore {
  const { sql, write } = c
  const groupMembers = (ws: string, id: string) =>
    sql('select member_id from group_members where workspace_id = ? and group_id = ? order by joined_at, member_id').pluck().all(ws, id) as string[]
  const toGroup = (ws: string, r: GroupRow): GroupRecord => ({
    id: r.id, name: r.name, description: r.description, channelId: r.channel_id, createdBy: r.created_by, createdAt: r.created_at, members: groupMembers(ws, r.id),
  })
  const group = (ws: string, id: string) => {
    const r = sql('select * from community_groups where workspace_id = ? and id = ?').get(ws, id) as GroupRow | undefined
    return r ? toGroup(ws, r) : null
  }
  const event = (ws: string, id: string) => {
    const r = sql('select * from events where workspace_id = ? and id = ?').get(ws, id) as EventRow | undefined
    return r ? toEvent(r, answersOf(c, ws, id)) : null
  }

  return {
    ...guestMethods(c),
    async createGroup(ws, g) {
      return write(() => {
        if (sql('select 1 from community_groups where workspace_id = ? and name = ? collate nocase').get(ws, g.name)) return 'taken' as const
        sql('insert into community_groups (workspace_id, id, name, description, channel_id, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?)')
          .run(ws, g.id, g.name, g.description, g.channelId, g.createdBy, g.createdAt)
        if (g.createdBy) sql('insert into group_members (workspace_id, group_id, member_id, joined_at) values (?, ?, ?, ?)').run(ws, g.id, g.createdBy, g.createdAt)
        return group(ws, g.id)!
      })
    },
    async getGroup(ws, id) {
      return group(ws, id)
    },
    async listGroups(ws) {
      return (sql('select * from community_groups where workspace_id = ? order by name collate nocase, id').all(ws) as GroupRow[]).map((r) => toGroup(ws, r))
    },
    async setGroupMember(ws, id, memberId, on, at) {
      return write(() => {
        if (!sql('select 1 from community_groups where workspace_id = ? and id = ?').get(ws, id)) return null
        if (on) sql('insert or ignore into group_members (workspace_id, group_id, member_id, joined_at) values (?, ?, ?, ?)').run(ws, id, memberId, at)
        else sql('delete from group_members where workspace_id = ? and group_id = ? and member_id = ?').run(ws, id, memberId)
        return group(ws, id)
      })
    },

    async createEvent(ws, e) {
      write(() => insertEvent(c, ws, e))
    },
    async getEvent(ws, id) {
      return event(ws, id)
    },
    async listEvents(ws, now) {
      const rows = sql('select * from events where workspace_id = ? and series_ends_at > ? order by starts_at, id').all(ws, now) as EventRow[]
      return rows.map((r) => toEvent(r, answersOf(c, ws, r.id)))
    },
    async deleteEvent(ws, id) {
      return sql('delete from events where workspace_id = ? and id = ?').run(ws, id).changes > 0
    },
    async setEventCode(ws, id, code) {
      return write(() => {
        if (sql('update events set public_code = ? where workspace_id = ? and id = ?').run(code, ws, id).changes === 0) return null
        return event(ws, id)
      })
    },
    async eventByCode(code) {
      const r = sql('select workspace_id, id from events where public_code = ?').get(code) as { workspace_id: string; id: string } | undefined
      const e = r ? event(r.workspace_id, r.id) : null
      return r && e ? { workspaceId: r.workspace_id, event: e } : null
    },
    async rsvp(ws, eventId, memberId, now) {
      return write(() => takeSeat(c, ws, eventId, memberId, now))
    },
    async cancelRsvp(ws, eventId, memberId) {
      return sql('delete from event_rsvps where workspace_id = ? and event_id = ? and member_id = ?').run(ws, eventId, memberId).changes > 0
    },
  }
}
