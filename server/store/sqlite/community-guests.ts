/** Issue 13: guest links and guests' timed passes in the SQLite store. */
import type { CommunityStore, GuestLinkRecord, GuestPass, RsvpOutcome } from '../community-store.ts'
import type { Connection } from './connection.ts'
import { insertMember } from './members.ts'

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

/** Takes one seat of an event for `memberId`, under its capacity; the caller holds the transaction. */
export function takeSeat({ sql }: Connection, workspaceId: string, eventId: string, memberId: string, now: number): RsvpOutcome {
  // A weekly series has ended once its last occurrence has (issue 14).
  const e = sql('select capacity, series_ends_at as ends_at from events where workspace_id = ? and id = ?').get(workspaceId, eventId) as { capacity: number; ends_at: number } | undefined
  if (!e) return 'not-found'
  if (e.ends_at <= now) return 'ended'
  if (sql('select 1 from event_rsvps where workspace_id = ? and event_id = ? and member_id = ?').get(workspaceId, eventId, memberId)) return 'ok'
  const taken = sql('select count(*) from event_rsvps where workspace_id = ? and event_id = ?').pluck().get(workspaceId, eventId) as number
  if (taken >= e.capacity) return 'full'
  sql('insert into event_rsvps (workspace_id, event_id, member_id, at) values (?, ?, ?, ?)').run(workspaceId, eventId, memberId, now)
  return 'ok'
}

export function guestMethods(c: Connection): GuestMethods {
  const { sql, write } = c
  return {
    async createGuestLink(codeHash, l) {
      sql(`insert into guest_links (workspace_id, id, code_hash, room_id, starts_at, ends_at, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(l.workspaceId, l.id, codeHash, l.roomId, l.startsAt, l.endsAt, l.createdBy, l.createdAt)
    },
    async guestLinkByCode(codeHash) {
      const r = sql(`select ${linkColumns} from guest_links where code_hash = ?`).get(codeHash) as LinkRow | undefined
      return r ? toLink(r) : null
    },
    async listGuestLinks(ws, now) {
      const rows = sql(`select ${linkColumns} from guest_links where workspace_id = ? and revoked_at is null and ends_at > ? order by created_at desc, id`).all(ws, now) as LinkRow[]
      return rows.map(toLink)
    },
    async revokeGuestLink(ws, id, at) {
      return write(() => {
        if (!sql('select 1 from guest_links where workspace_id = ? and id = ?').get(ws, id)) return false
        sql('update guest_links set revoked_at = ? where workspace_id = ? and id = ? and revoked_at is null').run(at, ws, id)
        return true
      })
    },
    async addGuest(member, p, at) {
      return write(() => {
        if (p.source === 'event') {
          // The seat first: a full event adds nobody (the member row goes in before the RSVP that names it).
          const e = sql('select capacity, ends_at from events where workspace_id = ? and id = ?').get(p.workspaceId, p.sourceId) as { capacity: number; ends_at: number } | undefined
          if (!e) return 'not-found'
          if (e.ends_at <= at) return 'ended'
          const taken = sql('select count(*) from event_rsvps where workspace_id = ? and event_id = ?').pluck().get(p.workspaceId, p.sourceId) as number
          if (taken >= e.capacity) return 'full'
        }
        insertMember(c, p.workspaceId, member, at)
        sql('insert into guest_passes (member_id, workspace_id, room_id, starts_at, ends_at, source, source_id, email) values (?, ?, ?, ?, ?, ?, ?, ?)')
          .run(p.memberId, p.workspaceId, p.roomId, p.startsAt, p.endsAt, p.source, p.sourceId, p.email)
        if (p.source === 'event') takeSeat(c, p.workspaceId, p.sourceId, p.memberId, at)
        return 'ok'
      })
    },
    async guestPass(ws, memberId) {
      const r = sql('select * from guest_passes where workspace_id = ? and member_id = ?').get(ws, memberId) as PassRow | undefined
      return r ? toPass(r) : null
    },
    async endedGuestPasses(now) {
      return (sql('select * from guest_passes where ends_at <= ? order by ends_at').all(now) as PassRow[]).map(toPass)
    },
    async nextGuestPassEnd(now) {
      return (sql('select min(ends_at) from guest_passes where ends_at > ?').pluck().get(now) as number | null) ?? null
    },
    async claimGuestReminders(now, leadMs) {
      // One statement, under SQLite's single writer: another instance on the file sees them claimed.
      const rows = sql(`update guest_passes set reminded_at = ? where ${unreminded} and starts_at > ? and starts_at <= ? returning ${passColumns}`)
        .all(now, now, now + leadMs) as PassRow[]
      return rows.sort((a, b) => a.starts_at - b.starts_at).map(toPass)
    },
    async nextGuestReminder(now, leadMs) {
      const start = sql(`select min(starts_at) from guest_passes where ${unreminded} and starts_at > ?`).pluck().get(now) as number | null
      return start === null ? null : start - leadMs
    },
    async forgetGuestAccount(accountId) {
      return sql(`delete from accounts where id = ? and email like '%@guests.invalid'
        and not exists (select 1 from members where account_id = accounts.id)`).run(accountId).changes > 0
    },
  }
}
