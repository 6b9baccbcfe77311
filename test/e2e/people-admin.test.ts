/**
 * People and invites, as hosts use it in Chromium against the real server: the member directory
 * with roles, desks and last seen, role changes and removal, invites created, listed and revoked
 * (a revoked link answers 410) — and members neither see the view nor get past the server.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import type { InviteSummary, Member, SignedIn } from '../../protocol/api.ts'
import type { Floor } from '../../protocol/floor/records.ts'
import { officeSuite } from '../support/office-suite.ts'
import { PeopleAdminPage } from './pages/admin-page.ts'
import type { Account } from './pages/office-page.ts'

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** Serious or critical axe-core findings inside the People and invites view. */
async function seriousAxeViolations(page: Page): Promise<{ id: string; help: string }[]> {
  // The served page's CSP refuses inline scripts; evaluating from the test is not page script.
  await page.evaluate(axeSource)
  return page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string | null; help: string }[] }
    const axe = (window as unknown as { axe: { run(ctx: unknown): Promise<Result> } }).axe
    const { violations } = await axe.run('[aria-label="People and invites"]')
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map(({ id, help }) => ({ id, help }))
  })
}

const ana: Account = { name: 'Ana Silva', email: 'ana@example.com', password: 'correct horse 1' }
const bo: Account = { name: 'Bo Lee', email: 'bo@example.com', password: 'battery staple 2' }
const cy: Account = { name: 'Cy Young', email: 'cy@example.com', password: 'tractor beam 33' }
const eve: Account = { name: 'Eve Park', email: 'eve@example.com', password: 'quiet river 44' }

