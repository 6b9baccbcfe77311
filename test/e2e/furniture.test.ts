/// <reference lib="dom" />
/**
 * Furniture a host places (issue 10): added from the editor's palette into a draft, published, and
 * drawn on a member's floor where the server has it, hidden from screen readers. It is decoration:
 * a member's click on it is a click on the floor beneath (they walk there), never on a desk; only
 * the host's editor selects it (by pointer, or by keyboard in the floor's Furniture group), and
 * drags, deletes, undoes, re-kinds and turns it there like a desk.
 */
import { describe, expect, it } from 'vitest'
import type { SignedIn } from '../../protocol/api.ts'
import type { Floor } from '../../protocol/floor/records.ts'
import { until } from '../support/factories.ts'
import { officeSuite } from '../support/office-suite.ts'
import { FloorEditor } from './pages/floor-editor.ts'
import type { Account, OfficePage } from './pages/office-page.ts'

const ana: Account = { name: 'Ana Silva', email: 'ana.furniture@example.com', password: 'correct horse 1' }
const bo: Account = { name: 'Bo Lee', email: 'bo.furniture@example.com', password: 'battery staple 2' }

/** The middle of a drawn piece of furniture on screen, and what the page would hit there. */
async function pieceOnScreen(page: OfficePage['page'], id: string) {
  return page.evaluate((furn) => {
    const el = document.querySelector<SVGUseElement>(`use[data-furniture="${furn}"]`)
    if (!el) return null
    const box = el.getBoundingClientRect()
    const x = box.left + box.width / 2
    const y = box.top + box.height / 2
    const hit = document.elementFromPoint(x, y)
    return {
      x,
      y,
      width: box.width,
      hidden: el.closest('[aria-hidden="true"]') !== null,
      hitIsFurniture: hit?.closest('.furniture-art') != null,
      hitDesk: hit?.closest('[aria-label="Desks"] [data-roving]')?.getAttribute('data-roving') ?? null,
    }
  }, id)
}

