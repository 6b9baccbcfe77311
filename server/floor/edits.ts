/** Applying edit batches for routes and for the server's own edits (desk assignment), then telling clients. */
import type { FastifyInstance } from 'fastify'
import { applyBatch } from '../../protocol/floor/apply.ts'
import type { FloorOp } from '../../protocol/floor/ops.ts'
import type { Floor } from '../../protocol/floor/records.ts'
import { newId } from '../auth/tokens.ts'
import type { EditOutcome } from '../store/store.ts'
import { announce } from './notices.ts'

export interface EditRequest {
  baseVersion: number
  batchId?: string | undefined
  ops: unknown[]
}

export async function applyEdit(app: FastifyInstance, workspaceId: string, floorId: string, edit: EditRequest, authorId: string): Promise<EditOutcome> {
  const [memberList, floors] = await Promise.all([app.store.listMembers(workspaceId), app.store.listFloors(workspaceId)])
  const members = new Set(memberList.map((m) => m.id))
  // A room's id names its media room across the workspace, so ids are unique across floors too.
  const elsewhere = new Set(floors.filter((f) => f.id !== floorId).flatMap((f) => [...f.rooms.map((r) => r.id), ...f.desks.map((d) => d.id)]))
  const batchId = edit.batchId ?? newId('batch', 16)
  const outcome = await app.store.editFloor(
    workspaceId,
    floorId,
    { baseVersion: edit.baseVersion, batchId, ops: edit.ops, authorId, at: app.now() },
    (floor, ops) => idUsedElsewhere(ops, elsewhere) ?? applyBatch(floor, ops, { isMember: (id) => members.has(id) }),
  )
  // Queued before this returns, so notices leave in the order the edits committed. The ops passed
  // applyBatch's checks, so they are FloorOps.
  if (outcome.kind === 'applied') void announce(app, workspaceId, { type: 'batch', floorId, version: outcome.version, batchId, ops: edit.ops as FloorOp[] })
  return outcome
}

function idUsedElsewhere(ops: readonly unknown[], elsewhere: ReadonlySet<string>): { ok: false; error: { index: number; field: string; message: string } } | null {
  for (const [index, raw] of ops.entries()) {
    const op = raw as { op?: unknown; room?: { id?: unknown }; desk?: { id?: unknown } }
    const kind = op.op === 'room.add' ? 'room' : op.op === 'desk.add' ? 'desk' : null
    const id = kind ? op[kind]?.id : undefined
    if (kind && typeof id === 'string' && elsewhere.has(id)) {
      return { ok: false, error: { index, field: `ops[${index}].${kind}.id`, message: `${op.op}: id ${id} is already used on another floor of this workspace` } }
    }
  }
  return null
}

/**
 * Tells the lobby the workspace's floors as they are now (id, name, version, in position order),
 * after one was added, removed or reordered. It leaves behind the notices already queued.
 */
export function announceFloorVersions(app: FastifyInstance, workspaceId: string): Promise<void> {
  return announce(app, workspaceId, { type: 'floors' })
}

export const deskOf = (floors: readonly Floor[], memberId: string): string | null => {
  for (const floor of floors) for (const desk of floor.desks) if (desk.assigneeId === memberId) return desk.id
  return null
}

/**
 * Gives a member the first free assigned desk when they have none (a hot desk is anyone's for the
 * day, never assigned); retries when a concurrent edit wins.
 */
export async function ensureDesk(app: FastifyInstance, workspaceId: string, memberId: string): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const floors = await app.store.listFloors(workspaceId)
    if (deskOf(floors, memberId)) return
    const target = floors.map((f) => ({ floor: f, desk: f.desks.find((d) => d.assigneeId === null && d.hot !== true) })).find((x) => x.desk)
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
