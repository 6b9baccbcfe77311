/**
 * Resolves `Authorization: Bearer <session>` to a member, with sliding expiry under an absolute
 * lifetime (settings.sessionMaxAgeMs after sign-in, however active); and workspace checks.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Role } from '../../protocol/api.ts'
import type { Auth } from '../context.ts'
import { forbidden, notFound, unauthorized } from '../http-error.ts'
import { atLeast } from '../../protocol/rules.ts'
import { endedPass } from '../community/guests.ts'
import { kickSweeper } from '../community/sweeper.ts'
import { hashSecret } from './tokens.ts'

/** Sessions are extended at most this often, so a busy client does not write on every request. */
const EXTEND_EVERY_MS = 60 * 60 * 1000

export async function authenticate(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  const header = request.headers.authorization
  const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : ''
  if (!token) throw unauthorized()
  const { store, settings, now } = request.server
  const tokenHash = hashSecret(token)
  const session = await store.getSession(tokenHash)
  const at = now()
  const endsAt = session ? session.createdAt + settings.sessionMaxAgeMs : 0
  if (!session || session.expiresAt <= at || endsAt <= at) throw unauthorized('your session has ended; sign in again')
  const { member } = session
  // A guest's pass (issue 13) ends their access at its end, even before the sweeper has removed them.
  if (member.role === 'guest' && (await endedPass(request.server, member, at))) {
    kickSweeper(request.server)
    throw unauthorized('your guest pass has ended')
  }
  if (session.expiresAt - at < settings.sessionTtlMs - EXTEND_EVERY_MS && session.expiresAt < endsAt) {
    await store.extendSession(tokenHash, Math.min(at + settings.sessionTtlMs, endsAt))
  }
  request.auth = { member, tokenHash }
}

export function authOf(request: FastifyRequest): Auth {
  if (!request.auth) throw unauthorized()
  return request.auth
}

/** The caller's membership of workspace `ws` with at least `role`; another workspace is a 404. */
export function inWorkspace(request: FastifyRequest, ws: string, role: Role = 'guest'): Auth {
  const auth = authOf(request)
  if (auth.member.workspaceId !== ws) throw notFound('workspace')
  if (!atLeast(auth.member.role, role)) throw forbidden(`this needs the ${role} role or higher`)
  return auth
}
