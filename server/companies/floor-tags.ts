/**
 * A removed company's tags on rooms and desks (issue 13) are cleared through the ordinary edit
 * path, so every client sees it live and its company-only rooms open again.
 */
import type { FastifyInstance } from 'fastify'
import { applyEdit } from '../floor/edits.ts'

/** Clears `companyId` (and company-only) from every room and desk tagged with the company, on every floor. */
export async function clearCompanyTags(app: FastifyInstance, workspaceId: string, companyId: string, authorId: string): Promise<void> {
  for (const { id: floorId } of await app.store.listFloors(workspaceId)) {
    for (let attempt = 0; ; attempt++) {
      const floor = await app.store.getFloor(workspaceId, floorId)
      if (!floor) break
      const ops = [
        ...floor.rooms.filter((r) => r.companyId === companyId).map((r) => ({ op: 'room.update', id: r.id, changes: { companyId: null, companyOnly: false } })),
        ...floor.desks.filter((d) => d.companyId === companyId).map((d) => ({ op: 'desk.update', id: d.id, changes: { companyId: null } })),
      ]
      if (ops.length === 0) break
      const outcome = await applyEdit(app, workspaceId, floorId, { baseVersion: floor.version, ops }, authorId, { serverChange: true })
      if (outcome.kind !== 'conflict') break
      // Someone edited the floor meanwhile: read it again and clear what is still tagged.
      if (attempt >= 4) throw new Error(`could not clear ${companyId} from ${floorId}: the floor kept changing`)
    }
  }
}
