/** Page object for a host editing the floor in Chromium: the editor's toggle and side panels, by role and name. */
import type { Download, Locator, Page } from 'playwright-core'

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export class EditorPage {
  readonly page: Page
  constructor(page: Page) {
    this.page = page
  }

  toggle(): Locator {
    return this.page.getByRole('button', { name: 'Edit floor' })
  }

  /** Turns Edit floor on and waits until the button says so (aria-pressed) and the panels are there. */
  async startEditing(): Promise<void> {
    await this.toggle().click()
    await this.page.getByRole('button', { name: 'Edit floor', pressed: true }).waitFor()
    await this.properties().waitFor()
  }

  palette(): Locator {
    return this.page.getByRole('group', { name: 'Add to floor' })
  }

  properties(): Locator {
    return this.page.getByRole('region', { name: 'Properties' })
  }

  floors(): Locator {
    return this.page.getByRole('region', { name: 'Floors' })
  }

  importExport(): Locator {
    return this.page.getByRole('group', { name: 'Import and export' })
  }

  /** A desk on the floor by its label, whoever sits there and whether or not it is selected. */
  desk(label: string): Locator {
    return this.page.getByRole('group', { name: 'Desks' }).getByRole('button', { name: new RegExp(`^Desk ${escape(label)}(,|$)`) })
  }

  room(name: string): Locator {
    return this.page.getByRole('group', { name: 'Rooms' }).getByRole('button', { name: new RegExp(`^Room ${escape(name)}, `) })
  }

  /**
   * Clicks a room or desk on the floor as a mouse user does. While editing, the edit layer takes
   * the pointer over the whole floor, so the click goes to the item's place on screen (its top-left
   * area, clear of any avatars in its middle), not to the element.
   */
  async clickOnFloor(item: Locator, options: { shift?: boolean } = {}): Promise<void> {
    await item.waitFor()
    const box = await item.boundingBox()
    if (!box) throw new Error('the item is not on screen')
    const inset = Math.min(12, box.width / 2, box.height / 2)
    if (options.shift) await this.page.keyboard.down('Shift')
    try {
      await this.page.mouse.click(box.x + inset, box.y + inset)
    } finally {
      if (options.shift) await this.page.keyboard.up('Shift')
    }
  }

  /** What the Properties panel says is selected ("Room Lounge selected", "3 items selected"). */
  selected(text: string): Locator {
    return this.properties().getByText(text, { exact: true })
  }

  /** Types into a Properties field and commits it, with Enter or by leaving it with Tab. */
  async setField(label: string, value: string, commit: 'Enter' | 'Tab' = 'Enter'): Promise<void> {
    const field = this.properties().getByLabel(label, { exact: true })
    await field.fill(value)
    await field.press(commit)
  }

  async addDesksInRows(count: number, rows: number, spacing?: number): Promise<void> {
    await this.palette().getByRole('button', { name: 'Add desks in rows' }).click()
    const form = this.palette().getByRole('form', { name: 'Add desks in rows' })
    await form.getByLabel('Number of desks').fill(String(count))
    await form.getByLabel('Rows').fill(String(rows))
    if (spacing !== undefined) await form.getByLabel('Spacing').fill(String(spacing))
    await form.getByRole('button', { name: 'Add desks' }).click()
    await form.waitFor({ state: 'detached' })
  }

  async addRoom(kind: 'Meeting room' | 'Lounge' | 'Private office' | 'Stage'): Promise<void> {
    await this.palette().getByRole('button', { name: 'Add room' }).click()
    await this.palette().getByRole('menu', { name: 'Kind of room' }).getByRole('menuitem', { name: kind }).click()
  }

  /** Picks the person a selected desk is assigned to, by the option's text ("Cy Young (no desk)"). */
  async assignTo(option: string): Promise<void> {
    await this.properties().getByRole('radio', { name: 'Assigned' }).check()
    await this.properties().getByLabel('Assigned to').selectOption({ label: option })
  }

  async addFloor(name: string, template: 'Empty' | 'Starter' | 'Team of 30' | 'Event space'): Promise<void> {
    const form = this.floors().getByRole('form', { name: 'Add floor' })
    await form.getByLabel('Floor name').fill(name)
    await form.getByRole('radio', { name: template, exact: true }).check()
    await form.getByRole('button', { name: 'Add floor' }).click()
  }

  async exportFloor(): Promise<Download> {
    const download = this.page.waitForEvent('download')
    await this.importExport().getByRole('button', { name: 'Export floor' }).click()
    return download
  }

  async importFloor(fileName: string, text: string): Promise<void> {
    await this.importExport().getByLabel('Import floor').setInputFiles({ name: fileName, mimeType: 'application/json', buffer: Buffer.from(text) })
  }
}
