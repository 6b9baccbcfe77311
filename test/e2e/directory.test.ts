/**
 * The directory in Chromium (issue 13): Ana edits her profile through **Edit profile** (her
 * company shows read-only) and uploads a photo, which then shows on her avatar; Bo finds her in
 * the **Directory** by company and by interest, with her local time, opens her profile and her
 * company's page. Companies are made through the companies part's store.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { team } from '../support/factories.ts'
import { officeSuite } from '../support/office-suite.ts'
import { ChatPage } from './pages/chat-page.ts'
import { DirectoryPage } from './pages/directory-page.ts'
import type { Account } from './pages/office-page.ts'

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
const ana: Account = { name: 'Ana Silva', email: 'ana@example.com', password: 'correct horse 1' }
const bo: Account = { name: 'Bo Lee', email: 'bo@example.com', password: 'battery staple 2' }
const cy: Account = { name: 'Cy Young', email: 'cy@example.com', password: 'tractor beam 33' }

describe('directory', () => {
  const suite = officeSuite()
  const signIn = async (account: Account) => {
    const { office } = await suite.open()
    await office.signIn(account)
    const directory = new DirectoryPage(office.page)
    await directory.show()
    return { office, directory }
  }

  beforeAll(async () => {
    const { owner, members } = await team(suite.http(), ana, [bo, cy])
    const store = suite.stack.server.app.store
    const ws = owner.workspace.id
    await store.createCompany(ws, { id: 'co_lamp', name: 'Lamplight Labs', createdAt: 1 })
    await store.setCompanyMember(ws, 'co_lamp', owner.member.id, true)
    await store.setCompanyMember(ws, 'co_lamp', members[1]!.member.id, false)
    // Cy is in Ana's company but shares none of her interests.
    await suite.http().call('PATCH', `/api/workspaces/${ws}/profile`, { token: members[1]!.session.token, body: { title: 'Accountant', interests: ['gardening'] } })
  })

  it('edits a profile through Edit profile; another member finds it by company and interest; the photo shows on the avatar', async () => {
    const a = await signIn(ana)
    const form = await a.directory.openEditForm()
    // The company is the companies part's to set: shown, not editable.
    const company = form.getByLabel('Company', { exact: true })
    expect(await company.inputValue()).toBe('Lamplight Labs')
    expect(await company.isEditable()).toBe(false)
    await form.getByRole('button', { name: 'Cancel' }).click()
    await form.waitFor({ state: 'detached' })

    const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#2b8a3e' } }).png().toBuffer()
    await a.directory.editProfile({
      title: 'Lamp engineer', timeZone: 'Asia/Tokyo', about: 'Makes light.', interests: 'Chess, rock climbing', skills: 'Soldering',
      photo: { name: 'me.png', mimeType: 'image/png', buffer: photo },
    })
    const mine = a.directory.profile(ana.name)
    await mine.getByText('Lamp engineer').waitFor()
    await mine.getByRole('button', { name: 'rock climbing' }).waitFor()

    // The photo, re-encoded by the server as a 256 px square, is on Ana's own avatar.
    const avatarPhoto = a.office.personOnFloor(`You, ${ana.name}`).locator('img.avatar-photo')
    await avatarPhoto.waitFor()
    await expect.poll(() => avatarPhoto.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(256)

    // Bo finds her by company and by interest, with her local time.
    const b = await signIn(bo)
    await b.directory.filter('company').selectOption({ label: 'Lamplight Labs' })
    await b.directory.person(ana.name).waitFor()
    await b.directory.person(cy.name).waitFor()
    await b.directory.filter('interest').selectOption({ label: 'Chess' })
    await b.directory.person(cy.name).waitFor({ state: 'detached' })
    const row = b.directory.person(ana.name)
    expect(await row.getAttribute('aria-label')).toMatch(/^Ana Silva, Lamp engineer · Lamplight Labs · .+ local time$/)
    expect(await b.directory.people().count()).toBe(1)
    // Her local time is Tokyo's.
    const tokyo = await b.office.page.evaluate(() => new Intl.DateTimeFormat(undefined, { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit' }).format(Date.now()))
    await expect.poll(async () => (await row.getAttribute('aria-label'))?.includes(`${tokyo} local time`)).toBe(true)

    // Her profile, with what Bo can do, and her company's page.
    await row.click()
    const profile = b.directory.profile(ana.name)
    await profile.getByText('Makes light.').waitFor()
    for (const action of ['Go to desk', 'Wave', 'Message', 'Star']) await profile.getByRole('button', { name: action, exact: true }).waitFor()
    await profile.getByRole('button', { name: /^Lamplight Labs/ }).click()
    const page = b.directory.region().getByRole('article', { name: 'Company Lamplight Labs' })
    await page.getByRole('region', { name: 'How to reach them' }).getByRole('button', { name: ana.name }).waitFor()
    expect(await page.getByRole('region', { name: 'People' }).getByRole('listitem').count()).toBe(2)

    // From her avatar on the floor: her profile; from her profile: a message to her.
    await b.office.personOnFloor(ana.name).click()
    await b.office.page.getByRole('region', { name: `Actions for ${ana.name}` }).getByRole('button', { name: 'Profile' }).click()
    await profile.getByRole('button', { name: 'Message', exact: true }).click()
    await new ChatPage(b.office.page).view(ana.name).waitFor()

    // Searching by words finds companies and people.
    await b.directory.region().getByRole('button', { name: '← Back to results' }).click()
    await b.directory.filter('company').selectOption({ label: 'Any company' })
    await b.directory.filter('interest').selectOption({ label: 'Any interest' })
    await b.directory.search().fill('lamplight')
    await b.directory.region().getByRole('region', { name: 'Companies' }).getByRole('button', { name: /^Lamplight Labs/ }).waitFor()
  })

  it('says why a photo is refused, and has no serious axe violations in the Directory or the form, light or dark', async () => {
    const c = await signIn(cy)
    const form = await c.directory.openEditForm()
    await form.getByLabel('Photo', { exact: true }).setInputFiles({ name: 'evil.png', mimeType: 'image/png', buffer: Buffer.from('#!/bin/sh\nrm -rf ~\n') })
    await form.getByRole('button', { name: 'Save profile' }).click()
    expect(await form.getByRole('alert').textContent()).toContain('text/plain')

    const page = c.office.page
    await page.evaluate(axeSource)
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      await page.waitForFunction((dark) => getComputedStyle(document.documentElement).getPropertyValue('--bg').trim() === (dark ? '#16181d' : '#f6f7f9'), scheme === 'dark')
      for (const target of ['[aria-labelledby="edit-profile-title"][open]', '[aria-label="Directory"][role="region"]']) {
        const violations = await page.evaluate(async (selector) => {
          const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }).axe
          const result = await axe.run({ include: [[selector]] }, { resultTypes: ['violations'] })
          return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target) }))
        }, target)
        expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'), `${scheme}: ${target}`).toEqual([])
      }
    }
  })
})
