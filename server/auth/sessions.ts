/** Opening a session for a member and shaping the signed-in answer shared by sign-in, sign-up and invites. */
import type { FastifyInstance } from 'fastify'
import type { SignedIn } from '../../protocol/api.ts'
import { toMember } from '../members.ts'
import type { MemberRecord, WorkspaceRecord } from '../store/store.ts'
import { hashSecret, newSecret } from './tokens.ts'

export async function openSession(app: FastifyInstance, member: MemberRecord, workspace: WorkspaceRecord): Promise<SignedIn> {
  const token = newSecret()
  const at = app.now()
  const expiresAt = at + Math.min(app.settings.sessionTtlMs, app.settings.sessionMaxAgeMs)
  await app.store.createSession(hashSecret(token), member.id, expiresAt, at)
  const floors = await app.store.listFloors(workspace.id)
  return {
    session: { token, expiresAt },
    member: toMember(member, floors, member),
    workspace: { id: workspace.id, name: workspace.name, createdAt: workspace.createdAt },
  }
}
