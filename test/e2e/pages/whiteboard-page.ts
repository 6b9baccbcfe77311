/**
 * A room's whiteboard as a person uses it: opened from the call's Whiteboard button, drawn on with
 * the mouse (R picks Excalidraw's rectangle tool), and read through its "N shapes" line.
 */
import type { Locator } from 'playwright-core'
import type { OfficePage } from './office-page.ts'

export class WhiteboardPage {
  readonly office: OfficePage
  readonly roomName: string

  constructor(office: OfficePage, roomName: string) {
    this.office = office
    this.roomName = roomName
  }

  get dialog(): Locator {
    return this.office.page.getByRole('dialog', { name: `Whiteboard of ${this.roomName}` })
  }

  shapes(n: number): Locator {
    return this.dialog.getByText(`${n} ${n === 1 ? 'shape' : 'shapes'}`, { exact: true })
  }

  async open(): Promise<void> {
    await this.office.stage(this.roomName).getByRole('button', { name: 'Whiteboard' }).click()
    await this.dialog.locator('canvas.interactive').waitFor()
  }

  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Close whiteboard' }).click()
  }

  /** A rectangle dragged from `at` (canvas pixels, clear of Excalidraw's panels on the left). */
  async drawRectangle(at: { x: number; y: number }, size = { width: 120, height: 80 }): Promise<void> {
    const canvas = this.dialog.locator('canvas.interactive')
    const box = (await canvas.boundingBox())!
    // Keys reach Excalidraw once it has focus: a click on an empty corner gives it (and selects nothing).
    await canvas.click({ position: { x: box.width - 40, y: box.height - 120 } })
    await this.office.page.keyboard.press('r')
    const { mouse } = this.office.page
    await mouse.move(box.x + at.x, box.y + at.y)
    await mouse.down()
    await mouse.move(box.x + at.x + size.width / 2, box.y + at.y + size.height / 2, { steps: 3 })
    await mouse.move(box.x + at.x + size.width, box.y + at.y + size.height, { steps: 3 })
    await mouse.up()
  }
}
