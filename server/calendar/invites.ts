/** Who may be invited to an event: members of its workspace (not guests, whose pass is one room and one window). */
import type { FastifyInstance } from 'fastify'
import { badRequest } from '../http-error.ts'

export async function checkInvited(app: FastifyInstance, ws: string, invited: readonly string[]): Promise<void> {
  if (invited.length === 0) return
  const members = new Map((await app.store.listMembers(ws)).filter((m) => m.removingSince == null).map((m) => [m.id, m]))
  const stranger = invited.find((id) => members.get(id)?.role === undefined || members.get(id)?.role === 'guest')
  if (stranger) throw badRequest(`${stranger} is not a member of this workspace who can be invited`, 'invited')
}
