/**
 * Guests with a timed pass (issue 13): who they are made as, and when their pass lets them in. A
 * guest has an account of their own that nobody can sign in to (no password, an address that cannot
 * exist): their session is the only way in, and it ends with their pass.
 */
import type { FastifyInstance } from 'fastify'
import { newId } from '../auth/tokens.ts'
import { forbidden, gone } from '../http-error.ts'
import { colourFor } from '../members.ts'
import type { GuestPass } from '../store/community-store.ts'
import type { MemberRecord, NewMember } from '../store/store.ts'
import { finishRemoval } from '../removal.ts'

/** Not a scrypt hash: verifyPassword refuses every password against it. */
const NO_PASSWORD = '!guest'

export function guestMember(name: string, roomId: string): NewMember {
  const memberId = newId('mem')
  return {
    memberId,
    role: 'guest',
    rooms: [roomId],
    account: { id: newId('acc'), email: `${memberId}@guests.invalid`, name: name.trim(), passwordHash: NO_PASSWORD, colour: colourFor(memberId) },
  }
}

const at = (ms: number) => new Date(ms).toISOString().replace('T', ' ').slice(0, 16) + ' UTC'

/** A link or event whose window is not open at `now` is refused, saying whether it is early or late. */
export function checkWindow(what: string, startsAt: number, endsAt: number, now: number, opts: { early?: boolean } = {}): void {
  if (now >= endsAt) throw gone(`this ${what} ended at ${at(endsAt)}`)
  if (!opts.early && now < startsAt) throw forbidden(`this ${what} opens at ${at(startsAt)}; come back then`, 'not-yet')
}

/** The guest's pass, when `member` is a guest whose pass has ended at `now` (null otherwise). */
export async function endedPass(app: FastifyInstance, member: MemberRecord, now: number): Promise<GuestPass | null> {
  if (member.role !== 'guest') return null
  const pass = await app.store.guestPass(member.workspaceId, member.id)
  return pass && pass.endsAt <= now ? pass : null
}

/** Why a guest may not be in their room at `now` (before their event starts), or null. */
export function passRefusal(pass: GuestPass | null, now: number): string | null {
  if (!pass) return null
  if (now < pass.startsAt) return `you may come in from ${at(pass.startsAt)}`
  if (now >= pass.endsAt) return `your pass ended at ${at(pass.endsAt)}`
  return null
}

/**
 * Removes a guest whose pass has ended, through the removal path every removal takes (signed out,
 * shown out of LiveKit's lobby and rooms, then the record goes), then their account. Twice at once
 * is harmless.
 */
export async function removeGuest(app: FastifyInstance, pass: GuestPass): Promise<void> {
  const removal = (await app.store.beginRemoval(pass.workspaceId, pass.memberId, app.now())) ?? (await app.store.pendingRemoval(pass.workspaceId, pass.memberId))
  if (!removal) return
  await finishRemoval(app, pass.workspaceId, pass.memberId, pass.memberId)
  // The account was made for this pass alone: it goes too (see forgetGuestAccount).
  await app.store.forgetGuestAccount(removal.accountId)
}
