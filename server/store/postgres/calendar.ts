/** The calendar part in the PostgreSQL store (issue 14): events' series and invites, bookings, answers, deadlines, feeds. */
import { firstOverlap, seriesEnd } from '../../../protocol/calendar.ts'
import type { CalendarStore, DeadlineRecord, FeedRecord } from '../calendar-store.ts'
import type { NewEvent } from '../community-store.ts'
import { eventLock, takeSeat } from './community-guests.ts'
import { eventColumns, toEvent, type EventRow } from './community.ts'
import type { Connection, Sql, Tx } from './connection.ts'

interface DeadlineRow { id: string; title: string; day: string; company_id: string | null; created_by: string | null; created_at: number }
const toDeadline = (r: DeadlineRow): DeadlineRecord => ({ id: r.id, title: r.title, day: r.day, companyId: r.company_id, createdBy: r.created_by, createdAt: r.created_at })
const deadlineColumns = 'id, title, day, company_id, created_by, created_at'
interface FeedRow { workspace_id: string; member_id: string; created_at: number }
const toFeed = (r: FeedRow): FeedRecord => ({ workspaceId: r.workspace_id, memberId: r.member_id, createdAt: r.created_at })
/** Bookings of one room are decided one at a time, across server instances. */
const bookingLock = (ws: string, roomId: string) => `booking:${ws}:${roomId}`

/** Who said yes (RSVPs), who was invited, who said maybe or no, each earliest first. */
export async function answersOf(sql: Sql, ws: string, id: string) {
  const ids = async (q: string) => (await sql.rows<{ member_id: string }>(q, [ws, id])).map((r) => r.member_id)
  return {
    attendees: await ids('select member_id from event_rsvps where workspace_id = $1 and event_id = $2 order by at, member_id collate "C"'),
    invited: await ids('select member_id from event_invites where workspace_id = $1 and event_id = $2 order by member_id collate "C"'),
    maybe: await ids(`select member_id from event_answers where workspace_id = $1 and event_id = $2 and answer = 'maybe' order by at, member_id collate "C"`),
    declined: await ids(`select member_id from event_answers where workspace_id = $1 and event_id = $2 and answer = 'no' order by at, member_id collate "C"`),
  }
}

/** Inserts an event with its series and invites, inside the caller's transaction. */
export async function insertEvent(sql: Tx, ws: string, e: NewEvent): Promise<void> {
  const repeat = e.repeat ?? null
  await sql.run(`insert into events (workspace_id, id, title, description, host_id, room_id, starts_at, ends_at, capacity, group_id, created_at, repeat_weekly, repeat_until, series_ends_at)
    values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
  [ws, e.id, e.title, e.description, e.hostId, e.roomId, e.startsAt, e.endsAt, e.capacity, e.groupId, e.createdAt, repeat ? 1 : 0, repeat?.until ?? null, seriesEnd({ ...e, repeat })])
  for (const m of new Set(e.invited ?? [])) await sql.run('insert into event_invites (workspace_id, event_id, member_id) values ($1, $2, $3)', [ws, e.id, m])
}

export function calendarMethods(c: Connection): CalendarStore {
  return {
    async createBooking(ws, e, now) {
      return c.tx(async (sql) => {
        await sql.lock(bookingLock(ws, e.roomId))
        const rows = await sql.rows<EventRow>(`select ${eventColumns} from events where workspace_id = $1 and room_id = $2 and series_ends_at > $3 and starts_at < $4
          order by starts_at, id collate "C"`, [ws, e.roomId, Math.max(now, e.startsAt), seriesEnd(e)])
        const clash = rows.find((r) => firstOverlap(e, { startsAt: r.starts_at, endsAt: r.ends_at, repeat: r.repeat_weekly ? { until: r.repeat_until } : null }, now))
        if (clash) return toEvent(clash, await answersOf(sql, ws, clash.id))
        await insertEvent(sql, ws, e)
        return null
      })
    },
    async answerEvent(ws, eventId, memberId, answer, now) {
      return c.tx(async (sql) => {
        await sql.lock(eventLock(ws, eventId))
        if (answer === 'yes') {
          const outcome = await takeSeat(sql, ws, eventId, memberId, now)
          if (outcome === 'ok') await sql.run('delete from event_answers where workspace_id = $1 and event_id = $2 and member_id = $3', [ws, eventId, memberId])
          return outcome
        }
        const e = await sql.one<{ series_ends_at: number }>('select series_ends_at from events where workspace_id = $1 and id = $2', [ws, eventId])
        if (!e) return 'not-found'
        if (e.series_ends_at <= now) return 'ended'
        await sql.run('delete from event_rsvps where workspace_id = $1 and event_id = $2 and member_id = $3', [ws, eventId, memberId])
        await sql.run(`insert into event_answers (workspace_id, event_id, member_id, answer, at) values ($1, $2, $3, $4, $5)
          on conflict (workspace_id, event_id, member_id) do update set answer = excluded.answer, at = excluded.at`, [ws, eventId, memberId, answer, now])
        return 'ok'
      })
    },

    async createDeadline(ws, d) {
      await c.run('insert into calendar_deadlines (workspace_id, id, title, day, company_id, created_by, created_at) values ($1, $2, $3, $4, $5, $6, $7)',
        [ws, d.id, d.title, d.day, d.companyId, d.createdBy, d.createdAt])
    },
    async getDeadline(ws, id) {
      const r = await c.one<DeadlineRow>(`select ${deadlineColumns} from calendar_deadlines where workspace_id = $1 and id = $2`, [ws, id])
      return r ? toDeadline(r) : null
    },
    async listDeadlines(ws) {
      return (await c.rows<DeadlineRow>(`select ${deadlineColumns} from calendar_deadlines where workspace_id = $1 order by day, id collate "C"`, [ws])).map(toDeadline)
    },
    async deleteDeadline(ws, id) {
      return (await c.run('delete from calendar_deadlines where workspace_id = $1 and id = $2', [ws, id])) > 0
    },

    async setFeed(ws, memberId, tokenHash, at) {
      await c.tx(async (sql) => {
        await sql.lock(`feed:${ws}:${memberId}`)
        await sql.run('delete from calendar_feeds where workspace_id = $1 and member_id = $2', [ws, memberId])
        await sql.run('insert into calendar_feeds (token_hash, workspace_id, member_id, created_at) values ($1, $2, $3, $4)', [tokenHash, ws, memberId, at])
      })
    },
    async getFeed(ws, memberId) {
      const r = await c.one<FeedRow>('select workspace_id, member_id, created_at from calendar_feeds where workspace_id = $1 and member_id = $2', [ws, memberId])
      return r ? toFeed(r) : null
    },
    async revokeFeed(ws, memberId) {
      return (await c.run('delete from calendar_feeds where workspace_id = $1 and member_id = $2', [ws, memberId])) > 0
    },
    async feedByToken(tokenHash) {
      const r = await c.one<FeedRow>('select workspace_id, member_id, created_at from calendar_feeds where token_hash = $1', [tokenHash])
      return r ? toFeed(r) : null
    },
  }
}