describe('furniture', () => {
  const suite = officeSuite()

  it('a host adds a plant and publishes it; a member sees it, and a click on it walks there, picking no desk', async () => {
    const http = suite.http()
    const owner = (await http.post<SignedIn>('/api/workspaces', { name: 'Acme', owner: ana })).body
    const invite = await http.post<{ code: string }>(`/api/workspaces/${owner.workspace.id}/invites`, { role: 'member' }, owner.session.token)
    await http.post(`/api/invites/${invite.body.code}/accept`, bo)
    const serverFloor = async () => (await http.get<Floor>(`/api/workspaces/${owner.workspace.id}/floors/floor_main`, owner.session.token)).body

    const host = (await suite.open()).office
    await host.signIn(ana)
    const member = (await suite.open()).office
    await member.signIn(bo)
    await member.desk('2', `${bo.name}, available`).waitFor()
    const start = await serverFloor()

    // The host adds a plant from the palette's Furniture group, in a draft nobody else sees yet.
    const editor = new FloorEditor(host)
    await editor.open()
    await editor.button('Start draft').click()
    const palette = host.page.getByRole('group', { name: 'Add to floor' })
    await palette.getByRole('button', { name: 'Add furniture' }).click()
    await palette.getByRole('group', { name: 'Furniture' }).getByRole('button', { name: 'Add plant' }).click()
    await host.page.getByText('Draft: 1 change, only you see it').waitFor()
    const properties = host.page.getByRole('region', { name: 'Properties' })
    await properties.getByText('Plant selected', { exact: true }).waitFor()
    expect((await serverFloor()).furniture).toBeUndefined()

    // Publish: one batch, with the plant in it.
    await editor.button('Publish').click()
    await until(async () => (await serverFloor()).version === start.version + 1, 'the draft to be published')
    const published = await serverFloor()
    expect(published.furniture).toHaveLength(1)
    const plant = published.furniture![0]!
    expect(plant).toMatchObject({ kind: 'plant', rotation: 0 })

    // The member sees it where the server has it, as decoration screen readers skip.
    const drawn = member.page.locator(`use[data-furniture="${plant.id}"]`)
    await drawn.waitFor({ state: 'attached' })
    expect(await drawn.getAttribute('transform')).toBe(`translate(${plant.x} ${plant.y})`)
    expect(await drawn.getAttribute('href')).toBe('#furniture-plant')
    const seen = await pieceOnScreen(member.page, plant.id)
    expect(seen).toMatchObject({ hidden: true, hitIsFurniture: false, hitDesk: null })
    expect(seen!.width).toBeGreaterThan(10)

    // A click on the plant is a click on the floor: the member walks to it (no desk is there).
    expect(published.desks.every((d) => Math.hypot(d.x - plant.x, d.y - plant.y) > 48)).toBe(true)
    await member.page.mouse.click(seen!.x, seen!.y)
    const self = member.personOnFloor(`You, ${bo.name}`)
    await expect
      .poll(async () => {
        const box = await self.boundingBox()
        return box ? Math.hypot(box.x + box.width / 2 - seen!.x, box.y + box.height / 2 - seen!.y) : Infinity
      }, { timeout: 15_000 })
      .toBeLessThan(12)

    // In the editor the plant is what a click there selects, not a desk; it drags, deletes and
    // comes back with undo like a desk, each step live for the member.
    await host.page.locator('body').focus()
    await host.page.keyboard.press('Escape')
    await properties.getByText('Select a room or desk', { exact: true }).waitFor()
    // A keyboard reaches it as well: the floor's Furniture group, one Tab stop; Enter selects.
    const handle = host.floor().getByRole('group', { name: 'Furniture' }).getByRole('button', { name: 'Plant' })
    await handle.focus()
    await host.page.keyboard.press('Enter')
    await properties.getByText('Plant selected', { exact: true }).waitFor()
    await host.floor().getByRole('group', { name: 'Furniture' }).getByRole('button', { name: 'Plant, selected' }).waitFor()
    await host.page.keyboard.press('Escape')
    await properties.getByText('Select a room or desk', { exact: true }).waitFor()
    const onHost = await pieceOnScreen(host.page, plant.id)
    await host.page.mouse.click(onHost!.x, onHost!.y)
    await properties.getByText('Plant selected', { exact: true }).waitFor()
    await editor.dragBy(host.page.locator(`use[data-furniture="${plant.id}"]`), 60, 0)
    await until(async () => ((await serverFloor()).furniture?.[0]?.x ?? 0) > plant.x, 'the drag to be saved')
    const moved = (await serverFloor()).furniture![0]!
    await member.page.waitForFunction(([id, t]) => document.querySelector(`use[data-furniture="${id}"]`)?.getAttribute('transform') === t, [plant.id, `translate(${moved.x} ${moved.y})`] as const)
    await host.page.locator('body').focus()
    await host.page.keyboard.press('Delete')
    await member.page.locator(`use[data-furniture="${plant.id}"]`).waitFor({ state: 'detached' })
    expect((await serverFloor()).furniture).toBeUndefined()
    await host.page.keyboard.press('Control+z')
    await member.page.locator(`use[data-furniture="${plant.id}"]`).waitFor({ state: 'attached' })
    expect((await serverFloor()).furniture).toEqual([moved])

    // Its properties: another kind, a quarter of a right angle's turn; the member sees a sofa.
    const back = await pieceOnScreen(host.page, plant.id)
    await host.page.mouse.click(back!.x, back!.y)
    await properties.getByText('Plant selected', { exact: true }).waitFor()
    await properties.getByLabel('Kind').selectOption('sofa')
    await properties.getByText('Sofa selected', { exact: true }).waitFor()
    await properties.getByRole('button', { name: 'Rotate right 15°' }).click()
    await until(async () => (await serverFloor()).furniture?.[0]?.rotation === 15, 'the turn to be saved')
    expect((await serverFloor()).furniture).toEqual([{ ...moved, kind: 'sofa', rotation: 15 }])
    await member.page.waitForFunction((id) => document.querySelector(`use[data-furniture="${id}"]`)?.getAttribute('href') === '#furniture-sofa', plant.id)
  })
})
