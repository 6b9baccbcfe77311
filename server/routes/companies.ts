/**
 * Companies in one workspace (issue 13): hosts make, rename and remove them and name their admins;
 * hosts and a company's admins add and take out its members and manage its invites; anyone leaves
 * their own company. What leaving and removing take with them is in server/companies/.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import {
  AddCompanyMemberBody, CompaniesParams, CompanyInviteBody, CompanyInviteListSchema, CompanyInviteParams, CompanyListSchema, CompanyMemberParams,
  CompanyParams, CompanySchema, CreateCompanyBody, CreatedCompanyInviteSchema, RenameCompanyBody,
} from '../../protocol/companies.ts'
import { ErrorBodySchema, errorCodes } from '../../protocol/errors.ts'
import { authenticate, inWorkspace } from '../auth/authenticate.ts'
import { newId } from '../auth/tokens.ts'
import { createCompanyInvite, listCompanyInvites } from '../companies/invites.ts'
import { announceCompany } from '../companies/announce.ts'
import { afterLeaving, revokeCompanyInvites } from '../companies/leaving.ts'
import { removeCompany } from '../companies/removing.ts'
import { companyOr404, isAdminOf, isHost, managedCompany } from '../companies/standing.ts'
import type { BlobStore } from '../chat/blobs.ts'
import { HttpError, badRequest, conflict, forbidden, notFound } from '../http-error.ts'

const errors = { 400: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema }
const NAME_TAKEN = 'another company of this workspace has that name'

const companies: FastifyPluginAsyncTypebox<{ blobs: BlobStore }> = async (app, { blobs }) => {
  app.get(
    '/api/workspaces/:ws/companies',
    { preHandler: authenticate, schema: { summary: 'The companies of the workspace, with their members (members)', params: CompaniesParams, response: { 200: CompanyListSchema, ...errors } } },
    async (request) => {
      const { member } = inWorkspace(request, request.params.ws, 'member')
      return { companies: await app.store.listCompanies(member.workspaceId) }
    },
  )

  app.post(
    '/api/workspaces/:ws/companies',
    { preHandler: authenticate, schema: { summary: 'Make a company (hosts)', params: CompaniesParams, body: CreateCompanyBody, response: { 201: CompanySchema, ...errors } } },
    async (request, reply) => {
      const { member } = inWorkspace(request, request.params.ws, 'host')
      const name = request.body.name.trim()
      if ((await app.store.listCompanies(member.workspaceId)).some((c) => c.name.toLowerCase() === name.toLowerCase())) throw conflict(NAME_TAKEN)
      const company = { id: newId('co'), name, createdAt: app.now() }
      try {
        await app.store.createCompany(member.workspaceId, company)
      } catch {
        // Two hosts naming two companies alike at once: the database's unique name decides.
        throw conflict(NAME_TAKEN)
      }
      void announceCompany(app, member.workspaceId, company.id)
      reply.code(201)
      return { ...company, admins: [], members: [] }
    },
  )

  app.patch(
    '/api/workspaces/:ws/companies/:company',
    { preHandler: authenticate, schema: { summary: 'Rename a company (hosts)', params: CompanyParams, body: RenameCompanyBody, response: { 200: CompanySchema, ...errors } } },
    async (request) => {
      const { member } = inWorkspace(request, request.params.ws, 'host')
      const result = await app.store.renameCompany(member.workspaceId, request.params.company, request.body.name.trim())
      if (result === 'missing') throw notFound('company')
      if (result === 'name-taken') throw conflict(NAME_TAKEN)
      void announceCompany(app, member.workspaceId, request.params.company)
      return companyOr404(app, member.workspaceId, request.params.company)
    },
  )

  app.delete(
    '/api/workspaces/:ws/companies/:company',
    { preHandler: authenticate, schema: { summary: 'Remove a company: its members detached, its floor tags cleared, what its company-only rooms held erased, its invites revoked (hosts)', params: CompanyParams, response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      const { member } = inWorkspace(request, request.params.ws, 'host')
      await companyOr404(app, member.workspaceId, request.params.company)
      if ((await removeCompany(app, blobs, member.workspaceId, request.params.company, member.id)) === null) throw notFound('company')
      void announceCompany(app, member.workspaceId, request.params.company)
      reply.code(204)
      return null
    },
  )

  app.post(
    '/api/workspaces/:ws/companies/:company/members',
    {
      preHandler: authenticate,
      schema: { summary: 'Put a member into the company, or name them its admin (hosts; its admins add plain members)', params: CompanyParams, body: AddCompanyMemberBody, response: { 200: CompanySchema, ...errors } },
    },
    async (request) => {
      const { member } = inWorkspace(request, request.params.ws, 'member')
      const company = await managedCompany(app, member, request.params.company)
      const { memberId, admin = false } = request.body
      const wasAdmin = isAdminOf(company, memberId)
      const changesAdmin = company.members.includes(memberId) ? admin !== wasAdmin : admin
      if (changesAdmin && !isHost(member)) throw forbidden('only hosts name or unname company admins')
      const target = await app.store.getMember(member.workspaceId, memberId)
      if (!target) throw badRequest(`no member ${memberId} in this workspace`, 'memberId')
      if (target.role === 'guest') throw badRequest('a guest cannot join a company', 'memberId')
      const result = await app.store.setCompanyMember(member.workspaceId, company.id, memberId, admin)
      if (result === 'missing') throw notFound('company')
      if (result === 'elsewhere') throw conflict(`${target.name} is in another company; a member belongs to one company at most, so take them out of it first`)
      // An admin made a plain member loses the company's invites they made, as if they had left.
      if (wasAdmin && !admin) await revokeCompanyInvites(app, member.workspaceId, company.id, new Set([memberId]))
      void announceCompany(app, member.workspaceId, company.id)
      return companyOr404(app, member.workspaceId, company.id)
    },
  )

  app.delete(
    '/api/workspaces/:ws/companies/:company/members/:member',
    {
      preHandler: authenticate,
      schema: { summary: 'Take a member out of the company (hosts, its admins), or leave it (yourself)', params: CompanyMemberParams, response: { 204: Type.Null(), 503: ErrorBodySchema, ...errors } },
    },
    async (request, reply) => {
      const { member } = inWorkspace(request, request.params.ws, 'member')
      const target = request.params.member
      const company = target === member.id ? await companyOr404(app, member.workspaceId, request.params.company) : await managedCompany(app, member, request.params.company)
      if (!company.members.includes(target)) throw notFound('company member')
      // Taking an admin out (to add them back plain) would unname them: that is for hosts, as above.
      if (target !== member.id && isAdminOf(company, target) && !isHost(member)) throw forbidden('only hosts take a company admin out of the company')
      if (!(await app.store.removeCompanyMember(member.workspaceId, company.id, target))) throw notFound('company member')
      void announceCompany(app, member.workspaceId, company.id)
      try {
        await afterLeaving(app, member.workspaceId, company.id, target, isAdminOf(company, target))
      } catch (err) {
        request.log.warn({ err, companyId: company.id, memberId: target }, 'could not show a member who left a company out of its rooms')
        throw new HttpError(503, {
          error: errorCodes.unavailable,
          message: 'they are out of the company and cannot enter its rooms, but the media server did not answer, so they could not be shown out of a room they are in yet',
        })
      }
      reply.code(204)
      return null
    },
  )

  app.get(
    '/api/workspaces/:ws/companies/:company/invites',
    { preHandler: authenticate, schema: { summary: "The company's open invites, never their codes (hosts, its admins)", params: CompanyParams, response: { 200: CompanyInviteListSchema, ...errors } } },
    async (request) => {
      const { member } = inWorkspace(request, request.params.ws, 'member')
      const company = await managedCompany(app, member, request.params.company)
      return { invites: await listCompanyInvites(app, member.workspaceId, company.id) }
    },
  )

  app.post(
    '/api/workspaces/:ws/companies/:company/invites',
    {
      preHandler: authenticate,
      schema: { summary: 'Invite someone into the company, as a member of the workspace (hosts, its admins)', params: CompanyParams, body: CompanyInviteBody, response: { 201: CreatedCompanyInviteSchema, ...errors } },
    },
    async (request, reply) => {
      const { member } = inWorkspace(request, request.params.ws, 'member')
      const company = await managedCompany(app, member, request.params.company)
      const created = await createCompanyInvite(app, member, company.id, request.body)
      const base = app.settings.publicUrl ?? `${request.protocol}://${request.host}`
      reply.code(201)
      return { ...created, url: `${base}/#/invite/${created.code}` }
    },
  )

  app.delete(
    '/api/workspaces/:ws/companies/:company/invites/:invite',
    { preHandler: authenticate, schema: { summary: "Revoke one of the company's invites (hosts, its admins)", params: CompanyInviteParams, response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      const { member } = inWorkspace(request, request.params.ws, 'member')
      const company = await managedCompany(app, member, request.params.company)
      // Only the company's own invites: a workspace invite is the hosts' (routes/invites.ts).
      if ((await app.store.companyOfInvite(member.workspaceId, request.params.invite)) !== company.id) throw notFound('invite')
      if (!(await app.store.revokeInvite(member.workspaceId, request.params.invite, app.now()))) throw notFound('invite')
      reply.code(204)
      return null
    },
  )
}

export default companies
