/**
 * A whiteboard in every room (issue 14): Ana and Bo, in the meeting room, open its Whiteboard and
 * each sees the other's strokes as they are drawn. After both have left and come back, the board
 * opens as they left it, and someone outside the room sees its thumbnail on the room's card.
 */
import { readFile } from 'node:fs/promises'
import type { Locator } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import type { SignedIn } from '../../protocol/api.ts'
import { officeSuite } from '../support/office-suite.ts'
import type { Account, OfficePage } from './pages/office-page.ts'
import { WhiteboardPage } from './pages/whiteboard-page.ts'

const ana: Account = { name: 'Ana Silva', email: 'ana@example.com', password: 'correct horse 1' }
const bo: Account = { name: 'Bo Lee', email: 'bo@example.com', password: 'battery staple 2' }
const cy: Account = { name: 'Cy Young', email: 'cy@example.com', password: 'tractor beam 33' }
const ROOM = 'Meeting room'

describe('a room’s whiteboard', () => {
  const suite = officeSuite()
  const signIn = async (account: Account) => {
    const { office } = await suite.open()
    await office.signIn(account)
    return office
  }

  beforeAll(async () => {
    const http = suite.http()
    const owner = (await http.post<SignedIn>('/api/workspaces', { name: 'Acme', owner: ana })).body
    for (const who of [bo, cy]) {
      const invite = await http.post<{ code: string }>(`/api/workspaces/${owner.workspace.id}/invites`, { role: 'member' }, owner.session.token)
      await http.post<SignedIn>(`/api/invites/${invite.body.code}/accept`, who)
    }
  })

  const board = (office: OfficePage) => new WhiteboardPage(office, ROOM)

  it('two people draw together, live, and the board is still there after everyone left', async () => {
    const a = await signIn(ana)
    const b = await signIn(bo)
    for (const office of [a, b]) {
      await office.walkInto(ROOM)
      await office.stage(ROOM).getByText('Connected').waitFor()
    }
    const [boardA, boardB] = [board(a), board(b)]
    await boardA.open()
    await boardB.open()
    await boardA.shapes(0).waitFor()

    await boardA.drawRectangle({ x: 420, y: 220 })
    await boardA.shapes(1).waitFor()
    await boardB.shapes(1).waitFor()
    await boardB.drawRectangle({ x: 640, y: 380 })
    await boardB.shapes(2).waitFor()
    await boardA.shapes(2).waitFor()

    // Exports: a PNG and an SVG of what is drawn, as files.
    const exported = async (button: string) => {
      const [download] = await Promise.all([a.page.waitForEvent('download'), boardA.dialog.getByRole('button', { name: button }).click()])
      return { name: download.suggestedFilename(), bytes: await readFile((await download.path())!) }
    }
    const png = await exported('Export PNG')
    expect([png.name, png.bytes.subarray(1, 4).toString('latin1')]).toEqual([`${ROOM} whiteboard.png`, 'PNG'])
    const svg = await exported('Export SVG')
    expect(svg.name).toBe(`${ROOM} whiteboard.svg`)
    expect(svg.bytes.toString('utf8')).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/)
    expect(svg.bytes.toString('utf8').match(/<path/g)?.length).toBeGreaterThanOrEqual(2)

    // Everyone closes the board and leaves; the server kept it.
    for (const office of [a, b]) {
      await board(office).close()
      await office.stage(ROOM).getByRole('button', { name: 'Leave room' }).click()
      await office.stage(ROOM).waitFor({ state: 'detached' })
    }
    await a.walkInto(ROOM)
    await a.stage(ROOM).getByText('Connected').waitFor()
    await boardA.open()
    await boardA.shapes(2).waitFor()

    // Versions: Ana's and Bo's saves, the first of which brings the board back to one shape.
    await boardA.dialog.getByText('Versions').click()
    const versions = boardA.dialog.getByRole('list', { name: 'Saved versions' }).getByRole('listitem')
    await expect.poll(() => versions.count()).toBeGreaterThanOrEqual(2)
    await versions.last().getByRole('button', { name: /^Bring back version 1,/ }).click()
    await boardA.shapes(1).waitFor()
  })

  it('shows the board’s thumbnail on the room’s card to someone outside the room', async () => {
    const c = await signIn(cy)
    // The thumbnail is made a moment after the last save; the card reads it when it opens, and
    // says "Nothing on the whiteboard yet." until there is one.
    const thumbnail = (card: Locator) => card.getByRole('img', { name: `Whiteboard of ${ROOM}` })
    await expect
      .poll(async () => {
        const card = await c.roomCard(ROOM)
        await thumbnail(card).or(card.getByText('Nothing on the whiteboard yet.')).waitFor()
        const shown = await thumbnail(card).isVisible()
        if (!shown) await card.getByRole('button', { name: `Close the card of ${ROOM}` }).click()
        return shown
      }, { timeout: 20_000 })
      .toBe(true)
  })
})
