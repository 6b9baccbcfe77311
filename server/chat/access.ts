/**
 * Who may read a conversation: one pure function per kind, decided by the server alone.
 * - #general: every non-guest member, who all belong to it.
 * - Channels: public ones every non-guest (joined or not), private ones their members; never guests.
 * - DMs: exactly their people.
 * - Room chats: whoever the room's door (protocol/rules.ts decideEntry) would not refuse as
 *   private: locks, capacity and bans do not matter, so a guest reads their invite's rooms and a
 *   private office is read by its owner, its allowed list and those a knock let in.
 * Anything else is not found (never "forbidden": that would tell that it exists).
 */
import type { Role } from '../../protocol/api.ts'
import type { Room } from '../../protocol/floor/records.ts'
import { decideEntry } from '../../protocol/rules.ts'
import type { ConversationRecord } from '../store/store.ts'

export const GENERAL = 'ch_general'

export interface Reader {
  id: string
  role: Role
  /** Rooms a guest's invite names. */
  rooms: readonly string[]
  /** Their company: a company-only room's chat is its company's (and its door's insiders'). */
  companyId?: string | null | undefined
}

export type Readable = { read: false } | { read: true; joined: boolean }

const no: Readable = { read: false }

/** Channels and DMs. */
export function readConversation(conv: Pick<ConversationRecord, 'id' | 'kind' | 'private' | 'members'>, who: Reader): Readable {
  const member = conv.members.includes(who.id)
  if (conv.kind === 'dm') return member ? { read: true, joined: true } : no
  if (conv.kind !== 'channel' || who.role === 'guest') return no
  if (conv.id === GENERAL) return { read: true, joined: true }
  if (conv.private) return member ? { read: true, joined: true } : no
  return { read: true, joined: member }
}

/** A room's chat; `room` undefined: the room is no longer on any floor, and its chat is gone. */
export function readRoom(room: Room | undefined, who: Reader, admitted: boolean): boolean {
  if (!room) return false
  const decision = decideEntry(room, who, { admitted, occupants: 0 })
  return decision.ok || decision.reason !== 'private'
}
