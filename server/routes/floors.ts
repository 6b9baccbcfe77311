import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import {
  CreateFloorBody, DraftSchema, EditBatchSchema, EditResultSchema, FloorOrderBody, FloorParams, FloorSchema, FloorsSchema, OpsSinceQuery, OpsSinceSchema, PutDraftBody,
  WorkspaceParams,
} from '../../protocol/api.ts'
import { applyBatch } from '../../protocol/floor/apply.ts'
import type { FloorOp } from '../../protocol/floor/ops.ts'
import { floorLimits, type Floor } from '../../protocol/floor/records.ts'
import { ErrorBodySchema, errorCodes } from '../../protocol/errors.ts'
import { authenticate, inWorkspace } from '../auth/authenticate.ts'
import { publishDraft } from '../floor/drafts.ts'
import { privateOfficeRefusal } from '../floor/private-rules.ts'
import { announceFloorVersions, applyEdit } from '../floor/edits.ts'
import { newFloor, removeFloor } from '../floor/floors.ts'
import { settleFloorChange } from '../floor/settle.ts'
import { badRequest, conflict, gone, HttpError, notFound } from '../http-error.ts'
import type { DraftRecord } from '../store/store.ts'
import { officeDoorRoutes } from './office-door.ts'

const summaries = (floors: readonly Floor[]) => ({ floors: floors.map((f) => ({ id: f.id, name: f.name, version: f.version })) })
const draftOf = (d: DraftRecord) => ({ floorId: d.floorId, baseVersion: d.baseVersion, ops: d.ops, updatedAt: d.updatedAt })
const errors = { 400: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema }

