/**
 * The call as three members with fake cameras and microphones live in it: mute and unmute (the
 * button, M, and holding Space) seen by the others; a shared screen decoded by a viewer; the
 * expanded view, pinning and connection quality, and the strip again once back on the floor; the
 * active speaker emphasised.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import type { SignedIn } from '../../protocol/api.ts'
import { officeSuite } from '../support/office-suite.ts'
import type { Account, OfficePage } from './pages/office-page.ts'

const ana: Account = { name: 'Ana Silva', email: 'ana@example.com', password: 'correct horse 1' }
const bo: Account = { name: 'Bo Lee', email: 'bo@example.com', password: 'battery staple 2' }
const cy: Account = { name: 'Cy Young', email: 'cy@example.com', password: 'tractor beam 33' }
const ROOM = 'Meeting room'
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** Serious or critical axe-core violations inside the elements matching `selectors`. */
async function seriousViolations(page: Page, selectors: string[]): Promise<unknown[]> {
  await page.evaluate(axeSource)
  return page.evaluate(async (include) => {
    type Result = { violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<Result> } }).axe
    const result = await axe.run({ include: include.map((s) => [s]) }, { resultTypes: ['violations'] })
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target) }))
  }, selectors)
}

describe('the call', () => {
  const suite = officeSuite()

  beforeAll(async () => {
    const http = suite.http()
    const owner = (await http.post<SignedIn>('/api/workspaces', { name: 'Acme', owner: ana })).body
    for (const who of [bo, cy]) {
      const invite = await http.post<{ code: string }>(`/api/workspaces/${owner.workspace.id}/invites`, { role: 'member' }, owner.session.token)
      await http.post(`/api/invites/${invite.body.code}/accept`, who)
    }
  })

  /** Signs each in and walks them into the meeting room, one after the other; waits until each sees everyone. */
  const inCall = async (...accounts: Account[]): Promise<[OfficePage, OfficePage, OfficePage | undefined]> => {
    const offices: OfficePage[] = []
    for (const account of accounts) {
      const { office } = await suite.open()
      await office.signIn(account)
      await office.walkInto(ROOM)
      await office.stage(ROOM).getByText('Connected', { exact: true }).waitFor()
      offices.push(office)
    }
    for (const [i, office] of offices.entries()) {
      for (const [j, account] of accounts.entries()) await office.callTile(ROOM, i === j ? 'You' : account.name).waitFor()
    }
    return [offices[0]!, offices[1]!, offices[2]]
  }

  it('mute and unmute are seen by the others', async () => {
    const [a, b, c = a] = await inCall(ana, bo, cy)
    const muted = (o: OfficePage, who: string) => o.stage(ROOM).getByRole('figure', { name: `${who}, muted`, exact: true })
    const open = (o: OfficePage, who: string) => o.stage(ROOM).getByRole('figure', { name: new RegExp(`^${who}(, speaking)?$`) })

    // The button.
    await a.stage(ROOM).getByRole('button', { name: 'Mute microphone' }).click()
    await muted(a, 'You').waitFor()
    await Promise.all([muted(b, ana.name).waitFor(), muted(c, ana.name).waitFor()])
    await a.stage(ROOM).getByRole('button', { name: 'Unmute microphone' }).click()
    await Promise.all([open(b, ana.name).waitFor(), open(c, ana.name).waitFor()])

    // M toggles it, with focus on the page rather than a control (Space would press a focused button).
    await a.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
    await a.page.keyboard.press('m')
    await Promise.all([muted(b, ana.name).waitFor(), muted(c, ana.name).waitFor()])
    await a.stage(ROOM).getByRole('button', { name: 'Unmute microphone' }).waitFor()

    // Holding Space talks while muted; letting go mutes again.
    await a.page.keyboard.down(' ')
    try {
      await Promise.all([open(b, ana.name).waitFor(), open(c, ana.name).waitFor()])
      await a.stage(ROOM).getByRole('button', { name: 'Mute microphone' }).waitFor()
    } finally {
      await a.page.keyboard.up(' ')
    }
    await Promise.all([muted(b, ana.name).waitFor(), muted(c, ana.name).waitFor()])
  })

  it('a screen share decodes frames at a viewer', async () => {
    const [a, b] = await inCall(ana, bo)
    await a.stage(ROOM).getByRole('button', { name: 'Share screen' }).click()
    await a.stage(ROOM).getByRole('button', { name: 'Stop sharing' }).waitFor()

    // Bo sees it on the stage of his strip, above the cameras, and decodes it.
    const screen = b.screenTile(ana.name)
    await screen.waitFor()
    const first = await b.tileFramesDecoded(screen)
    expect(await b.waitForFramesBeyond(screen, first)).toBeGreaterThan(first)
    const [screenBox, cameraBox] = [await screen.boundingBox(), await b.callTile(ROOM, ana.name).boundingBox()]
    expect(screenBox!.y).toBeLessThan(cameraBox!.y)
    expect(screenBox!.width).toBeGreaterThan(cameraBox!.width)

    // Stopping ends it for Bo too.
    await a.stage(ROOM).getByRole('button', { name: 'Stop sharing' }).click()
    await a.stage(ROOM).getByRole('button', { name: 'Share screen' }).waitFor()
    await screen.waitFor({ state: 'detached' })
  })

  it('expands the call over the floor, pins a person, shows how well each connects, and keeps the strip back on the floor', async () => {
    const [a] = await inCall(ana, bo, cy)
    const view = await a.expandCall(ROOM)
    // Everyone in the expanded view's grid; the panel beside the floor keeps only the buttons.
    for (const who of ['You', bo.name, cy.name]) await view.getByRole('figure', { name: new RegExp(`^${who}(,|$)`) }).waitFor()
    expect(await a.stage(ROOM).getByRole('figure').count()).toBe(0)
    await a.stage(ROOM).getByRole('button', { name: 'Leave room' }).waitFor()

    // Pinning Bo puts him on the stage: larger than the others.
    await view.getByRole('button', { name: `Pin ${bo.name}`, exact: true }).click()
    await view.getByRole('button', { name: `Unpin ${bo.name}`, exact: true }).waitFor()
    const boTile = view.getByRole('figure', { name: new RegExp(`^${bo.name}`) })
    const cyTile = view.getByRole('figure', { name: new RegExp(`^${cy.name}`) })
    await expect.poll(async () => (await boTile.boundingBox())!.width > 2 * (await cyTile.boundingBox())!.width, { timeout: 5_000 }).toBe(true)

    // LiveKit rates each connection.
    await cyTile.getByRole('img', { name: /^Connection (excellent|good|poor)$/ }).waitFor({ timeout: 15_000 })

    // Nothing in the call stands in a screen reader's way.
    const serious = await seriousViolations(a.page, ['.call-focus', '.call'])
    expect(serious, JSON.stringify(serious, null, 2)).toEqual([])

    // Back to the floor: the floor shows again, the call stays in the strip, Bo still pinned on top.
    await view.getByRole('button', { name: 'Back to the floor' }).click()
    await view.waitFor({ state: 'detached' })
    await a.floor().waitFor()
    await a.room(ROOM, 3).waitFor()
    for (const who of ['You', bo.name, cy.name]) await a.callTile(ROOM, who).waitFor()
    const [pinned, other] = [await a.callTile(ROOM, bo.name).boundingBox(), await a.callTile(ROOM, cy.name).boundingBox()]
    expect(pinned!.y).toBeLessThan(other!.y)
    await a.stage(ROOM).getByRole('button', { name: `Unpin ${bo.name}`, exact: true }).click()
    await a.stage(ROOM).getByRole('button', { name: `Pin ${bo.name}`, exact: true }).waitFor()
  })

  it('emphasises the active speaker in the tiles', async () => {
    const [a, b] = await inCall(ana, bo)
    await a.speakWithoutVoiceFilters()
    // Chromium's fake microphone beeps: LiveKit hears Ana, and Bo's call marks her tile (and only
    // hers: Bo is muted, and a muted microphone is never shown speaking, though LiveKit's speaker
    // list may still name him for a moment after the mute).
    await b.stage(ROOM).getByRole('button', { name: 'Mute microphone' }).click()
    await b.callTile(ROOM, ana.name).and(b.page.locator('.tile-active, .tile-speaking')).waitFor({ timeout: 15_000 })
    await a.stage(ROOM).getByRole('figure', { name: `${bo.name}, muted`, exact: true }).waitFor()
    expect(await a.callTile(ROOM, bo.name).and(a.page.locator('.tile-speaking')).count()).toBe(0)
  })
})