describe('people and invites', () => {
  const suite = officeSuite()
  let owner: SignedIn
  const joined: Record<string, SignedIn> = {}
  const api = () => {
    const http = suite.http()
    const ws = `/api/workspaces/${owner.workspace.id}`
    return {
      http,
      members: async () => (await http.get<{ members: Member[] }>(`${ws}/members`, owner.session.token)).body.members,
      invites: async () => (await http.get<{ invites: InviteSummary[] }>(`${ws}/invites`, owner.session.token)).body.invites,
      ws,
    }
  }

  // Ana owns the workspace; Bo, Cy and Eve joined as members. Cy's desk was taken away by an edit,
  // so the directory has someone without a desk.
  beforeAll(async () => {
    const http = suite.http()
    owner = (await http.post<SignedIn>('/api/workspaces', { name: 'Acme', owner: ana })).body
    for (const who of [bo, cy, eve]) {
      const invite = await http.post<{ code: string }>(`/api/workspaces/${owner.workspace.id}/invites`, { role: 'member' }, owner.session.token)
      joined[who.name] = (await http.post<SignedIn>(`/api/invites/${invite.body.code}/accept`, who)).body
    }
    const floorsPath = `/api/workspaces/${owner.workspace.id}/floors`
    const { floors } = (await http.get<{ floors: { id: string }[] }>(floorsPath, owner.session.token)).body
    const floor = (await http.get<Floor>(`${floorsPath}/${floors[0]!.id}`, owner.session.token)).body
    const desk = floor.desks.find((d) => d.assigneeId === joined[cy.name]!.member.id)!
    const edit = await http.post(`${floorsPath}/${floor.id}/edits`, { baseVersion: floor.version, ops: [{ op: 'desk.update', id: desk.id, changes: { assigneeId: null } }] }, owner.session.token)
    expect(edit.status).toBe(200)
  })

  it('the owner sees members with role, desk and who has none, makes a host, removes a member, and creates and revokes an invite', async () => {
    const { user, office } = await suite.open()
    await office.signIn(ana)
    const page = user.page
    const admin = new PeopleAdminPage(page)
    await admin.open()
    // The keyboard moves into the view.
    expect(await page.evaluate(() => !!document.activeElement?.closest('[aria-label="People and invites"]'))).toBe(true)

    // Everyone with role, desk and last seen; Cy has no desk, and the filter shows only her.
    await expect.poll(() => admin.memberCells(ana.name)).toEqual({ role: 'owner', desk: 'Desk 1', lastSeen: 'online now' })
    await expect.poll(async () => (await admin.memberCells(bo.name)).role).toBe('member')
    expect((await admin.memberCells(bo.name)).desk).toMatch(/^Desk \d+$/)
    expect((await admin.memberCells(cy.name)).desk).toBe('No desk')
    await admin.showOnlyWithoutDesk(true)
    await expect.poll(() => admin.member(bo.name).count()).toBe(0)
    expect(await admin.member(cy.name).count()).toBe(1)
    await admin.showOnlyWithoutDesk(false)

    // Bo becomes a host, in the view and on the server.
    await admin.setRole(bo.name, 'host')
    await expect.poll(async () => (await api().members()).find((m) => m.name === bo.name)?.role).toBe('host')
    await expect.poll(async () => (await admin.memberCells(bo.name)).role).toBe('host')
    // The last owner cannot step down: the server's reason is shown, and the role stays.
    await admin.setRole(ana.name, 'member')
    await expect.poll(() => admin.alert().textContent()).toMatch(/last owner/)
    expect((await admin.memberCells(ana.name)).role).toBe('owner')

    // Removing Eve asks first: Escape steps back (the keyboard returns to Remove); confirming removes her.
    await admin.region().getByRole('button', { name: `Remove ${eve.name}`, exact: true }).click()
    await page.keyboard.press('Escape')
    await admin.region().getByRole('button', { name: `Yes, remove ${eve.name}` }).waitFor({ state: 'detached' })
    expect(await admin.region().getByRole('button', { name: `Remove ${eve.name}`, exact: true }).evaluate((el) => el === document.activeElement)).toBe(true)
    await admin.remove(eve.name)
    await admin.member(eve.name).waitFor({ state: 'detached' })
    expect((await api().members()).map((m) => m.name)).not.toContain(eve.name)

    // A guest invite for Dee, for the lounge, for two days: the link shows once, the list shows it.
    const url = await admin.createInvite({ role: 'guest', email: 'dee@example.com', rooms: ['Lounge'], days: 2 })
    expect(url).toMatch(/#\/invite\//)
    const row = admin.invites().getByRole('row').filter({ hasText: 'dee@example.com' })
    await expect.poll(() => row.textContent()).toMatch(/guest.*Lounge.*Ana Silva/)
    expect(await seriousAxeViolations(page)).toEqual([])
    const listed = (await api().invites()).find((i) => i.email === 'dee@example.com')!
    expect(listed).toMatchObject({ role: 'guest' })
    expect(listed.expiresAt - listed.createdAt).toBe(2 * 24 * 3_600_000)

    // Revoked: gone from the list, and the link answers 410.
    await admin.revokeButton('dee@example.com').click()
    await admin.revokeButton('dee@example.com').waitFor({ state: 'detached' })
    expect((await api().invites()).map((i) => i.email)).not.toContain('dee@example.com')
    const code = url.split('#/invite/')[1]!
    const accept = await api().http.post(`/api/invites/${code}/accept`, { name: 'Dee', email: 'dee@example.com', password: 'dee password 5' })
    expect(accept.status).toBe(410)

    // Escape closes the view and gives the keyboard back to its button.
    await page.keyboard.press('Escape')
    await admin.region().waitFor({ state: 'detached' })
    expect(await admin.opener().evaluate((el) => el === document.activeElement)).toBe(true)

    // Invite people offers the same choices behind More options: a host invite, listed for hosts.
    await page.getByRole('button', { name: 'Invite people' }).click()
    const dialog = page.getByRole('dialog', { name: 'Invite people' })
    await dialog.getByRole('textbox').waitFor()
    await dialog.getByRole('button', { name: 'More options…' }).click()
    await dialog.getByLabel('Role').selectOption('host')
    await dialog.getByRole('button', { name: 'Create invite' }).click()
    expect(await dialog.getByLabel(/^Invite link/).inputValue()).toMatch(/#\/invite\//)
    expect((await api().invites()).map((i) => i.role)).toContain('host')
  })

  it('a removal stopped halfway (the media server down) shows as being removed, and finishing it once the server is back removes them', async () => {
    const { http, ws } = api()
    const dan: Account = { name: 'Dan Roe', email: 'dan@example.com', password: 'paper lantern 5' }
    const invite = await http.post<{ code: string }>(`${ws}/invites`, { role: 'member' }, owner.session.token)
    expect((await http.post(`/api/invites/${invite.body.code}/accept`, dan)).status).toBe(201)
    const { user, office } = await suite.open()
    await office.signIn(ana)
    const admin = new PeopleAdminPage(user.page)
    await admin.open()
    await admin.member(dan.name).waitFor()

    await suite.stack.livekit.kill()
    await admin.remove(dan.name)
    await expect.poll(() => admin.alert().textContent(), { timeout: 30_000 }).toMatch(/media server did not answer/)
    await admin.region().getByRole('rowheader', { name: `${dan.name} (being removed)` }).waitFor()
    const finish = admin.region().getByRole('button', { name: `Finish removing ${dan.name}` })
    // Only hosts learn of it: the directory a member gets does not say so.
    expect((await api().members()).find((m) => m.name === dan.name)?.removingSince).toEqual(expect.any(Number))
    const cys = (await http.post<SignedIn>('/api/sessions', { email: cy.email, password: cy.password })).body.session
    const seenByCy = (await http.get<{ members: Member[] }>(`${ws}/members`, cys.token)).body.members.find((m) => m.name === dan.name)
    expect(seenByCy).toBeDefined()
    expect(seenByCy).not.toHaveProperty('removingSince')

    await suite.stack.livekit.restart()
    await finish.click()
    await admin.member(dan.name).waitFor({ state: 'detached' })
    expect((await api().members()).map((m) => m.name)).not.toContain(dan.name)
  })

  it('a member sees no People and invites, and the server refuses their crafted role change', async () => {
    const { user, office } = await suite.open()
    await office.signIn(cy)
    // The top bar is there (signIn waited for the floor), without the button.
    await user.page.getByRole('button', { name: 'Shortcuts' }).waitFor()
    expect(await new PeopleAdminPage(user.page).opener().count()).toBe(0)

    const { http, ws } = api()
    const session = (await http.post<SignedIn>('/api/sessions', { email: cy.email, password: cy.password })).body.session
    const patch = await http.call('PATCH', `${ws}/members/${joined[bo.name]!.member.id}`, { token: session.token, body: { role: 'member' } })
    expect(patch.status).toBe(403)
    expect((await http.get(`${ws}/invites`, session.token)).status).toBe(403)
  })
})
