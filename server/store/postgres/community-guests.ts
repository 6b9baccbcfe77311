/**
 * Issue 13: guest links and guests' timed passes in the PostgreSQL store. Seats of an event are
 * decided under the event's advisory lock, so that two instances never sell the last seat twice.
 */
import type { CommunityStore, GuestLinkRecord, GuestPass, RsvpOutcome } from '../community-store.ts'
import { lockKey, type Connection, type Tx } from './connection.ts'
import { insertMember, memberLocks } from './members.ts'

type GuestMethods = Pick<CommunityStore, 'createGuestLink' | 'guestLinkByCode' | 'listGuestLinks' | 'revokeGuestLink' | 'addGuest' | 'guestPass' | 'endedGuestPasses' | 'nextGuestPassEnd' | 'claimGuestReminders' | 'nextGuestReminder' | 'forgetGuestAccount'>

interface LinkRow { id: string; workspace_id: string; room_id: string; starts_at: number; ends_at: number; created_by: string; created_at: number; revoked_at: number | null }
interface PassRow { workspace_id: string; member_id: string; room_id: string; starts_at: number; ends_at: number; source: 'link' | 'event'; source_id: string; email: string | null }

const toLink = (r: LinkRow): GuestLinkRecord => ({
  id: r.id, workspaceId: r.workspace_id, roomId: r.room_id, startsAt: r.starts_at, endsAt: r.ends_at, createdBy: r.created_by, createdAt: r.created_at, revokedAt: r.revoked_at,
})
const toPass = (r: PassRow): GuestPass => ({
  workspaceId: r.workspace_id, memberId: r.member_id, roomId: r.room_id, startsAt: r.starts_at, endsAt: r.ends_at, source: r.source, sourceId: r.source_id, email: r.email,
})
const linkColumns = 'id, workspace_id, room_id, starts_at, ends_at, created_by, created_at, revoked_at'
const passColumns = 'workspace_id, member_id, room_id, starts_at, ends_at, source, source_id, email'
/** Reminders not claimed yet (guest_passes_reminders indexes them). */
const unreminded = `source = 'event' and email is not null and reminded_at is null`

export const eventLock = (workspaceId: string, eventId: string) => `event:${workspaceId}:${eventId}`

/** Whether `memberId` may take a seat (without taking it); the caller holds eventLock. */
async function seatFree(sql: Tx, ws: string, eventId: string, memberId: string, now: number): Promise<RsvpOutcome | 'taken'> {
  // A weekly series has ended once its last occurrence has (issue 14).
  const e = await sql.one<{ capacity: number; ends_at: number }>('select capacity, series_ends_at as ends_at from events where workspace_id = $1 and id = $2', [ws, eventId])
  if (!e) return 'not-found'
  if (e.ends_at <= now) return 'ended'
  if (await sql.one('select 1 from event_rsvps where workspace_id = $1 and event_id = $2 and member_id = $3', [ws, eventId, memberId])) return 'taken'
  const taken = await sql.one<{ n: number }>('select count(*)::int as n from event_rsvps where workspace_id = $1 and event_id = $2', [ws, eventId])
  return (taken?.n ?? 0) >= e.capacity ? 'full' : 'ok'
}

export async function takeSeat(sql: Tx, ws: string, eventId: string, memberId: string, now: number): Promise<RsvpOutcome> {
  const free = await seatFree(sql, ws, eventId, memberId, now)
  if (free === 'taken') return 'ok'
  if (free === 'ok') await sql.run('insert into event_rsvps (workspace_id, event_id, member_id, at) values ($1, $2, $3, $4)', [ws, eventId, memberId, now])
  return free
}

export function guestMethods(c: Connection): GuestMethods {
  return {
    async createGuestLink(codeHash, l) {
      await c.run('insert into guest_links (workspace_id, id, code_hash, room_id, starts_at, ends_at, created_by, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8)',
        [l.workspaceId, l.id, codeHash, l.roomId, l.startsAt, l.endsAt, l.createdBy, l.createdAt])
    },
    async guestLinkByCode(codeHash) {
      const r = await c.one<LinkRow>(`select ${linkColumns} from guest_links where code_hash = $1`, [codeHash])
      return r ? toLink(r) : null
    },
    async listGuestLinks(ws, now) {
      const rows = await c.rows<LinkRow>(`select ${linkColumns} from guest_links where workspace_id = $1 and revoked_at is null and ends_at > $2
        order by created_at desc, id collate "C"`, [ws, now])
      return rows.map(toLink)
    },
    async revokeGuestLink(ws, id, at) {
      return c.tx(async (sql) => {
        await sql.lock(lockKey.workspace(ws))
        if (!(await sql.one('select 1 from guest_links where workspace_id = $1 and id = $2', [ws, id]))) return false
        await sql.run('update guest_links set revoked_at = $1 where workspace_id = $2 and id = $3 and revoked_at is null', [at, ws, id])
        return true
      })
    },
    async addGuest(member, p, at) {
      return c.tx(async (sql) => {
        await sql.lock(lockKey.workspace(p.workspaceId), ...memberLocks(member), ...(p.source === 'event' ? [eventLock(p.workspaceId, p.sourceId)] : []))
        if (p.source === 'event') {
          const free = await seatFree(sql, p.workspaceId, p.sourceId, p.memberId, at)
          if (free !== 'ok') return free === 'taken' ? 'ok' : free
        }
        await insertMember(sql, p.workspaceId, member, at)
        await sql.run('insert into guest_passes (member_id, workspace_id, room_id, starts_at, ends_at, source, source_id, email) values ($1, $2, $3, $4, $5, $6, $7, $8)',
          [p.memberId, p.workspaceId, p.roomId, p.startsAt, p.endsAt, p.source, p.sourceId, p.email])
        if (p.source === 'event') await takeSeat(sql, p.workspaceId, p.sourceId, p.memberId, at)
        return 'ok'
      })
    },
    async guestPass(ws, memberId) {
      const r = await c.one<PassRow>(`select ${passColumns} from guest_passes where workspace_id = $1 and member_id = $2`, [ws, memberId])
      return r ? toPass(r) : null
    },
    async endedGuestPasses(now) {
      return (await c.rows<PassRow>(`select ${passColumns} from guest_passes where ends_at <= $1 order by ends_at`, [now])).map(toPass)
    },
    async nextGuestPassEnd(now) {
      const r = await c.one<{ at: number | null }>('select min(ends_at) as at from guest_passes where ends_at > $1', [now])
      return r?.at ?? null
    },
    async claimGuestReminders(now, leadMs) {
      // One statement: a second instance's update waits for the row lock, then sees reminded_at set
      // (READ COMMITTED re-checks the condition on the new row) and leaves it.
      const rows = await c.rows<PassRow>(`update guest_passes set reminded_at = $1 where ${unreminded} and starts_at > $1 and starts_at <= $2 returning ${passColumns}`,
        [now, now + leadMs])
      return rows.sort((a, b) => a.starts_at - b.starts_at).map(toPass)
    },
    async nextGuestReminder(now, leadMs) {
      const r = await c.one<{ at: number | null }>(`select min(starts_at) as at from guest_passes where ${unreminded} and starts_at > $1`, [now])
      return r?.at == null ? null : r.at - leadMs
    },
    async forgetGuestAccount(accountId) {
      return (await c.run(`delete from accounts where id = $1 and email like '%@guests.invalid'
        and not exists (select 1 from members where account_id = accounts.id)`, [accountId])) > 0
    },
  }
}
