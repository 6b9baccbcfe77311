/**
 * How fast one member may write to shelves (issue 14): notes, edits, comments and removals each
 * reach everyone who sees the shelf as a notice, and files fill the attachments store. A member
 * writing in a loop is slowed down (429 naming the wait), not the office. Counted per member in
 * the store (countHit), so every server instance of a cluster counts the same hits.
 */
import type { FastifyInstance } from 'fastify'
import { errorCodes } from '../../protocol/errors.ts'
import { SHELF_LIMITS } from '../../protocol/shelf.ts'
import { HttpError } from '../http-error.ts'
import type { MemberRecord } from '../store/store.ts'

export async function limitShelfWrites(app: FastifyInstance, member: MemberRecord, kind: 'write' | 'file'): Promise<void> {
  const { limit, windowMs } = kind === 'file' ? SHELF_LIMITS.fileRate : SHELF_LIMITS.writeRate
  const now = app.now()
  const hits = await app.store.countHit(`shelf-${kind}:${member.workspaceId}:${member.id}`, windowMs, now)
  if (hits.count <= limit) return
  const what = kind === 'file' ? `more than ${limit} files` : `more than ${limit} notes, edits and comments`
  throw new HttpError(429, { error: errorCodes.rateLimited, message: `${what} on shelves in 10 minutes; wait ${Math.ceil((hits.resetAt - now) / 60_000)} min`, until: hits.resetAt })
}
