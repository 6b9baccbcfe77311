/**
 * Live community notices (issue 13): after a change has committed, the record itself goes to the
 * lobby connections of those who may see it (LiveKit sendData with destination identities). Guests
 * get only the events they attend. A notice that cannot be sent is logged and dropped: clients
 * read the lists again when they open the Events region or come back online.
 */
import type { FastifyInstance } from 'fastify'
import { COMMUNITY_TOPIC, MAX_COMMUNITY_NOTICE_BYTES, type CommunityEvent, type CommunityNotice, type Group } from '../../protocol/community.ts'
import { atLeast } from '../../protocol/rules.ts'
import type { DeadlineRecord } from '../store/calendar-store.ts'
import type { EventRecord, GroupRecord } from '../store/community-store.ts'

/** An event as a viewer sees it: its public link only for those who may share it (not guests). */
export function eventToWire(e: EventRecord, base: string, viewer: { role: string }): CommunityEvent {
  return {
    id: e.id, title: e.title, description: e.description, hostId: e.hostId, roomId: e.roomId, startsAt: e.startsAt, endsAt: e.endsAt,
    capacity: e.capacity, groupId: e.groupId, open: e.publicCode !== null,
    publicUrl: e.publicCode !== null && viewer.role !== 'guest' ? `${base}/#/event/${e.publicCode}` : null,
    attendees: e.attendees,
    repeat: e.repeat ? { weekly: true, until: e.repeat.until } : null, invited: e.invited, maybe: e.maybe, declined: e.declined,
  }
}

export const groupToWire = (g: GroupRecord): Group => ({ ...g })

function send(app: FastifyInstance, ws: string, to: readonly string[], notice: CommunityNotice): void {
  if (to.length === 0) return
  if (Buffer.byteLength(JSON.stringify(notice)) > MAX_COMMUNITY_NOTICE_BYTES) {
    app.log.warn({ workspaceId: ws, type: notice.type }, 'community notice too large to send live; clients read the list again')
    return
  }
  void app.rooms.sendToMembers(ws, to, COMMUNITY_TOPIC, notice).catch((err: unknown) => app.log.warn({ err, workspaceId: ws }, 'could not send a community notice'))
}

async function audience(app: FastifyInstance, ws: string) {
  const members = (await app.store.listMembers(ws)).filter((m) => m.removingSince == null)
  return { people: members.filter((m) => m.role !== 'guest').map((m) => m.id), guests: new Set(members.filter((m) => m.role === 'guest').map((m) => m.id)) }
}

/** An event created or changed (an RSVP, a publication): to members, and to its guests without its link. */
export async function announceEvent(app: FastifyInstance, ws: string, e: EventRecord, base: string): Promise<void> {
  const { people, guests } = await audience(app, ws)
  send(app, ws, people, { type: 'event', event: eventToWire(e, base, { role: 'member' }) })
  send(app, ws, e.attendees.filter((id) => guests.has(id)), { type: 'event', event: eventToWire(e, base, { role: 'guest' }) })
}

export async function announceEventGone(app: FastifyInstance, ws: string, e: EventRecord): Promise<void> {
  const { people, guests } = await audience(app, ws)
  send(app, ws, [...people, ...e.attendees.filter((id) => guests.has(id))], { type: 'event-gone', eventId: e.id })
}

/** A deadline set or removed (issue 14): to the members who see it (the space's: everyone but guests; a company's: its members and hosts). */
export async function announceDeadline(app: FastifyInstance, ws: string, d: DeadlineRecord, gone = false): Promise<void> {
  const members = (await app.store.listMembers(ws)).filter((m) => m.removingSince == null && m.role !== 'guest')
  const companies = d.companyId ? await app.store.companyOfMembers(ws) : null
  const to = members.filter((m) => !companies || atLeast(m.role, 'host') || companies.get(m.id)?.companyId === d.companyId).map((m) => m.id)
  send(app, ws, to, gone ? { type: 'deadline-gone', deadlineId: d.id } : { type: 'deadline', deadline: { ...d } })
}

export async function announceGroup(app: FastifyInstance, ws: string, g: GroupRecord): Promise<void> {
  send(app, ws, (await audience(app, ws)).people, { type: 'group', group: groupToWire(g) })
}
