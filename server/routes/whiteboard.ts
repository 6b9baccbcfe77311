/**
 * Issue 14: each room's whiteboard. The people in the room draw together over the room's LiveKit
 * connection; each of them saves here, a little after drawing, and the server merges the saves
 * into one board with its past versions (server/whiteboard/board.ts). Whoever the room's door lets
 * in reads it; everyone else gets 404. A thumbnail (a PNG the clients render) shows the board to
 * people outside the room.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { WorkspaceParams } from '../../protocol/api.ts'
import { ErrorBodySchema, errorCodes } from '../../protocol/errors.ts'
import { RoomIdSchema } from '../../protocol/floor/records.ts'
import { BoardSchema, BoardVersionsSchema, MAX_BOARD_BYTES, MAX_THUMBNAIL_BYTES, SaveBoardBody } from '../../protocol/whiteboard.ts'
import { authenticate, inWorkspace } from '../auth/authenticate.ts'
import { sniff } from '../chat/sniff.ts'
import { HttpError, notFound } from '../http-error.ts'
import { boardRoom, saveBoard, toBoard } from '../whiteboard/board.ts'

const errors = { 400: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema, 413: ErrorBodySchema, 415: ErrorBodySchema }
const Params = Type.Object({ ws: WorkspaceParams.properties.ws, room: RoomIdSchema })
const VersionParams = Type.Object({ ws: WorkspaceParams.properties.ws, room: RoomIdSchema, version: Type.Integer({ minimum: 1 }) })

const whiteboardRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/workspaces/:ws/whiteboards/:room', {
    preHandler: authenticate,
    schema: { summary: 'A room’s whiteboard as last saved (version 0: nothing drawn yet)', params: Params, response: { 200: BoardSchema, ...errors } },
  }, async (request) => {
    const { member } = inWorkspace(request, request.params.ws)
    const room = await boardRoom(app, member, request.params.room)
    return toBoard(room.id, await app.store.getWhiteboard(member.workspaceId, room.id))
  })

  app.put('/api/workspaces/:ws/whiteboards/:room', {
    preHandler: authenticate,
    bodyLimit: MAX_BOARD_BYTES + 1024,
    schema: { summary: 'Save into a room’s whiteboard: the elements are merged in (the newer version of each wins)', params: Params, body: SaveBoardBody, response: { 200: BoardSchema, ...errors } },
  }, async (request) => {
    const { member } = inWorkspace(request, request.params.ws)
    const room = await boardRoom(app, member, request.params.room)
    return saveBoard(app, member.workspaceId, room.id, request.body.elements, member.id)
  })

  app.get('/api/workspaces/:ws/whiteboards/:room/versions', {
    preHandler: authenticate,
    schema: { summary: 'A whiteboard’s kept versions, newest first', params: Params, response: { 200: BoardVersionsSchema, ...errors } },
  }, async (request) => {
    const { member } = inWorkspace(request, request.params.ws)
    const room = await boardRoom(app, member, request.params.room)
    const versions = await app.store.listWhiteboardVersions(member.workspaceId, room.id)
    return { versions: versions.map((v) => ({ version: v.version, savedAt: v.savedAt, savedBy: v.savedBy, elements: v.drawn })) }
  })

  app.get('/api/workspaces/:ws/whiteboards/:room/versions/:version', {
    preHandler: authenticate,
    schema: { summary: 'One kept version of a whiteboard', params: VersionParams, response: { 200: BoardSchema, ...errors } },
  }, async (request) => {
    const { member } = inWorkspace(request, request.params.ws)
    const room = await boardRoom(app, member, request.params.room)
    const rec = await app.store.getWhiteboardVersion(member.workspaceId, room.id, request.params.version)
    if (!rec) throw notFound('version')
    return toBoard(room.id, rec)
  })

  await app.register(async (raw) => {
    // Here only: the thumbnail's body is bytes, whatever it claims to be.
    raw.removeAllContentTypeParsers()
    raw.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_THUMBNAIL_BYTES }, (_request, body, done) => done(null, body))
    raw.withTypeProvider().put('/api/workspaces/:ws/whiteboards/:room/thumbnail', {
      preHandler: authenticate,
      schema: { summary: 'Set a whiteboard’s thumbnail (raw PNG bytes, at most 256 kB)', params: Params, response: { 204: Type.Null(), ...errors } },
    }, async (request, reply) => {
      const { ws, room: roomId } = request.params as { ws: string; room: string }
      const { member } = inWorkspace(request, ws)
      const room = await boardRoom(app, member, roomId)
      const png = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0)
      if (sniff(png)?.type !== 'image/png') throw new HttpError(415, { error: errorCodes.badRequest, message: 'a thumbnail is a PNG image', field: 'body' })
      if (!(await app.store.setWhiteboardThumbnail(member.workspaceId, room.id, { png, at: app.now() }))) throw notFound('whiteboard')
      return reply.code(204).send()
    })
  })

  app.get('/api/workspaces/:ws/whiteboards/:room/thumbnail', {
    preHandler: authenticate,
    schema: { summary: 'A whiteboard’s thumbnail (PNG)', params: Params, response: { 404: ErrorBodySchema } },
  }, async (request, reply) => {
    const { member } = inWorkspace(request, request.params.ws)
    const room = await boardRoom(app, member, request.params.room)
    const thumbnail = await app.store.getWhiteboardThumbnail(member.workspaceId, room.id)
    if (!thumbnail) throw notFound('thumbnail')
    reply
      .header('content-type', 'image/png')
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "sandbox; default-src 'none'")
      .header('cache-control', 'private, no-cache')
    return reply.send(thumbnail.png as never)
  })
}

export default whiteboardRoutes
