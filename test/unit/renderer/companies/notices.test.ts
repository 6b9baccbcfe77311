import { beforeEach, describe, expect, it } from 'vitest'
import type { Company } from '../../../../protocol/companies.ts'
import { companiesStore, companyOf } from '../../../../renderer/companies/companies-store.ts'
import { receiveCompanyNotice } from '../../../../renderer/companies/notices.ts'

const packet = (value: unknown) => new TextEncoder().encode(JSON.stringify(value))
const company = (id: string, name: string, members: string[], admins: string[] = []): Company => ({ id, name, createdAt: 1, members, admins })

describe('company notices in the client', () => {
  beforeEach(() => companiesStore.getState().set([company('co_acme', 'Acme', ['mem_ana'], ['mem_ana']), company('co_bolt', 'Bolt', ['mem_bo'])]))

  it('takes a company as the server says it is now, and whoever it holds is in no other', () => {
    expect(receiveCompanyNotice(packet({ type: 'company', company: company('co_bolt', 'Bolt', ['mem_bo', 'mem_ana']) }))).toBe(true)
    const s = companiesStore.getState()
    expect(companyOf(s, 'mem_ana')).toBe('co_bolt')
    expect(s.companies.find((c) => c.id === 'co_acme')).toEqual(company('co_acme', 'Acme', [], []))
  })

  it('adds a new company and drops one that is gone', () => {
    receiveCompanyNotice(packet({ type: 'company', company: company('co_cog', 'Cog', []) }))
    receiveCompanyNotice(packet({ type: 'company-gone', companyId: 'co_acme' }))
    expect(companiesStore.getState().companies.map((c) => c.name)).toEqual(['Bolt', 'Cog'])
  })

  it('drops a malformed or oversized notice and changes nothing', () => {
    const before = companiesStore.getState().companies
    expect(receiveCompanyNotice(packet({ type: 'company', company: { id: 'co_x' } }))).toBe(false)
    expect(receiveCompanyNotice(new TextEncoder().encode('{not json'))).toBe(false)
    expect(receiveCompanyNotice(packet({ type: 'company-gone', companyId: 'co_acme', pad: 'x'.repeat(20_000) }))).toBe(false)
    expect(companiesStore.getState().companies).toBe(before)
  })
})
