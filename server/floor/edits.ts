/** Applying edit batches for routes and for the server's own edits (desk assignment), then telling clients. */
import type { FastifyInstance } from 'fastify'
import { applyBatch, type OpError } from '../../protocol/floor/apply.ts'
import type { FloorOp } from '../../protocol/floor/ops.ts'
import type { Floor } from '../../protocol/floor/records.ts'
import { errorCodes } from '../../protocol/errors.ts'
import { newId } from '../auth/tokens.ts'
import { HttpError } from '../http-error.ts'
import type { EditOutcome } from '../store/store.ts'
import { unknownCompany } from '../companies/tag-check.ts'
import { announce } from './notices.ts'
import { privateOfficeRefusal, type Author } from './private-rules.ts'

export interface EditRequest {
  baseVersion: number
  batchId?: string | undefined
  ops: unknown[]
}

type Refusal = { ok: false; error: OpError }

export interface EditOptions {
  /**
   * A change the server makes for its own reasons (seating, freeing a removed member's desk and
   * offices), not a person's edit: the private-office rule (private-rules.ts) does not apply.
   */
  serverChange?: boolean
}

/**
 * Applies an edit batch as `authorId`. A person's batch that changes a private office's door
 * without the right to (private-rules.ts) throws a 403 naming the room and the field; whether it
 * comes as a live edit, a published draft or an import, it arrives here.
 */
export async function applyEdit(app: FastifyInstance, workspaceId: string, floorId: string, edit: EditRequest, authorId: string, opts: EditOptions = {}): Promise<EditOutcome> {
  const directory = await app.store.listMembers(workspaceId)
  const members = new Set(directory.map((m) => m.id))
  const companies = new Set((await app.store.listCompanies(workspaceId)).map((c) => c.id))
  // Someone not in the directory (the server itself) is held to the rule as a plain host would be.
  const author: Author = { id: authorId, role: directory.find((m) => m.id === authorId)?.role ?? 'host' }
  const batchId = edit.batchId ?? newId('batch', 16)
  // Set inside the store's transaction, read after it: a refusal of this rule is a 403, not a 400.
  const denied: { error: (OpError & { roomId: string }) | null } = { error: null }
  const outcome = await app.store.editFloor(
    workspaceId,
    floorId,
    { baseVersion: edit.baseVersion, batchId, ops: edit.ops, authorId, at: app.now() },
    (floor, ops, others) => {
      const refused = idUsedElsewhere(ops, others)
      if (refused) return refused
      const result = applyBatch(floor, ops, { isMember: (id) => members.has(id) })
      if (!result.ok) return result
      // The ops passed applyBatch's checks, so they are FloorOps.
      const held = deskHeldElsewhere(ops as FloorOp[], result.floor, others)
      if (held) return held
      const untagged = unknownCompany(ops as FloorOp[], companies)
      if (untagged) return { ok: false, error: untagged }
      denied.error = opts.serverChange ? null : privateOfficeRefusal(floor, result.floor, ops as FloorOp[], author)
      return denied.error ? { ok: false, error: denied.error } : result
    },
  )
  if (outcome.kind === 'invalid' && denied.error) {
    const { field, message, roomId } = denied.error
    throw new HttpError(403, { error: errorCodes.forbidden, message, field, objectId: roomId })
  }
  // Queued before this returns, so notices leave in the order the edits committed.
  if (outcome.kind === 'applied') void announce(app, workspaceId, { type: 'batch', floorId, version: outcome.version, batchId, ops: edit.ops as FloorOp[] })
  return outcome
}

