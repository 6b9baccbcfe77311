/**
 * Password guessing is limited wherever a password is checked against an account (sign-in,
 * and also opening a workspace or accepting an invite with an existing account's email, or a
 * password change), per client IP and per email. Counts live in the store, so every server
 * instance sees the same ones.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { errorCodes } from '../../protocol/errors.ts'
import { HttpError } from '../http-error.ts'

export const passwordLimits = { ipPerMinute: 60, emailPer15Minutes: 20 } as const

/** Records one password attempt for the caller's IP and `email`; 429 once either limit is passed. */
export async function limitPasswordAttempts(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply, email: string): Promise<void> {
  const now = app.now()
  const byIp = await app.store.countAttempt(`ip:${request.ip}`, now, now - 60_000)
  const byEmail = await app.store.countAttempt(`email:${email.toLowerCase()}`, now, now - 15 * 60_000)
  if (byIp > passwordLimits.ipPerMinute || byEmail > passwordLimits.emailPer15Minutes) {
    reply.header('retry-after', byIp > passwordLimits.ipPerMinute ? '60' : '900')
    throw new HttpError(429, { error: errorCodes.rateLimited, message: 'too many sign-in attempts; wait a while and try again' })
  }
}
