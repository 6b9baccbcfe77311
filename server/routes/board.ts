/**
 * Issue 14: the board of who works on what. Members read the whole board and anyone's history,
 * and write only their own line and tasks; guests neither read nor write it (a guest visits a
 * room, the board is the space's own business). Each change goes to members live (server/board/).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { BOARD_LIMITS, BoardEntrySchema, BoardHistorySchema, BoardLineBody, BoardMemberParams, BoardParams, BoardSchema, BoardTasksBody } from '../../protocol/board.ts'
import { ErrorBodySchema, errorCodes } from '../../protocol/errors.ts'
import { authenticate, inWorkspace } from '../auth/authenticate.ts'
import { announceBoardEntry } from '../board/announce.ts'
import type { BlobStore } from '../chat/blobs.ts'
import { HttpError, badRequest, notFound } from '../http-error.ts'
import type { BoardUpdate } from '../store/board-store.ts'

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema }
const writeErrors = { ...errors, 429: ErrorBodySchema }

/** A real calendar day: "2026-02-30" matches the pattern but is no date. */
const isDay = (text: string) => {
  const d = new Date(`${text}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text
}

const board: FastifyPluginAsyncTypebox<{ blobs: BlobStore }> = async (app) => {
  /** Each write costs a notice to every member: a member writing in a loop is slowed down, not the whole office. */
  const limit = async (workspaceId: string, memberId: string) => {
    const now = app.now()
    const hits = await app.store.countHit(`board:${workspaceId}:${memberId}`, BOARD_LIMITS.rate.windowMs, now)
    if (hits.count > BOARD_LIMITS.rate.limit) {
      throw new HttpError(429, { error: errorCodes.rateLimited, message: `too many board changes; wait ${Math.ceil((hits.resetAt - now) / 60_000)} min`, until: hits.resetAt })
    }
  }
  const update = async (workspaceId: string, memberId: string, change: BoardUpdate) => {
    const result = await app.store.updateBoardEntry(workspaceId, memberId, change, app.now(), BOARD_LIMITS.history)
    if (!result) throw notFound('member')
    if (result.changed) void announceBoardEntry(app, workspaceId, result.entry)
    return result.entry
  }

  app.get(
    '/api/workspaces/:ws/board',
    { preHandler: authenticate, schema: { summary: "Everyone's working-on line and pinned tasks (members)", params: BoardParams, response: { 200: BoardSchema, ...errors } } },
    async (request) => {
      const { member } = inWorkspace(request, request.params.ws, 'member')
      const [entries, members] = await Promise.all([app.store.listBoard(member.workspaceId), app.store.listMembers(member.workspaceId)])
      // A member on their way out, or made a guest since, is off the board.
      const shown = new Set(members.filter((m) => m.role !== 'guest' && m.removingSince == null).map((m) => m.id))
      return { entries: entries.filter((e) => shown.has(e.memberId)) }
    },
  )

  app.put(
    '/api/workspaces/:ws/board/line',
    {
      preHandler: authenticate,
      schema: { summary: 'Set your own working-on line and its link; since when is set when the text changes (members)', params: BoardParams, body: BoardLineBody, response: { 200: BoardEntrySchema, ...writeErrors } },
    },
    async (request) => {
      const { member } = inWorkspace(request, request.params.ws, 'member')
      await limit(member.workspaceId, member.id)
      return update(member.workspaceId, member.id, { kind: 'line', text: request.body.text.trim(), link: request.body.link ?? null })
    },
  )

  app.put(
    '/api/workspaces/:ws/board/tasks',
    {
      preHandler: authenticate,
      schema: { summary: `Pin your own tasks, all of them: up to ${BOARD_LIMITS.tasks}, each to do, doing or done, with an optional due date (members)`, params: BoardParams, body: BoardTasksBody, response: { 200: BoardEntrySchema, ...writeErrors } },
    },
    async (request) => {
      const { member } = inWorkspace(request, request.params.ws, 'member')
      await limit(member.workspaceId, member.id)
      const { tasks } = request.body
      if (tasks.length > BOARD_LIMITS.tasks) throw badRequest(`a member pins up to ${BOARD_LIMITS.tasks} tasks (${tasks.length} given): unpin one first`, 'tasks')
      const clean = tasks.map((t, i) => {
        const title = t.title.trim()
        if (!title) throw badRequest(`tasks.${i}.title is empty`, `tasks.${i}.title`)
        if (t.due !== null && !isDay(t.due)) throw badRequest(`tasks.${i}.due is no calendar day (${t.due})`, `tasks.${i}.due`)
        return { ...t, title }
      })
      return update(member.workspaceId, member.id, { kind: 'tasks', tasks: clean })
    },
  )

  app.get(
    '/api/workspaces/:ws/board/history/:member',
    {
      preHandler: authenticate,
      schema: { summary: `A member's last ${BOARD_LIMITS.history} board changes, newest first (members)`, params: BoardMemberParams, response: { 200: BoardHistorySchema, ...errors } },
    },
    async (request) => {
      const { member } = inWorkspace(request, request.params.ws, 'member')
      const subject = await app.store.getMember(member.workspaceId, request.params.member)
      if (!subject) throw notFound('member')
      return { memberId: subject.id, changes: await app.store.boardHistory(member.workspaceId, subject.id) }
    },
  )
}

export default board
