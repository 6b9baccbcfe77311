/**
 * Checking a password against an account, wherever a route does: under the failure lockouts
 * (rate-limit.ts), at the same cost for an unknown email, and with a transparent rehash when the
 * account's hash is cheaper than today's cost (passwords.ts).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AccountRecord } from '../store/store.ts'
import { decoyHash, hashPassword, needsRehash, verifyPassword } from './passwords.ts'
import { passwordGuard } from './rate-limit.ts'

/**
 * Whether `password` is `account`'s (false for no account, after the same work). A failure counts
 * toward the lockouts; while they hold, this throws 429 without checking anything.
 */
export async function passwordAccepted(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  email: string,
  password: string,
  account: AccountRecord | null,
): Promise<boolean> {
  const cost = app.settings.passwordCost
  const guard = await passwordGuard(app, request, reply, email)
  try {
    const ok = await verifyPassword(password, account?.passwordHash ?? (await decoyHash(cost)))
    if (!account || !ok) {
      await guard.failed()
      return false
    }
    // The password is at hand only now: hash it again at today's cost, once per older account.
    if (needsRehash(account.passwordHash, cost)) await app.store.updateAccount(account.id, { passwordHash: await hashPassword(password, cost) })
    return true
  } finally {
    guard.release()
  }
}
