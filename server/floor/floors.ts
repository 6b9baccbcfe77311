/** Adding and removing whole floors: from a template or empty, and nobody stranded by a removal. */
import type { FastifyInstance } from 'fastify'
import type { CreateFloorBody } from '../../protocol/api.ts'
import type { Floor } from '../../protocol/floor/records.ts'
import { buildFloorFromTemplate } from '../../protocol/floor/templates.ts'
import { newId } from '../auth/tokens.ts'
import { badRequest } from '../http-error.ts'
import { announceFloorVersions } from './edits.ts'
import { settleFloorChange } from './settle.ts'

/** A new floor at version 0 with fresh ids: the template's (whose size wins), or empty of the given size. */
export function newFloor(body: CreateFloorBody): Floor {
  const id = newId('floor')
  if (body.template) return buildFloorFromTemplate(body.template, { floorId: id, name: body.name, newId: (prefix) => newId(prefix) })
  if (body.width === undefined) throw badRequest('an empty floor needs a width (or a template)', 'width')
  if (body.height === undefined) throw badRequest('an empty floor needs a height (or a template)', 'height')
  return { id, name: body.name, version: 0, width: body.width, height: body.height, rooms: [], desks: [] }
}

/**
 * Removes a floor, then moves its people: those in its rooms leave their media rooms, and those
 * with a desk on it get a free desk on the first floor that has one.
 */
export async function removeFloor(app: FastifyInstance, workspaceId: string, floorId: string): Promise<'removed' | 'last' | 'not-found'> {
  const result = await app.store.removeFloor(workspaceId, floorId)
  if (typeof result === 'string') return result
  void announceFloorVersions(app, workspaceId)
  await settleFloorChange(app, workspaceId, result.removed, null)
  return 'removed'
}
