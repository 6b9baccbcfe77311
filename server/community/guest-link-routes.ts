/**
 * Guest links (issue 13): a host, or a company admin for their company's rooms, makes a link for one
 * room and a time window; someone outside opens it in a browser and joins with a name only, as a
 * guest whose pass lasts until the window ends. Outside the window the link is refused and says why.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { normalizeIP } from '@fastify/rate-limit'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import Type from 'typebox'
import { SignedInSchema, WorkspaceParams } from '../../protocol/api.ts'
import { CreateGuestLinkBody, GuestLinkIdSchema, GuestLinkInfoSchema, GuestLinksSchema, JoinAsGuestBody, LinkCodeSchema, MAX_WINDOW_MS, NewGuestLinkSchema } from '../../protocol/community.ts'
import { ErrorBodySchema } from '../../protocol/errors.ts'
import { atLeast } from '../../protocol/rules.ts'
import { authenticate, inWorkspace } from '../auth/authenticate.ts'
import { tooMany } from '../auth/limit-store.ts'
import { openSession } from '../auth/sessions.ts'
import { hashSecret, newId, newSecret } from '../auth/tokens.ts'
import { badRequest, forbidden, gone, notFound } from '../http-error.ts'
import { findRoom } from '../room-moderation.ts'
import type { GuestLinkRecord } from '../store/community-store.ts'
import type { MemberRecord } from '../store/store.ts'
import { checkWindow, guestMember } from './guests.ts'
import { kickSweeper } from './sweeper.ts'

const errors = { 400: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema }
const CodeParams = Type.Object({ code: LinkCodeSchema })
const LinkParams = Type.Object({ ws: Type.String(), id: GuestLinkIdSchema })

/** Joining from a public link: per address, so that a leaked link cannot be used to fill a workspace. */
export const guestJoinLimit = {
  max: 30,
  timeWindow: 10 * 60_000,
  keyGenerator: (request: FastifyRequest) => `guest-join:${normalizeIP(request.ip)}`,
  errorResponseBuilder: () => tooMany('too many guests joined from this address; try again later'),
}

export const publicBase = (app: FastifyInstance, request: FastifyRequest) => app.settings.publicUrl ?? `${request.protocol}://${request.host}`

const toWire = ({ id, roomId, startsAt, endsAt, createdBy, createdAt }: GuestLinkRecord, present: Set<string>) =>
  ({ id, roomId, startsAt, endsAt, createdBy: present.has(createdBy) ? createdBy : null, createdAt })

