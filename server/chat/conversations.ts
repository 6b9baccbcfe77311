/**
 * Conversations as one member sees them: resolving an id to something they may read (or a 404),
 * every conversation they may read, and who reads one (for live notices).
 */
import { entrantOf, entrantsOf } from '../companies/entrants.ts'
import type { FastifyInstance } from 'fastify'
import type { Conversation } from '../../protocol/chat.ts'
import type { Room } from '../../protocol/floor/records.ts'
import { forbidden, notFound } from '../http-error.ts'
import type { ConversationRecord, MemberRecord } from '../store/store.ts'
import { GENERAL, readConversation, readRoom, type Reader } from './access.ts'

export interface Seen {
  conv: ConversationRecord
  joined: boolean
}

/** A public channel is readable before joining; writing in it (posts, reactions, typing) takes joining. */
export const notJoined = (seen: Seen) => forbidden(`join #${seen.conv.name} to write in it`, 'not-joined')

/** Every room of every floor of the workspace, by id. */
export async function roomsOf(app: FastifyInstance, ws: string): Promise<Map<string, Room>> {
  const floors = await app.store.listFloors(ws)
  return new Map(floors.flatMap((f) => f.rooms.map((r) => [r.id, r] as const)))
}

/** A room chat as a record, whether or not its first message has made its row. */
/** The id of a room's chat. */
export const roomConversationId = (roomId: string): string => `rm_${roomId}`

export const roomConversation = (room: Room, row: ConversationRecord | null): ConversationRecord => ({
  id: roomConversationId(room.id), kind: 'room', name: room.name, private: false, archived: false, roomId: room.id,
  createdAt: row?.createdAt ?? 0, createdBy: null, members: [], seq: row?.seq ?? 0,
})

export const toWire = (c: ConversationRecord): Conversation => ({
  id: c.id, kind: c.kind, name: c.name, private: c.private, archived: c.archived, members: c.members, roomId: c.roomId, createdAt: c.createdAt,
})

/** Let in at the door (a pass that ends, tokens.ts): its chat is theirs to read while the pass lasts. */
const admittedTo = async (app: FastifyInstance, ws: string, roomId: string, memberId: string) => app.store.isAdmitted(ws, roomId, memberId, app.now())

/** The conversation `id` if `who` may read it; otherwise 404, whether or not it exists. */
export async function seeConversation(app: FastifyInstance, who: MemberRecord, id: string): Promise<Seen> {
  const ws = who.workspaceId
  if (id.startsWith('rm_')) {
    const roomId = id.slice(3)
    const room = (await roomsOf(app, ws)).get(roomId)
    if (!room || !readRoom(room, await entrantOf(app, who), await admittedTo(app, ws, roomId, who.id))) throw notFound('conversation')
    return { conv: roomConversation(room, await app.store.getConversation(ws, id)), joined: true }
  }
  const conv = await app.store.getConversation(ws, id)
  const seen = conv ? readConversation(conv, who) : { read: false as const }
  if (!conv || !seen.read) throw notFound('conversation')
  return { conv, joined: seen.joined }
}

/** Everything `who` may read: channels (public ones joined or not), their DMs, every readable room's chat. */
export async function readableBy(app: FastifyInstance, who: MemberRecord): Promise<Seen[]> {
  const ws = who.workspaceId
  const [stored, rooms] = await Promise.all([app.store.listConversations(ws, who.id), roomsOf(app, ws)])
  const out: Seen[] = []
  for (const conv of stored) {
    const seen = readConversation(conv, who)
    if (seen.read) out.push({ conv, joined: seen.joined })
  }
  const entrant = await entrantOf(app, who)
  for (const room of rooms.values()) {
    // Only someone the door would refuse needs the admissions looked up.
    const open = readRoom(room, entrant, false) || readRoom(room, entrant, await admittedTo(app, ws, room.id, who.id))
    if (open) out.push({ conv: roomConversation(room, await app.store.getConversation(ws, roomConversationId(room.id))), joined: true })
  }
  return out
}

/** Who gets the live notices of `conv`: members who read it and belong (public channels: joined), never anyone being removed. */
export async function readersOf(app: FastifyInstance, ws: string, conv: ConversationRecord): Promise<string[]> {
  const members = (await app.store.listMembers(ws)).filter((m) => m.removingSince == null)
  if (conv.kind === 'room') {
    const room = (await roomsOf(app, ws)).get(conv.roomId ?? '')
    if (!room) return []
    const [admitted, entrants] = await Promise.all([app.store.roomAdmissions(ws, room.id, app.now()).then((ids) => new Set(ids)), entrantsOf(app, ws, members)])
    return members.filter((m) => readRoom(room, entrants.get(m.id) ?? m, admitted.has(m.id))).map((m) => m.id)
  }
  return members.filter((m: Reader) => {
    const seen = readConversation(conv, m)
    return seen.read && seen.joined
  }).map((m) => m.id)
}

/** Public channels are listed to every non-guest: they hear of them being made or archived. */
export async function listersOf(app: FastifyInstance, ws: string, conv: ConversationRecord): Promise<string[]> {
  if (conv.kind !== 'channel' || conv.private || conv.id === GENERAL) return readersOf(app, ws, conv)
  return (await app.store.listMembers(ws)).filter((m) => m.removingSince == null && m.role !== 'guest').map((m) => m.id)
}