const routes: FastifyPluginAsyncTypebox = async (app) => {
  // An office owner's own door, beside the hosts' floor edits.
  await app.register(officeDoorRoutes)

  app.get(
    '/api/workspaces/:ws/floors',
    { preHandler: authenticate, schema: { summary: 'The floors of a workspace, in order', params: WorkspaceParams, response: { 200: FloorsSchema } } },
    async (request) => {
      const { member } = inWorkspace(request, request.params.ws)
      return summaries(await app.store.listFloors(member.workspaceId))
    },
  )

  app.post(
    '/api/workspaces/:ws/floors',
    {
      preHandler: authenticate,
      schema: { summary: 'Add a floor, empty or from a template (hosts)', params: WorkspaceParams, body: CreateFloorBody, response: { 201: FloorSchema, 400: ErrorBodySchema, 403: ErrorBodySchema, 409: ErrorBodySchema } },
    },
    async (request, reply) => {
      const { member } = inWorkspace(request, request.params.ws, 'host')
      const floor = newFloor(request.body)
      if ((await app.store.addFloor(member.workspaceId, floor)) === 'full') throw conflict(`a workspace holds at most ${floorLimits.maxFloors} floors`)
      void announceFloorVersions(app, member.workspaceId)
      reply.code(201)
      return floor
    },
  )

  app.put(
    '/api/workspaces/:ws/floors/order',
    { preHandler: authenticate, schema: { summary: 'Reorder the floors (hosts)', params: WorkspaceParams, body: FloorOrderBody, response: { 200: FloorsSchema, ...errors } } },
    async (request) => {
      const { member } = inWorkspace(request, request.params.ws, 'host')
      const result = await app.store.reorderFloors(member.workspaceId, request.body.floorIds)
      if (result === 'mismatch') throw badRequest("floorIds must name each of the workspace's floors exactly once", 'floorIds')
      void announceFloorVersions(app, member.workspaceId)
      return summaries(await app.store.listFloors(member.workspaceId))
    },
  )

  app.delete(
    '/api/workspaces/:ws/floors/:floor',
    { preHandler: authenticate, schema: { summary: 'Remove a floor; its people move to the first floor (hosts)', params: FloorParams, response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      const { member } = inWorkspace(request, request.params.ws, 'host')
      const result = await removeFloor(app, member.workspaceId, request.params.floor)
      if (result === 'not-found') throw notFound('floor')
      if (result === 'last') throw conflict('a workspace keeps at least one floor')
      reply.code(204)
      return null
    },
  )

  app.get(
    '/api/workspaces/:ws/floors/:floor',
    { preHandler: authenticate, schema: { summary: 'A floor plan', params: FloorParams, response: { 200: FloorSchema, 404: ErrorBodySchema } } },
    async (request) => {
      const { member } = inWorkspace(request, request.params.ws)
      const floor = await app.store.getFloor(member.workspaceId, request.params.floor)
      if (!floor) throw notFound('floor')
      return floor
    },
  )

  app.get(
    '/api/workspaces/:ws/floors/:floor/ops',
    {
      preHandler: authenticate,
      schema: { summary: 'Edit batches since a version', params: FloorParams, querystring: OpsSinceQuery, response: { 200: OpsSinceSchema, 404: ErrorBodySchema, 410: ErrorBodySchema } },
    },
    async (request) => {
      const { member } = inWorkspace(request, request.params.ws)
      const result = await app.store.opsSince(member.workspaceId, request.params.floor, request.query.since)
      if (result === null) throw notFound('floor')
      if (result === 'gone') throw gone('the edit log no longer reaches that version; fetch the floor')
      return result
    },
  )

  app.post(
    '/api/workspaces/:ws/floors/:floor/edits',
    { preHandler: authenticate, schema: { summary: 'Apply an edit batch (hosts)', params: FloorParams, body: EditBatchSchema, response: { 200: EditResultSchema, ...errors } } },
    async (request) => {
      const { member } = inWorkspace(request, request.params.ws, 'host')
      const outcome = await applyEdit(app, member.workspaceId, request.params.floor, request.body, member.id)
      switch (outcome.kind) {
        case 'applied':
          await settleFloorChange(app, member.workspaceId, outcome.before, outcome.floor)
          return { version: outcome.version }
        case 'duplicate':
          return { version: outcome.version }
        case 'conflict':
          throw conflict(`the floor is at version ${outcome.currentVersion}; catch up and retry`, { currentVersion: outcome.currentVersion })
        case 'invalid':
          throw badRequest(outcome.error.message, outcome.error.field)
        case 'not-found':
          throw notFound('floor')
      }
    },
  )

  app.get(
    '/api/workspaces/:ws/floors/:floor/draft',
    { preHandler: authenticate, schema: { summary: "The caller's own draft of a floor (hosts)", params: FloorParams, response: { 200: DraftSchema, ...errors } } },
    async (request) => {
      const { member } = inWorkspace(request, request.params.ws, 'host')
      const draft = await app.store.getDraft(member.workspaceId, request.params.floor, member.id)
      if (!draft) throw notFound('draft')
      return draftOf(draft)
    },
  )

  app.put(
    '/api/workspaces/:ws/floors/:floor/draft',
    {
      preHandler: authenticate,
      schema: { summary: 'Save the whole draft; a current baseVersion rebases it (hosts)', params: FloorParams, body: PutDraftBody, response: { 200: DraftSchema, ...errors } },
    },
    async (request) => {
      const { member } = inWorkspace(request, request.params.ws, 'host')
      const members = new Set((await app.store.listMembers(member.workspaceId)).map((m) => m.id))
      // A draft that changes a private office's door without the right to is refused now, not at publish.
      const denied: { error: { field: string; message: string; roomId: string } | null } = { error: null }
      const outcome = await app.store.putDraft(member.workspaceId, request.params.floor, member.id, { ...request.body, at: app.now() }, (base, ops) => {
        const result = applyBatch(base, ops, { isMember: (id) => members.has(id) })
        if (!result.ok) return result
        denied.error = privateOfficeRefusal(base, result.floor, ops as FloorOp[], { id: member.id, role: member.role })
        return denied.error ? { ok: false, error: { index: -1, field: denied.error.field, message: denied.error.message } } : result
      })
      if (outcome.kind === 'invalid' && denied.error) {
        const { field, message, roomId } = denied.error
        throw new HttpError(403, { error: errorCodes.forbidden, message, field, objectId: roomId })
      }
      switch (outcome.kind) {
        case 'saved':
          return draftOf(outcome.draft)
        case 'conflict':
          throw conflict(`the floor is at version ${outcome.currentVersion}; rebase the draft on it`, { currentVersion: outcome.currentVersion })
        case 'invalid':
          throw badRequest(outcome.error.message, outcome.error.field)
        case 'not-found':
          throw notFound('floor')
      }
    },
  )

  app.delete(
    '/api/workspaces/:ws/floors/:floor/draft',
    { preHandler: authenticate, schema: { summary: "Discard the caller's draft (hosts)", params: FloorParams, response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      const { member } = inWorkspace(request, request.params.ws, 'host')
      if (!(await app.store.getFloor(member.workspaceId, request.params.floor))) throw notFound('floor')
      await app.store.deleteDraft(member.workspaceId, request.params.floor, member.id)
      reply.code(204)
      return null
    },
  )

  app.post(
    '/api/workspaces/:ws/floors/:floor/draft/publish',
    { preHandler: authenticate, schema: { summary: 'Publish the draft as one batch, rebased if the floor moved on (hosts)', params: FloorParams, response: { 200: EditResultSchema, ...errors } } },
    async (request) => {
      const { member } = inWorkspace(request, request.params.ws, 'host')
      const outcome = await publishDraft(app, member.workspaceId, request.params.floor, member.id)
      switch (outcome.kind) {
        case 'published':
          return { version: outcome.version }
        case 'no-draft':
          throw notFound('draft')
        case 'empty':
          throw badRequest('the draft holds no changes to publish', 'ops')
        case 'conflict':
          throw conflict(outcome.conflict.message, { objectId: outcome.conflict.objectId })
        case 'invalid':
          throw conflict(`the draft no longer applies: ${outcome.error.message}`, { field: outcome.error.field })
        case 'busy':
          throw conflict('the floor kept changing while publishing; try again')
      }
    },
  )
}

export default routes
