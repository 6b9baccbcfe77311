/**
 * The directory: search and filter people (name, title, about; company, interest, skill, time
 * zone), one person's profile, a company's page, and editing your own profile. Guests see none of
 * it (403): a guest is in the space for one room, not to browse who works there.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { WorkspaceParams } from '../../protocol/api.ts'
import { ErrorBodySchema } from '../../protocol/errors.ts'
import { MemberIdSchema } from '../../protocol/floor/records.ts'
import { CompanyPageSchema, DirectoryQuerySchema, DirectorySchema, PROFILE_LIMITS, ProfileChangesSchema, ProfileSchema } from '../../protocol/profiles.ts'
import { authenticate, inWorkspace } from '../auth/authenticate.ts'
import { badRequest, notFound } from '../http-error.ts'
import type { ProfileSearch } from '../store/profiles-store.ts'
import { profileChanges } from './fields.ts'
import { companyArea, profileContext, toWireProfile, wireProfiles } from './view.ts'

const errors = { 400: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema }
const matchesAll = (name: string, q: string | undefined) => (q ?? '').toLowerCase().split(/\s+/).filter(Boolean).every((w) => name.toLowerCase().includes(w))

export const directoryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/workspaces/:ws/profiles', {
    preHandler: authenticate,
    schema: { summary: 'The directory: people and companies, searched and filtered (not guests)', params: WorkspaceParams, querystring: DirectoryQuerySchema, response: { 200: DirectorySchema, ...errors } },
  }, async (request) => {
    const { member } = inWorkspace(request, request.params.ws, 'member')
    const ws = member.workspaceId
    const { q, company, interest, skill, timeZone } = request.query
    const ctx = await profileContext(app, ws)
    const search: ProfileSearch = { limit: PROFILE_LIMITS.results }
    if (q) search.q = q
    if (interest) search.interest = interest
    if (skill) search.skill = skill
    if (timeZone) search.timeZone = timeZone
    // Who is in a company is the companies part's fact: the query gets its members as a list.
    if (company) search.memberIds = ctx.companies.get(company)?.members ?? []
    const [found, facets] = await Promise.all([app.store.searchProfiles(ws, search), app.store.profileFacets(ws)])
    const all = [...ctx.companies.values()].map((c) => ({ id: c.id, name: c.name, members: c.members.length }))
    const companies = all.filter((c) => matchesAll(c.name, q) && (!company || c.id === company))
    return { people: wireProfiles(ctx, found), companies, facets: { companies: all, ...facets } }
  })

  app.get('/api/workspaces/:ws/profiles/:memberId', {
    preHandler: authenticate,
    schema: { summary: 'One member’s profile (not guests)', params: Type.Object({ ws: WorkspaceParams.properties.ws, memberId: MemberIdSchema }), response: { 200: ProfileSchema, ...errors } },
  }, async (request) => {
    const { member } = inWorkspace(request, request.params.ws, 'member')
    const record = await app.store.getProfile(member.workspaceId, request.params.memberId)
    const profile = record && toWireProfile(await profileContext(app, member.workspaceId), record)
    if (!profile) throw notFound('profile')
    return profile
  })

  app.get('/api/workspaces/:ws/profiles/companies/:companyId', {
    preHandler: authenticate,
    schema: { summary: 'A company’s page: its people, its area of the floor, its admins (not guests)', params: Type.Object({ ws: WorkspaceParams.properties.ws, companyId: Type.String({ maxLength: 64 }) }), response: { 200: CompanyPageSchema, ...errors } },
  }, async (request) => {
    const { member } = inWorkspace(request, request.params.ws, 'member')
    const ctx = await profileContext(app, member.workspaceId)
    const company = ctx.companies.get(request.params.companyId)
    if (!company) throw notFound('company')
    const people = await app.store.searchProfiles(member.workspaceId, { memberIds: company.members, limit: PROFILE_LIMITS.results })
    return { id: company.id, name: company.name, people: wireProfiles(ctx, people), admins: company.admins, area: companyArea(ctx.floors, company.id) }
  })

  app.patch('/api/workspaces/:ws/profile', {
    // Before the schema, which would drop unknown fields silently: these two are someone else's to set.
    preValidation: [authenticate, async (request) => {
      const body = request.body as Record<string, unknown> | null
      if (body && typeof body === 'object' && 'company' in body) throw badRequest('company is read-only here: a company’s admins or the hosts set it', 'company')
      if (body && typeof body === 'object' && 'name' in body) throw badRequest('name is read-only here: it is your account’s name', 'name')
    }],
    schema: { summary: 'Change your own profile (the fields sent; not guests)', params: WorkspaceParams, body: ProfileChangesSchema, response: { 200: ProfileSchema, ...errors } },
  }, async (request) => {
    const { member } = inWorkspace(request, request.params.ws, 'member')
    const saved = await app.store.saveProfile(member.workspaceId, member.id, profileChanges(request.body), app.now())
    const profile = saved && toWireProfile(await profileContext(app, member.workspaceId), saved)
    if (!profile) throw notFound('member')
    return profile
  })
}