/** A room's id names its media room across the workspace, so ids are unique across floors too. */
function idUsedElsewhere(ops: readonly unknown[], others: readonly Floor[]): Refusal | null {
  const elsewhere = new Set(others.flatMap((f) => [...f.rooms.map((r) => r.id), ...f.desks.map((d) => d.id)]))
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
 * One desk per member across the workspace: applyBatch holds the rule within a floor, this across
 * floors. Only assignments this batch makes are refused (an older double assignment is left alone),
 * each blamed on the last op that made it. Moving someone to another floor is therefore two edits:
 * free the old desk, then assign the new one.
 */
function deskHeldElsewhere(ops: readonly FloorOp[], after: Floor, others: readonly Floor[]): Refusal | null {
  const held = new Map<string, { deskId: string; floor: string }>()
  for (const floor of others) for (const d of floor.desks) if (d.assigneeId !== null) held.set(d.assigneeId, { deskId: d.id, floor: floor.name })
  if (held.size === 0) return null
  const assignedBy = new Map<string, { index: number; field: string }>()
  for (const [index, op] of ops.entries()) {
    if (op.op === 'desk.add') assignedBy.set(op.desk.id, { index, field: `ops[${index}].desk.assigneeId` })
    if (op.op === 'desk.update' && op.changes.assigneeId !== undefined) assignedBy.set(op.id, { index, field: `ops[${index}].changes.assigneeId` })
  }
  let first: OpError | null = null
  for (const desk of after.desks) {
    const by = assignedBy.get(desk.id)
    const other = desk.assigneeId === null ? undefined : held.get(desk.assigneeId)
    if (!by || !other || (first && first.index <= by.index)) continue
    const message = `${desk.assigneeId} already has desk ${other.deskId} on ${other.floor}; a member has one desk across all floors, so free that one first`
    first = { ...by, message }
  }
  return first && { ok: false, error: first }
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

/** Gives a member the first free assigned desk when they have none (see seatMembers). */
export function ensureDesk(app: FastifyInstance, workspaceId: string, memberId: string): Promise<void> {
  return seatMembers(app, workspaceId, [memberId], memberId)
}

/** Attempts at seating before giving up on floors that keep changing. */
const SEAT_ATTEMPTS = 5

/**
 * Gives each of these members without a desk anywhere a free assigned desk (a hot desk is anyone's
 * for the day, never assigned), in floor order, as at most one batch per floor however many they
 * are: one notice each, and a log that does not overflow when a floor of 500 goes. A batch that
 * loses a race (its floor changed, or one of its people was seated meanwhile) is planned again on
 * the floors as they are then. Whoever finds no free desk is left without; clients say so.
 */
export async function seatMembers(app: FastifyInstance, workspaceId: string, memberIds: readonly string[], authorId: string): Promise<void> {
  let waiting = [...new Set(memberIds)]
  for (let attempt = 0; attempt < SEAT_ATTEMPTS && waiting.length > 0; attempt++) {
    const [floors, members] = await Promise.all([app.store.listFloors(workspaceId), app.store.listMembers(workspaceId)])
    // Guests have no desk; someone removed meanwhile needs none.
    const seatable = new Set(members.filter((m) => m.role !== 'guest').map((m) => m.id))
    const plan = planSeats(floors, waiting.filter((id) => seatable.has(id)))
    const outcomes = await Promise.all(plan.map((p) => applyEdit(app, workspaceId, p.floor.id, { baseVersion: p.floor.version, ops: p.ops }, authorId)))
    waiting = plan.flatMap((p, i) => (outcomes[i]!.kind === 'applied' ? [] : p.seated))
  }
  if (waiting.length > 0) app.log.warn({ workspaceId, members: waiting.length }, 'gave up seating members: their floors kept changing')
}

/** Free assigned desks for those who have none, first floor first: one batch per floor with any. */
function planSeats(floors: readonly Floor[], memberIds: readonly string[]): { floor: Floor; ops: FloorOp[]; seated: string[] }[] {
  const seated = new Set(floors.flatMap((f) => f.desks.flatMap((d) => (d.assigneeId === null ? [] : [d.assigneeId]))))
  const queue = memberIds.filter((id) => !seated.has(id))
  const plan: { floor: Floor; ops: FloorOp[]; seated: string[] }[] = []
  for (const floor of floors) {
    const free = floor.desks.filter((d) => d.assigneeId === null && d.hot !== true).slice(0, queue.length)
    if (free.length === 0) continue
    const people = queue.splice(0, free.length)
    plan.push({ floor, seated: people, ops: free.map((d, i) => ({ op: 'desk.update', id: d.id, changes: { assigneeId: people[i]! } })) })
  }
  return plan
}
