/**
 * The access matrix for companies (issue 13): every companies route × caller × workspace, as in
 * access-matrix.test.ts (support/access-matrix.ts holds the frame). Members read the companies;
 * hosts make, rename and remove them and manage every one; a company's admin manages its members
 * and invites (the "its admin" variants: the member caller is then the company's admin); anyone
 * leaves their own company; guests are in none and see none.
 */
import { describe, expect, it } from 'vitest'
import type { SignedIn } from '../../protocol/api.ts'
import type { Company } from '../../protocol/companies.ts'
import { checkCoverage, cellsOf, freshMember, grid, hostsOnly, matrix, runCell, useMatrix, type Cell, type Row } from '../support/access-matrix.ts'
import { companiesApi } from '../support/companies.ts'

const api = () => companiesApi(matrix.http)
let names = 0
const company = () => api().create(matrix.home.owner, `Matrix company ${++names}`)

/** A company whose admin is a member made for it; made once. */
let adminCo: Promise<{ company: Company; admin: SignedIn }> | undefined
const adminOffice = () =>
  (adminCo ??= (async () => {
    const made = await company()
    const admin = await freshMember(matrix.home)
    const added = await api().add(matrix.home.owner, made.id, admin, true)
    if (added.status !== 200) throw new Error(`admin: ${added.status}`)
    return { company: made, admin }
  })())

/** The member caller of an "its admin" row speaks as the company's admin. */
const asAdmin = async (c: Cell) => {
  const { company: made, admin } = await adminOffice()
  return { companyId: made.id, ...(c.caller === 'member' ? { token: admin.session.token } : {}) }
}
const inviteInto = async (companyId: string) => {
  const res = await api().invite(matrix.home.owner, companyId)
  if (res.status !== 201) throw new Error(`invite: ${res.status}`)
  return res.body.invite.id
}
const canJoin = (c: Cell) => c.who !== null && c.caller !== 'guest'

const table: Row[] = [
  {
    route: 'GET /api/workspaces/{ws}/companies',
    own: grid(200, 200, 200, 403),
    request: () => ({}),
    check: (res) => expect(Array.isArray(res.body.companies)).toBe(true),
  },
  {
    route: 'POST /api/workspaces/{ws}/companies',
    own: hostsOnly(201),
    request: () => ({ body: { name: `Made ${++names}` } }),
    check: (res, _c, req) => expect(res.body).toMatchObject({ name: (req.body as { name: string }).name, admins: [], members: [] }),
  },
  {
    route: 'PATCH /api/workspaces/{ws}/companies/{company}',
    own: hostsOnly(200),
    request: async () => ({ params: { company: (await company()).id }, body: { name: `Renamed ${++names}` } }),
    check: (res, _c, req) => expect(res.body.name).toBe((req.body as { name: string }).name),
  },
  {
    route: 'DELETE /api/workspaces/{ws}/companies/{company}',
    own: hostsOnly(204),
    request: async () => ({ params: { company: (await company()).id } }),
    check: async (_res, _c, req) => expect((await api().list(matrix.home.owner)).map((x) => x.id)).not.toContain(req.params!.company),
  },
  {
    route: 'POST /api/workspaces/{ws}/companies/{company}/members',
    own: hostsOnly(200),
    request: async () => {
      const subject = await freshMember(matrix.home)
      return { params: { company: (await company()).id }, body: { memberId: subject.member.id, admin: true }, subject }
    },
    check: (res, _c, req) => expect(res.body.admins).toEqual([req.subject!.member.id]),
  },
  {
    route: 'POST /api/workspaces/{ws}/companies/{company}/members',
    variant: 'its admin adds a plain member',
    own: grid(200, 200, 200, 403),
    request: async (c) => {
      const { companyId, ...token } = await asAdmin(c)
      const subject = await freshMember(matrix.home)
      return { params: { company: companyId }, body: { memberId: subject.member.id }, subject, ...token }
    },
    check: (res, _c, req) => expect(res.body.members).toContain(req.subject!.member.id),
  },
  {
    route: 'DELETE /api/workspaces/{ws}/companies/{company}/members/{member}',
    own: hostsOnly(204),
    request: async () => {
      const [made, subject] = [await company(), await freshMember(matrix.home)]
      await api().add(matrix.home.owner, made.id, subject)
      return { params: { company: made.id, member: subject.member.id }, subject }
    },
  },
  {
    route: 'DELETE /api/workspaces/{ws}/companies/{company}/members/{member}',
    variant: 'its admin takes someone out',
    own: grid(204, 204, 204, 403),
    request: async (c) => {
      const { companyId, ...token } = await asAdmin(c)
      const subject = await freshMember(matrix.home)
      await api().add(matrix.home.owner, companyId, subject)
      return { params: { company: companyId, member: subject.member.id }, subject, ...token }
    },
  },
  {
    route: 'DELETE /api/workspaces/{ws}/companies/{company}/members/{member}',
    variant: 'leaving your own company',
    own: grid(204, 204, 204, 403),
    request: async (c) => {
      const made = await company()
      if (canJoin(c) && c.scope === 'own') await api().add(matrix.home.owner, made.id, c.who!)
      return { params: { company: made.id, member: (c.who ?? matrix.home.member).member.id } }
    },
    check: async (_res, c, req) => expect((await api().list(matrix.home.owner)).find((x) => x.id === req.params!.company)!.members).not.toContain(c.who!.member.id),
  },
  {
    route: 'GET /api/workspaces/{ws}/companies/{company}/invites',
    own: hostsOnly(200),
    request: async () => ({ params: { company: (await company()).id } }),
    check: (res) => expect(res.body.invites).toEqual([]),
  },
  {
    route: 'GET /api/workspaces/{ws}/companies/{company}/invites',
    variant: 'its admin',
    own: grid(200, 200, 200, 403),
    request: async (c) => {
      const { companyId, ...token } = await asAdmin(c)
      return { params: { company: companyId }, ...token }
    },
  },
  {
    route: 'POST /api/workspaces/{ws}/companies/{company}/invites',
    own: hostsOnly(201),
    request: async () => ({ params: { company: (await company()).id }, body: {} }),
    check: (res) => expect(typeof res.body.code).toBe('string'),
  },
  {
    route: 'POST /api/workspaces/{ws}/companies/{company}/invites',
    variant: 'its admin',
    own: grid(201, 201, 201, 403),
    request: async (c) => {
      const { companyId, ...token } = await asAdmin(c)
      return { params: { company: companyId }, body: { expiresInHours: 1 }, ...token }
    },
  },
  {
    route: 'DELETE /api/workspaces/{ws}/companies/{company}/invites/{invite}',
    own: hostsOnly(204),
    request: async () => {
      const made = await company()
      return { params: { company: made.id, invite: await inviteInto(made.id) } }
    },
  },
  {
    route: 'DELETE /api/workspaces/{ws}/companies/{company}/invites/{invite}',
    variant: 'its admin',
    own: grid(204, 204, 204, 403),
    request: async (c) => {
      const { companyId, ...token } = await asAdmin(c)
      return { params: { company: companyId, invite: await inviteInto(companyId) }, ...token }
    },
  },
]

describe('access matrix for companies: route × caller × workspace', () => {
  useMatrix()

  it('has a row for every documented companies route, and documents every row', () => checkCoverage(table, 'companies'))

  for (const cell of cellsOf(table)) it(cell.name, () => runCell(cell))
})
