/** Applying edit batches for routes and for the server's own edits (desk assignment), then telling clients. */
import type { FastifyInstance } from 'fastify'
import { applyBatch } from '../../protocol/floor/apply.ts'
import type { Floor } from '../../protocol/floor/records.ts'
import { newId } from '../auth/tokens.ts'
import type { EditOutcome } from '../store/store.ts'

export interface EditRequest {
  baseVersion: number
  batchId?: string | undefined
  ops: unknown[]
}

export async function applyEdit(app: FastifyInstance, workspaceId: string, floorId: string, edit: EditRequest, authorId: string): Promise<EditOutcome> {
  const members = new Set((await app.store.listMembers(workspaceId)).map((m) => m.id))
  const outcome = await app.store.editFloor(
    workspaceId,
    floorId,
    { baseVersion: edit.baseVersion, batchId: edit.batchId ?? newId('batch', 16), ops: edit.ops, authorId, at: app.now() },
    (floor, ops) => applyBatch(floor, ops, { isMember: (id) => members.has(id) }),
  )
  if (outcome.kind === 'applied') void announceFloorVersions(app, workspaceId)
  return outcome
}

/**
 * Per LiveKit connection and workspace: the announcement in flight, and whether another is owed
 * after it. Keyed by `app.rooms`, which every route plugin shares (their `app`s are not the same).
 */
const lanes = new WeakMap<object, Map<string, { again: boolean; done: Promise<void> }>>()

/**
 * Puts the floor versions into the lobby's metadata; clients seeing a newer version catch up.
 * Announcements of one workspace run one at a time, each reading the versions afresh, and edits
 * landing meanwhile fold into one more run: concurrent RoomService calls could arrive out of order
 * and leave the lobby showing an older version than the floor's.
 */
export function announceFloorVersions(app: FastifyInstance, workspaceId: string): Promise<void> {
  let byWorkspace = lanes.get(app.rooms)
  if (!byWorkspace) lanes.set(app.rooms, (byWorkspace = new Map()))
  const running = byWorkspace.get(workspaceId)
  if (running) {
    running.again = true
    return running.done
  }
  const lane = { again: false, done: Promise.resolve() }
  lane.done = (async () => {
    try {
      do {
        lane.again = false
        await publishFloorVersions(app, workspaceId)
      } while (lane.again)
    } finally {
      byWorkspace.delete(workspaceId)
    }
  })()
  byWorkspace.set(workspaceId, lane)
  return lane.done
}

async function publishFloorVersions(app: FastifyInstance, workspaceId: string): Promise<void> {
  try {
    const floors = await app.store.listFloors(workspaceId)
    await app.rooms.publishFloorVersions(workspaceId, Object.fromEntries(floors.map((f) => [f.id, f.version])))
  } catch (err) {
    app.log.warn({ err, workspaceId }, 'could not announce floor versions to the lobby')
  }
}

export const deskOf = (floors: readonly Floor[], memberId: string): string | null => {
  for (const floor of floors) for (const desk of floor.desks) if (desk.assigneeId === memberId) return desk.id
  return null
}

/** Gives a member the first free desk when they have none; retries when a concurrent edit wins. */
export async function ensureDesk(app: FastifyInstance, workspaceId: string, memberId: string): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const floors = await app.store.listFloors(workspaceId)
    if (deskOf(floors, memberId)) return
    const target = floors.map((f) => ({ floor: f, desk: f.desks.find((d) => d.assigneeId === null) })).find((x) => x.desk)
    if (!target?.desk) return
    const outcome = await applyEdit(
      app,
      workspaceId,
      target.floor.id,
      { baseVersion: target.floor.version, ops: [{ op: 'desk.update', id: target.desk.id, changes: { assigneeId: memberId } }] },
      memberId,
    )
    if (outcome.kind !== 'conflict') return
  }
}
