/** The host's floor editor as a user drives it: the Edit floor toggle, items by name, pointer drags in screen pixels. */
import type { Locator, Page } from 'playwright-core'
import type { OfficePage } from './office-page.ts'

export class FloorEditor {
  readonly page: Page
  readonly office: OfficePage
  constructor(office: OfficePage) {
    this.office = office
    this.page = office.page
  }

  toggle(): Locator {
    return this.page.getByRole('button', { name: 'Edit floor' })
  }

  async open(): Promise<void> {
    await this.toggle().click()
    await this.page.getByRole('toolbar', { name: 'Floor editor' }).waitFor()
  }

  button(name: string): Locator {
    return this.page.getByRole('toolbar', { name: 'Floor editor' }).getByRole('button', { name, exact: true })
  }

  alert(): Locator {
    return this.page.getByRole('toolbar', { name: 'Floor editor' }).getByRole('alert')
  }

  /** Selects a room or desk by keyboard: focus it and press Enter (Shift+Enter adds to the selection). */
  async selectByKeyboard(item: Locator, add = false): Promise<void> {
    await item.focus()
    await this.page.keyboard.press(add ? 'Shift+Enter' : 'Enter')
  }

  /** Drags from the middle of `item` (or a point in it) by (dx, dy) screen pixels, in small steps as a hand does. */
  async dragBy(item: Locator, dx: number, dy: number, at?: { x: number; y: number }): Promise<void> {
    const box = await item.boundingBox()
    if (!box) throw new Error('nothing to drag: the item is not on screen')
    const x = box.x + (at?.x ?? box.width / 2)
    const y = box.y + (at?.y ?? box.height / 2)
    await this.page.mouse.move(x, y)
    await this.page.mouse.down()
    await this.page.mouse.move(x + dx, y + dy, { steps: 8 })
    await this.page.mouse.up()
  }

  /** The resize handle of the one selected room. */
  handle(which: 'se' | 'nw' | 'e' | 's'): Locator {
    return this.page.locator(`.edit-handle-${which}`)
  }
}

/**
 * Where an item is drawn on a page, in floor units (its inline style: a room's left/top, a desk's
 * margins, styles.css .layer-placed).
 */
export async function drawnBox(item: Locator): Promise<{ left: number; top: number; width: number; height: number }> {
  return item.evaluate((el: HTMLElement) => ({ left: parseFloat(el.style.left || el.style.marginLeft), top: parseFloat(el.style.top || el.style.marginTop), width: parseFloat(el.style.width), height: parseFloat(el.style.height) }))
}

/** Whether every room and desk a page draws stands where `floor` (the server's) has it, and nothing else is drawn. */
export async function drawsFloor(page: Page, floor: { rooms: { id: string; x: number; y: number; width: number; height: number }[]; desks: { id: string; x: number; y: number }[] }): Promise<boolean> {
  return page.evaluate((f) => {
    const drawn = [...document.querySelectorAll<HTMLElement>('[aria-label="Rooms"] [data-roving], [aria-label="Desks"] [data-roving]')]
    if (drawn.length !== f.rooms.length + f.desks.length) return false
    const at = new Map(drawn.map((el) => [el.dataset.roving!, el.style]))
    return (
      f.rooms.every((r) => at.get(r.id)?.left === `${r.x}px` && at.get(r.id)?.top === `${r.y}px` && at.get(r.id)?.width === `${r.width}px` && at.get(r.id)?.height === `${r.height}px`) &&
      f.desks.every((d) => at.get(d.id)?.marginLeft === `${d.x - 24}px` && at.get(d.id)?.marginTop === `${d.y - 24}px`)
    )
  }, floor)
}
