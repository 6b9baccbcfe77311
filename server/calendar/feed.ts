/** What a member's feed holds: the events they host, said yes or maybe to, or were invited to (and did not decline), and the deadlines they see. */
import type { FastifyInstance } from 'fastify'
import { atLeast } from '../../protocol/rules.ts'
import type { MemberRecord } from '../store/store.ts'
import { feedText } from './ics.ts'

/** Events that ended up to this long ago stay in the feed, so a calendar app keeps the recent past. */
const PAST_MS = 30 * 24 * 3_600_000

export async function feedOf(app: FastifyInstance, member: MemberRecord): Promise<string> {
  const ws = member.workspaceId
  const now = app.now()
  const [events, deadlines, floors, workspace, company] = await Promise.all([
    app.store.listEvents(ws, now - PAST_MS),
    app.store.listDeadlines(ws),
    app.store.listFloors(ws),
    app.store.getWorkspace(ws),
    app.store.companyOfMember(ws, member.id),
  ])
  const rooms = new Map(floors.flatMap((f) => f.rooms).map((r) => [r.id, r.name]))
  const mine = events.filter((e) =>
    e.hostId === member.id || e.attendees.includes(member.id) || e.maybe.includes(member.id) || (e.invited.includes(member.id) && !e.declined.includes(member.id)))
  const seen = deadlines.filter((d) => d.companyId === null || d.companyId === company?.companyId || atLeast(member.role, 'host'))
  return feedText(`${workspace?.name ?? 'Office'} — ${member.name}`, mine.map((e) => ({ ...e, roomName: rooms.get(e.roomId) ?? 'a room' })), seen, now)
}
