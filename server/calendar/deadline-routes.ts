/**
 * All-day deadlines (issue 14): for the whole space (hosts set them) or for one company (hosts, or
 * that company's admins). A member sees the space's and their company's; hosts see all. Guests,
 * whose pass is one room and one window, see none.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { WorkspaceParams } from '../../protocol/api.ts'
import { CreateDeadlineBody, DeadlineIdSchema, DeadlineSchema, DeadlinesSchema } from '../../protocol/calendar.ts'
import { ErrorBodySchema } from '../../protocol/errors.ts'
import { atLeast } from '../../protocol/rules.ts'
import { authenticate, inWorkspace } from '../auth/authenticate.ts'
import { newId } from '../auth/tokens.ts'
import { announceDeadline } from '../community/notices.ts'
import { badRequest, forbidden, notFound } from '../http-error.ts'
import type { DeadlineRecord } from '../store/calendar-store.ts'
import type { MemberRecord } from '../store/store.ts'

const errors = { 400: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema }
const DeadlineParams = Type.Object({ ws: Type.String(), id: DeadlineIdSchema })

export const deadlineRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const noGuests = (m: MemberRecord) => {
    if (m.role === 'guest') throw forbidden('guests take part in the room they were invited to, not the calendar')
  }
  /** Whether `m` may set or remove a deadline of `companyId` (null: the whole space). */
  const mayManage = async (m: MemberRecord, companyId: string | null) => {
    if (atLeast(m.role, 'host')) return true
    if (companyId === null) return false
    const mine = await app.store.companyOfMember(m.workspaceId, m.id)
    return mine?.companyId === companyId && mine.admin
  }
  /** The deadlines `m` sees. */
  const visible = async (m: MemberRecord, all: DeadlineRecord[]) => {
    if (atLeast(m.role, 'host')) return all
    const mine = (await app.store.companyOfMember(m.workspaceId, m.id))?.companyId ?? null
    return all.filter((d) => d.companyId === null || d.companyId === mine)
  }

  app.get(
    '/api/workspaces/:ws/calendar/deadlines',
    { preHandler: authenticate, schema: { summary: 'The deadlines this member sees: the space’s and their company’s', params: WorkspaceParams, response: { 200: DeadlinesSchema, ...errors } } },
    async (request) => {
      const { member } = inWorkspace(request, request.params.ws)
      noGuests(member)
      return { deadlines: await visible(member, await app.store.listDeadlines(member.workspaceId)) }
    },
  )

  app.post(
    '/api/workspaces/:ws/calendar/deadlines',
    { preHandler: authenticate, schema: { summary: 'Set an all-day deadline (hosts; a company’s admins for their company)', params: WorkspaceParams, body: CreateDeadlineBody, response: { 201: DeadlineSchema, ...errors } } },
    async (request, reply) => {
      const { member } = inWorkspace(request, request.params.ws)
      noGuests(member)
      const companyId = request.body.companyId ?? null
      if (companyId && !(await app.store.getCompany(member.workspaceId, companyId))) throw badRequest(`no company ${companyId} in this workspace`, 'companyId')
      if (!(await mayManage(member, companyId))) throw forbidden(companyId ? 'only hosts and the company’s admins set its deadlines' : 'only hosts set deadlines for the whole space')
      const d: DeadlineRecord = { id: newId('dl', 16), title: request.body.title.trim(), day: request.body.day, companyId, createdBy: member.id, createdAt: app.now() }
      if (Number.isNaN(Date.parse(`${d.day}T00:00:00Z`))) throw badRequest(`${d.day} is not a day of the calendar`, 'day')
      await app.store.createDeadline(member.workspaceId, d)
      await announceDeadline(app, member.workspaceId, d)
      reply.code(201)
      return d
    },
  )

  app.delete(
    '/api/workspaces/:ws/calendar/deadlines/:id',
    { preHandler: authenticate, schema: { summary: 'Remove a deadline (hosts; the company’s admins; who set it)', params: DeadlineParams, response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      const { member } = inWorkspace(request, request.params.ws)
      noGuests(member)
      const d = await app.store.getDeadline(member.workspaceId, request.params.id)
      if (!d || !(await visible(member, [d])).length) throw notFound('deadline')
      if (d.createdBy !== member.id && !(await mayManage(member, d.companyId))) throw forbidden('only hosts, the company’s admins, or who set it remove a deadline')
      await app.store.deleteDeadline(member.workspaceId, d.id)
      await announceDeadline(app, member.workspaceId, d, true)
      reply.code(204)
      return null
    },
  )
}
