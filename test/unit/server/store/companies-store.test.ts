/**
 * Companies in both stores (a real SQLite file, a real PostgreSQL database): companies with unique
 * names (any case), a member in one company at most, admins, invites linked to a company, and
 * what goes with a company or a member.
 */
import { describe, expect, it } from 'vitest'
import { storeKinds } from '../../../support/stores.ts'
import { inviteRecord, newMember, seedWorkspace } from './fixtures.ts'

const kinds = storeKinds()

describe.each(kinds)('$name store', (kind) => {
  const withMembers = async () => {
    const store = await kind.open()
    const { workspaceId: ws, ownerId } = await seedWorkspace(store)
    const [bo, cy] = [newMember(), newMember()]
    for (const [code, m] of [['c_bo', bo], ['c_cy', cy]] as const) {
      await store.createInvite(code, inviteRecord(ws))
      await store.acceptInvite(code, m, 2)
    }
    await store.createCompany(ws, { id: 'co_acme', name: 'Acme', createdAt: 10 })
    await store.createCompany(ws, { id: 'co_zed', name: 'zed', createdAt: 11 })
    return { store, ws, ownerId, bo: bo.memberId, cy: cy.memberId }
  }

  it('lists companies by name with their members and admins; a member is in one company at most', async () => {
    const { store, ws, bo, cy } = await withMembers()
    expect(await store.setCompanyMember(ws, 'co_acme', bo, true)).toBe('ok')
    expect(await store.setCompanyMember(ws, 'co_acme', cy, false)).toBe('ok')
    expect(await store.setCompanyMember(ws, 'co_zed', bo, false)).toBe('elsewhere')
    expect(await store.setCompanyMember(ws, 'co_none', bo, false)).toBe('missing')
    expect(await store.setCompanyMember(ws, 'co_zed', 'mem_ghost', false)).toBe('missing')
    const list = await store.listCompanies(ws)
    expect(list.map((c) => c.name)).toEqual(['Acme', 'zed'])
    expect(list[0]).toEqual({ id: 'co_acme', name: 'Acme', createdAt: 10, admins: [bo], members: [bo, cy].sort() })
    expect(await store.companyOfMembers(ws)).toEqual(new Map([[bo, { companyId: 'co_acme', admin: true }], [cy, { companyId: 'co_acme', admin: false }]]))
    expect(await store.companyOfMember(ws, cy)).toEqual({ companyId: 'co_acme', admin: false })
    // Naming an admin a plain member again keeps them in.
    expect(await store.setCompanyMember(ws, 'co_acme', bo, false)).toBe('ok')
    expect((await store.getCompany(ws, 'co_acme'))!.admins).toEqual([])
    expect(await store.removeCompanyMember(ws, 'co_acme', bo)).toBe(true)
    expect(await store.removeCompanyMember(ws, 'co_acme', bo)).toBe(false)
    expect(await store.companyOfMember(ws, bo)).toBeNull()
    expect(await store.setCompanyMember(ws, 'co_zed', bo, false)).toBe('ok')
  })

  it('keeps names unique in a workspace, case aside, and renames', async () => {
    const { store, ws } = await withMembers()
    await expect(store.createCompany(ws, { id: 'co_dup', name: 'ACME', createdAt: 12 })).rejects.toThrow(kind.errors.unique)
    expect(await store.renameCompany(ws, 'co_zed', 'acme')).toBe('name-taken')
    expect(await store.renameCompany(ws, 'co_none', 'Other')).toBe('missing')
    expect(await store.renameCompany(ws, 'co_zed', 'Zephyr')).toBe('ok')
    expect(await store.renameCompany(ws, 'co_acme', 'ACME')).toBe('ok')
    expect((await store.listCompanies(ws)).map((c) => c.name)).toEqual(['ACME', 'Zephyr'])
    // Another workspace has its own names.
    const { workspaceId: other } = await seedWorkspace(store, 'ws_other')
    await store.createCompany(other, { id: 'co_acme', name: 'Acme', createdAt: 13 })
    expect((await store.listCompanies(other)).map((c) => c.id)).toEqual(['co_acme'])
    expect(await store.getCompany(other, 'co_zed')).toBeNull()
  })

  it('links invites to a company; removing it detaches its members and its links', async () => {
    const { store, ws, bo, cy } = await withMembers()
    await store.setCompanyMember(ws, 'co_acme', bo, true)
    await store.setCompanyMember(ws, 'co_zed', cy, false)
    const invite = inviteRecord(ws, { createdBy: bo })
    await store.createInvite('c_link', invite)
    await store.linkCompanyInvite(ws, invite.id, 'co_acme')
    expect(await store.companyOfInvite(ws, invite.id)).toBe('co_acme')
    expect(await store.companyOfInvite('ws_other', invite.id)).toBeNull()
    expect(await store.companyInviteIds(ws, 'co_acme')).toEqual([invite.id])
    expect(await store.deleteCompany(ws, 'co_acme')).toEqual([bo])
    expect(await store.deleteCompany(ws, 'co_acme')).toBeNull()
    expect(await store.companyOfInvite(ws, invite.id)).toBeNull()
    expect(await store.companyOfMembers(ws)).toEqual(new Map([[cy, { companyId: 'co_zed', admin: false }]]))
  })

  it('takes a member out of their company when they leave the workspace', async () => {
    const { store, ws, bo } = await withMembers()
    await store.setCompanyMember(ws, 'co_acme', bo, true)
    await store.removeMember(ws, bo, 20)
    expect((await store.getCompany(ws, 'co_acme'))!.members).toEqual([])
    expect(await store.companyOfMember(ws, bo)).toBeNull()
  })
})
