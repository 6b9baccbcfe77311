import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { CreateFloorBody, EditBatchSchema, EditResultSchema, FloorParams, FloorSchema, FloorsSchema, OpsSinceQuery, OpsSinceSchema, WorkspaceParams } from '../../protocol/api.ts'
import { ErrorBodySchema } from '../../protocol/errors.ts'
import { authenticate, inWorkspace } from '../auth/authenticate.ts'
import Type from 'typebox'
import { newId } from '../auth/tokens.ts'
import { announceFloorVersions, applyEdit } from '../floor/edits.ts'
import { badRequest, conflict, gone, notFound } from '../http-error.ts'

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/workspaces/:ws/floors',
    { preHandler: authenticate, schema: { summary: 'The floors of a workspace', params: WorkspaceParams, response: { 200: FloorsSchema } } },
    async (request) => {
      const { member } = inWorkspace(request, request.params.ws)
      const floors = await app.store.listFloors(member.workspaceId)
      return { floors: floors.map((f) => ({ id: f.id, name: f.name, version: f.version })) }
    },
  )

  app.post(
    '/api/workspaces/:ws/floors',
    { preHandler: authenticate, schema: { summary: 'Add a floor (hosts)', params: WorkspaceParams, body: CreateFloorBody, response: { 201: FloorSchema, 403: ErrorBodySchema } } },
    async (request, reply) => {
      const { member } = inWorkspace(request, request.params.ws, 'host')
      const floor = { id: newId('floor'), name: request.body.name, version: 0, width: request.body.width, height: request.body.height, rooms: [], desks: [] }
      await app.store.addFloor(member.workspaceId, floor)
      void announceFloorVersions(app, member.workspaceId)
      reply.code(201)
      return floor
    },
  )

  app.delete(
    '/api/workspaces/:ws/floors/:floor',
    { preHandler: authenticate, schema: { summary: 'Remove a floor (hosts)', params: FloorParams, response: { 204: Type.Null(), 404: ErrorBodySchema, 409: ErrorBodySchema } } },
    async (request, reply) => {
      const { member } = inWorkspace(request, request.params.ws, 'host')
      const result = await app.store.removeFloor(member.workspaceId, request.params.floor)
      if (result === 'not-found') throw notFound('floor')
      if (result === 'last') throw conflict('a workspace keeps at least one floor')
      void announceFloorVersions(app, member.workspaceId)
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
    {
      preHandler: authenticate,
      schema: {
        summary: 'Apply an edit batch (hosts)',
        params: FloorParams,
        body: EditBatchSchema,
        response: { 200: EditResultSchema, 400: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema },
      },
    },
    async (request) => {
      const { member } = inWorkspace(request, request.params.ws, 'host')
      const outcome = await applyEdit(app, member.workspaceId, request.params.floor, request.body, member.id)
      switch (outcome.kind) {
        case 'applied':
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
}

export default routes