export const guestLinkRoutes: FastifyPluginAsyncTypebox = async (app) => {
  /** Hosts make links for any room; a company admin for their company's rooms only (helper A's store). */
  const mayLink = async (member: MemberRecord, roomId: string): Promise<boolean> => {
    if (atLeast(member.role, 'host')) return true
    if (member.role !== 'member') return false
    const company = await app.store.companyOfMember(member.workspaceId, member.id)
    if (!company?.admin) return false
    const { room } = await findRoom(app, member.workspaceId, roomId)
    return (room as { companyId?: string | null }).companyId === company.companyId
  }
  const mayList = async (member: MemberRecord) => atLeast(member.role, 'host') || (member.role === 'member' && !!(await app.store.companyOfMember(member.workspaceId, member.id))?.admin)

  app.post(
    '/api/workspaces/:ws/guest-links',
    { preHandler: authenticate, schema: { summary: 'Make a guest link for one room and a time window (hosts, company admins)', params: WorkspaceParams, body: CreateGuestLinkBody, response: { 201: NewGuestLinkSchema, ...errors } } },
    async (request, reply) => {
      const { member } = inWorkspace(request, request.params.ws, 'member')
      const { roomId, startsAt, endsAt } = request.body
      const floors = await app.store.listFloors(member.workspaceId)
      if (!floors.some((f) => f.rooms.some((r) => r.id === roomId))) throw badRequest(`no room ${roomId} in this workspace`, 'roomId')
      if (!(await mayLink(member, roomId))) throw forbidden('only hosts, or a company admin for their company’s rooms, make guest links')
      if (endsAt <= startsAt) throw badRequest('the window must end after it starts', 'endsAt')
      if (endsAt <= app.now()) throw badRequest('the window has ended already', 'endsAt')
      if (endsAt - startsAt > MAX_WINDOW_MS) throw badRequest('a guest link lasts at most 31 days', 'endsAt')
      const code = newSecret()
      const link = { id: newId('gl', 16), workspaceId: member.workspaceId, roomId, startsAt, endsAt, createdBy: member.id, createdAt: app.now() }
      await app.store.createGuestLink(hashSecret(code), link)
      reply.code(201)
      return { link: toWire({ ...link, revokedAt: null }, new Set([member.id])), code, url: `${publicBase(app, request)}/#/guest/${code}` }
    },
  )

  app.get(
    '/api/workspaces/:ws/guest-links',
    { preHandler: authenticate, schema: { summary: 'Guest links still usable, never their codes (hosts, company admins: their own)', params: WorkspaceParams, response: { 200: GuestLinksSchema, ...errors } } },
    async (request) => {
      const { member } = inWorkspace(request, request.params.ws, 'member')
      if (!(await mayList(member))) throw forbidden('only hosts and company admins see guest links')
      const [links, members] = await Promise.all([app.store.listGuestLinks(member.workspaceId, app.now()), app.store.listMembers(member.workspaceId)])
      const present = new Set(members.map((m) => m.id))
      const mine = atLeast(member.role, 'host') ? links : links.filter((l) => l.createdBy === member.id)
      return { links: mine.map((l) => toWire(l, present)) }
    },
  )

  app.delete(
    '/api/workspaces/:ws/guest-links/:id',
    { preHandler: authenticate, schema: { summary: 'Revoke a guest link (hosts, or its maker)', params: LinkParams, response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      const { member } = inWorkspace(request, request.params.ws, 'member')
      const link = (await app.store.listGuestLinks(member.workspaceId, 0)).find((l) => l.id === request.params.id)
      if (!link) throw notFound('guest link')
      if (!atLeast(member.role, 'host') && link.createdBy !== member.id) throw forbidden('only hosts, or whoever made it, revoke a guest link')
      await app.store.revokeGuestLink(member.workspaceId, link.id, app.now())
      reply.code(204)
      return null
    },
  )

  /** The link of `code`, refused with the reason when revoked or outside its window. */
  const usable = async (code: string, now: number, opts: { early?: boolean } = {}) => {
    const link = await app.store.guestLinkByCode(hashSecret(code))
    if (!link) throw notFound('guest link')
    if (link.revokedAt !== null) throw gone('this guest link was revoked; ask your host for a new one')
    checkWindow('guest link', link.startsAt, link.endsAt, now, opts)
    return link
  }

  app.get(
    '/api/guest-links/:code',
    { schema: { summary: 'What a guest link opens, and when', params: CodeParams, response: { 200: GuestLinkInfoSchema, 404: ErrorBodySchema, 410: ErrorBodySchema } } },
    async (request) => {
      const link = await usable(request.params.code, app.now(), { early: true })
      const [workspace, { room }] = await Promise.all([app.store.getWorkspace(link.workspaceId), findRoom(app, link.workspaceId, link.roomId)])
      return { workspaceName: workspace?.name ?? '', roomName: room.name, startsAt: link.startsAt, endsAt: link.endsAt }
    },
  )

  app.post(
    '/api/guest-links/:code/join',
    {
      config: { rateLimit: guestJoinLimit },
      schema: { summary: 'Join as a guest with a name only, within the link’s window', params: CodeParams, body: JoinAsGuestBody, response: { 201: SignedInSchema, 403: ErrorBodySchema, 404: ErrorBodySchema, 410: ErrorBodySchema, 429: ErrorBodySchema } },
    },
    async (request, reply) => {
      const now = app.now()
      const link = await usable(request.params.code, now)
      const guest = guestMember(request.body.name, link.roomId)
      const pass = { workspaceId: link.workspaceId, memberId: guest.memberId, roomId: link.roomId, startsAt: link.startsAt, endsAt: link.endsAt, source: 'link' as const, sourceId: link.id, email: null }
      await app.store.addGuest(guest, pass, now)
      kickSweeper(app)
      const [member, workspace] = await Promise.all([app.store.getMember(link.workspaceId, guest.memberId), app.store.getWorkspace(link.workspaceId)])
      reply.code(201)
      return openSession(app, member!, workspace!)
    },
  )
}
