/**
 * Rules both sides apply: roles ordered by power, and who may walk into a room. The server enforces
 * them with the tokens it signs; the client applies the same rule to stop an avatar at a door it
 * could not get through, instead of walking in and being turned back.
 */
import type { Role } from './api.ts'
import type { Room } from './floor/records.ts'

const rank: Record<Role, number> = { guest: 0, member: 1, host: 2, owner: 3 }

export const atLeast = (role: Role, required: Role): boolean => rank[role] >= rank[required]

export interface Entrant {
  id: string
  role: Role
  /** Rooms a guest's invite names. */
  rooms: readonly string[]
  /** Their company (issue 13): a company-only room lets in its company's members. */
  companyId?: string | null | undefined
}

export type EntryDecision = { ok: true } | { ok: false; status: 403 | 409; reason: EntryRefusal }
export type EntryRefusal = 'removed' | 'locked' | 'private' | 'full'

/**
 * Whether `who` may enter `room` now. A room's owner and its allowed members enter it even when
 * locked, and an admitted knock lets one member in. Hosts may enter locked rooms (they could unlock
 * them anyway), but a private office is private even to hosts: they knock like everyone else.
 * Someone a host or the room's owner removed (`removed`: their ban has not ended) stays out
 * whoever they are, until it ends. A company-only room is its company's: anyone else knocks,
 * hosts too, as at a private office.
 */
export function decideEntry(room: Room, who: Entrant, ctx: { admitted: boolean; occupants: number; removed?: boolean }): EntryDecision {
  if (ctx.removed) return { ok: false, status: 403, reason: 'removed' }
  const insider = room.ownerId === who.id || room.allowed.includes(who.id) || ctx.admitted
  if (who.role === 'guest' && !who.rooms.includes(room.id) && !ctx.admitted) return { ok: false, status: 403, reason: 'private' }
  if (room.kind === 'private' && !insider) return { ok: false, status: 403, reason: 'private' }
  if (companyOnly(room) && who.companyId !== room.companyId && !insider) return { ok: false, status: 403, reason: 'private' }
  if (room.locked && !insider && !atLeast(who.role, 'host')) return { ok: false, status: 403, reason: 'locked' }
  if (ctx.occupants >= room.capacity) return { ok: false, status: 409, reason: 'full' }
  return { ok: true }
}

/** A room only its company's members walk into (a room tagged company-only but with no company is anyone's). */
export const companyOnly = (room: Pick<Room, 'companyId' | 'companyOnly'>): boolean => room.companyOnly === true && typeof room.companyId === 'string'

/**
 * Who moderates a room (mutes, removes, locks it, brings people on stage): hosts, and the room's
 * owner. In a stage room they also speak by standing, without being brought on.
 */
export const mayModerate = (room: Pick<Room, 'ownerId'>, who: Pick<Entrant, 'id' | 'role'>): boolean => atLeast(who.role, 'host') || room.ownerId === who.id
