/** The calendar part in the SQLite store (issue 14): events' series and invites, bookings, answers, deadlines, feeds. */
import { firstOverlap, seriesEnd } from '../../../protocol/calendar.ts'
import type { CalendarStore, DeadlineRecord, FeedRecord } from '../calendar-store.ts'
import type { EventRecord, NewEvent } from '../community-store.ts'
import { takeSeat } from './community-guests.ts'
import { toEvent, type EventRow } from './community.ts'
import type { Connection } from './connection.ts'

interface DeadlineRow { id: string; title: string; day: string; company_id: string | null; created_by: string | null; created_at: number }
const toDeadline = (r: DeadlineRow): DeadlineRecord => ({ id: r.id, title: r.title, day: r.day, companyId: r.company_id, createdBy: r.created_by, createdAt: r.created_at })
interface FeedRow { workspace_id: string; member_id: string; created_at: number }
const toFeed = (r: FeedRow): FeedRecord => ({ workspaceId: r.workspace_id, memberId: r.member_id, createdAt: r.created_at })

/** Who said yes (RSVPs), who was invited, who said maybe or no, each earliest first. */
export function answersOf({ sql }: Connection, ws: string, id: string) {
  const ids = (q: string) => sql(q).pluck().all(ws, id) as string[]
  return {
    attendees: ids('select member_id from event_rsvps where workspace_id = ? and event_id = ? order by at, member_id'),
    invited: ids('select member_id from event_invites where workspace_id = ? and event_id = ? order by member_id'),
    maybe: ids(`select member_id from event_answers where workspace_id = ? and event_id = ? and answer = 'maybe' order by at, member_id`),
    declined: ids(`select member_id from event_answers where workspace_id = ? and event_id = ? and answer = 'no' order by at, member_id`),
  }
}

/** Inserts an event with its series and invites; the caller holds the transaction. */
export function insertEvent({ sql }: Connection, ws: string, e: NewEvent): void {
  const repeat = e.repeat ?? null
  sql(`insert into events (workspace_id, id, title, description, host_id, room_id, starts_at, ends_at, capacity, group_id, created_at, repeat_weekly, repeat_until, series_ends_at)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(ws, e.id, e.title, e.description, e.hostId, e.roomId, e.startsAt, e.endsAt, e.capacity, e.groupId, e.createdAt, repeat ? 1 : 0, repeat?.until ?? null, seriesEnd({ ...e, repeat }))
  for (const m of new Set(e.invited ?? [])) sql('insert into event_invites (workspace_id, event_id, member_id) values (?, ?, ?)').run(ws, e.id, m)
}

export function calendarMethods(c: Connection): CalendarStore {
  const { sql, write } = c
  return {
    async createBooking(ws, e, now) {
      return write(() => {
        const rows = sql('select * from events where workspace_id = ? and room_id = ? and series_ends_at > ? and starts_at < ? order by starts_at, id')
          .all(ws, e.roomId, Math.max(now, e.startsAt), seriesEnd(e)) as EventRow[]
        const clash = rows.find((r) => firstOverlap(e, { startsAt: r.starts_at, endsAt: r.ends_at, repeat: r.repeat_weekly ? { until: r.repeat_until } : null }, now))
        if (clash) return toEvent(clash, answersOf(c, ws, clash.id)) satisfies EventRecord
        insertEvent(c, ws, e)
        return null
      })
    },
    async answerEvent(ws, eventId, memberId, answer, now) {
      return write(() => {
        if (answer === 'yes') {
          const outcome = takeSeat(c, ws, eventId, memberId, now)
          if (outcome === 'ok') sql('delete from event_answers where workspace_id = ? and event_id = ? and member_id = ?').run(ws, eventId, memberId)
          return outcome
        }
        const e = sql('select series_ends_at from events where workspace_id = ? and id = ?').pluck().get(ws, eventId) as number | undefined
        if (e === undefined) return 'not-found'
        if (e <= now) return 'ended'
        sql('delete from event_rsvps where workspace_id = ? and event_id = ? and member_id = ?').run(ws, eventId, memberId)
        sql(`insert into event_answers (workspace_id, event_id, member_id, answer, at) values (?, ?, ?, ?, ?)
          on conflict (workspace_id, event_id, member_id) do update set answer = excluded.answer, at = excluded.at`).run(ws, eventId, memberId, answer, now)
        return 'ok'
      })
    },

    async createDeadline(ws, d) {
      sql('insert into calendar_deadlines (workspace_id, id, title, day, company_id, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?)')
        .run(ws, d.id, d.title, d.day, d.companyId, d.createdBy, d.createdAt)
    },
    async getDeadline(ws, id) {
      const r = sql('select * from calendar_deadlines where workspace_id = ? and id = ?').get(ws, id) as DeadlineRow | undefined
      return r ? toDeadline(r) : null
    },
    async listDeadlines(ws) {
      return (sql('select * from calendar_deadlines where workspace_id = ? order by day, id').all(ws) as DeadlineRow[]).map(toDeadline)
    },
    async deleteDeadline(ws, id) {
      return sql('delete from calendar_deadlines where workspace_id = ? and id = ?').run(ws, id).changes > 0
    },

    async setFeed(ws, memberId, tokenHash, at) {
      write(() => {
        sql('delete from calendar_feeds where workspace_id = ? and member_id = ?').run(ws, memberId)
        sql('insert into calendar_feeds (token_hash, workspace_id, member_id, created_at) values (?, ?, ?, ?)').run(tokenHash, ws, memberId, at)
      })
    },
    async getFeed(ws, memberId) {
      const r = sql('select workspace_id, member_id, created_at from calendar_feeds where workspace_id = ? and member_id = ?').get(ws, memberId) as FeedRow | undefined
      return r ? toFeed(r) : null
    },
    async revokeFeed(ws, memberId) {
      return sql('delete from calendar_feeds where workspace_id = ? and member_id = ?').run(ws, memberId).changes > 0
    },
    async feedByToken(tokenHash) {
      const r = sql('select workspace_id, member_id, created_at from calendar_feeds where token_hash = ?').get(tokenHash) as FeedRow | undefined
      return r ? toFeed(r) : null
    },
  }
}
