/**
 * The access matrix for profiles and the directory (issue 13): every route × caller × workspace,
 * as in access-matrix-chat.test.ts. The rules: a guest sees no directory, profile or company page
 * and has no profile to edit (403), but sees members' photos (avatars); another workspace's
 * profiles do not exist (404). The bystander's profile and a company of the member and the
 * bystander are made once (`office()`).
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { CompanyPage, Directory, Profile } from '../../protocol/profiles.ts'
import { checkCoverage, cellsOf, everyone, grid, matrix, me, runCell, useMatrix, type Row } from '../support/access-matrix.ts'

async function build() {
  const { ws, bystander, member } = matrix.home
  const res = await matrix.http.call('PATCH', `/api/workspaces/${ws}/profile`, { token: bystander.session.token, body: { title: 'Matrix bystander', interests: ['matrixing'] } })
  if (res.status !== 200) throw new Error(`profile: ${res.status} ${JSON.stringify(res.body)}`)
  // Companies are the companies part's: made through its store.
  const store = matrix.stack.server.app.store
  await store.createCompany(ws, { id: 'co_matrix', name: 'Matrix Co', createdAt: 1 })
  await store.setCompanyMember(ws, 'co_matrix', bystander.member.id, true)
  await store.setCompanyMember(ws, 'co_matrix', member.member.id, false)
}
let built: Promise<void> | undefined
const office = () => (built ??= build())

const P = '/api/workspaces/{ws}'
const members = grid(200, 200, 200, 403)

const table: Row[] = [
  {
    route: `GET ${P}/profiles`,
    variant: 'filtered by interest',
    own: members,
    request: () => ({ query: '?interest=matrixing' }),
    check: (res, c) => expect((res.body as unknown as Directory).people.map((p) => p.memberId)).toEqual([c.home.bystander.member.id]),
  },
  {
    route: `GET ${P}/profiles`,
    variant: 'filtered by company',
    own: members,
    other: null,
    request: () => ({ query: '?company=co_matrix' }),
    check: (res, c) => expect((res.body as unknown as Directory).people.map((p) => p.memberId).sort()).toEqual([c.home.member.member.id, c.home.bystander.member.id].sort()),
  },
  {
    route: `GET ${P}/profiles/{memberId}`,
    variant: 'the bystander',
    own: members,
    request: (c) => ({ params: { memberId: c.home.bystander.member.id } }),
    check: (res) => expect(res.body as unknown as Profile).toMatchObject({ title: 'Matrix bystander', company: { id: 'co_matrix', name: 'Matrix Co' }, companyAdmin: true }),
  },
  { route: `GET ${P}/profiles/{memberId}`, variant: 'the guest (not in the directory)', own: grid(404, 404, 404, 403), other: null, request: (c) => ({ params: { memberId: c.home.guest.member.id } }) },
  {
    route: `GET ${P}/profiles/companies/{companyId}`,
    own: members,
    request: () => ({ params: { companyId: 'co_matrix' } }),
    check: (res, c) => expect(res.body as unknown as CompanyPage).toMatchObject({ name: 'Matrix Co', admins: [c.home.bystander.member.id] }),
  },
  { route: `GET ${P}/profiles/companies/{companyId}`, variant: 'no such company', own: grid(404, 404, 404, 403), other: null, request: () => ({ params: { companyId: 'co_nowhere' } }) },
  {
    route: `PATCH ${P}/profile`,
    own: members,
    request: (c) => ({ body: { title: `Matrix ${c.caller}`, timeZone: 'Europe/Berlin' } }),
    check: (res, c) => expect(res.body).toMatchObject({ memberId: me(c).member.id, title: `Matrix ${c.caller}`, timeZone: 'Europe/Berlin' }),
  },
  { route: `PATCH ${P}/profile`, variant: 'a time zone that is none', own: grid(400, 400, 400, 403), other: null, request: () => ({ body: { timeZone: 'Nowhere/Never' } }) },
  // The matrix sends JSON: bytes that are text, not an image (the photo tests upload real images).
  { route: `PUT ${P}/profile/photo`, variant: 'a body that is not an image', own: grid(415, 415, 415, 403), request: () => ({ body: { not: 'an image' } }) },
  { route: `DELETE ${P}/profile/photo`, own: members, request: () => ({}), check: (res) => expect(res.body).toEqual({ photoUrl: null }) },
  { route: `GET ${P}/photos/{memberId}`, variant: 'the bystander, who has none', own: everyone(404), request: (c) => ({ params: { memberId: c.home.bystander.member.id } }) },
]

describe('access matrix for profiles: route × caller × workspace', () => {
  useMatrix()
  beforeAll(office)

  it('has a row for every documented profiles route (support/access-matrix.ts issue13Parts), and documents every row', () => checkCoverage(table, 'profiles'))

  for (const cell of cellsOf(table)) it(cell.name, () => runCell(cell))
})
