/// <reference lib="dom" />
/**
 * The floor looks like an office and reads well: every desk's label is level whatever way the desk
 * faces (measured from the transforms the browser computed, not from our own numbers), each desk's
 * drawing is turned the way the desk is, and a locked private office shows a lock icon (an SVG
 * named "Locked", not an emoji a system font may lack).
 */
import { describe, expect, it } from 'vitest'
import type { Floor } from '../../protocol/floor/records.ts'
import { createWorkspace, editFloor, OWNER_PASSWORD } from '../support/factories.ts'
import { officeSuite } from '../support/office-suite.ts'

/** One rotation per starter desk, covering every quadrant and both sides of each right angle. */
const ROTATIONS = [0, 30, 45, 90, 135, 170, 180, 200, 225, 270, 315, 359.5]

/** Degrees within (-180, 180]. */
const level = (deg: number) => {
  const a = ((deg % 360) + 360) % 360
  return a > 180 ? a - 360 : a
}

describe('the look of the floor', () => {
  const suite = officeSuite()

  it('draws each desk turned its way with a label that reads upright, and a lock icon on a locked office', async () => {
    const http = suite.http()
    const owner = await createWorkspace(http)
    const floorPath = `/api/workspaces/${owner.workspace.id}/floors/floor_main`
    const starter = (await http.get<Floor>(floorPath, owner.session.token)).body
    expect(starter.desks.length).toBe(ROTATIONS.length)
    await editFloor(http, owner, starter.desks.map((d, i) => ({ op: 'desk.update', id: d.id, changes: { rotation: ROTATIONS[i] } })))

    const { office } = await suite.open()
    await office.signIn({ email: owner.member.email!, password: OWNER_PASSWORD })
    // The desks' buttons keep their names; desk 12 is the last drawn with its new rotation.
    await office.desk('1', `${owner.member.name}, available`).waitFor()
    await office.desk('12').waitFor()
    const page = office.page

    // Each desk's label and drawing, with the angle the browser puts them on screen at.
    const drawn = await page.evaluate(() => {
      const angle = (el: SVGGraphicsElement) => {
        const m = el.getScreenCTM()!
        return (Math.atan2(m.b, m.a) * 180) / Math.PI
      }
      return [...document.querySelectorAll<SVGTextElement>('text.desk-label')].map((text) => ({
        desk: text.dataset.desk!,
        text: text.textContent,
        label: angle(text),
        drawing: angle(document.querySelector<SVGUseElement>(`use[data-desk="${text.dataset.desk}"]`)!),
        shown: text.getBoundingClientRect().width > 0,
      }))
    })
    expect(drawn.map((d) => d.desk).sort()).toEqual(starter.desks.map((d) => d.id).sort())
    for (const [i, desk] of starter.desks.entries()) {
      const d = drawn.find((x) => x.desk === desk.id)!
      expect({ desk: d.desk, text: d.text, shown: d.shown }).toEqual({ desk: desk.id, text: desk.label, shown: true })
      // Upright: the label's effective rotation on screen is within ±90° (it is level, in fact).
      expect(Math.abs(d.label), `label of ${desk.id} at ${ROTATIONS[i]}°`).toBeLessThanOrEqual(90)
      // The desk, its chair and monitor face the desk's rotation.
      expect(Math.abs(level(d.drawing - ROTATIONS[i]!)), `drawing of ${desk.id}`).toBeLessThan(0.5)
    }

    // The starter's private office is locked: a lock icon, an SVG titled "Locked", inside it; no
    // other room shows one.
    const locks = page.locator('svg[aria-label="Locked"]')
    expect(await locks.count()).toBe(1)
    expect(await locks.locator('title').textContent()).toBe('Locked')
    // Both boxes from one layout: measured apart, a camera still settling moves one and not the other.
    const { lock, office: officeBox } = await page.evaluate(() => {
      const box = (el: Element) => {
        const r = el.getBoundingClientRect()
        return { x: r.x, y: r.y, width: r.width, height: r.height }
      }
      return {
        lock: box(document.querySelector('svg[aria-label="Locked"]')!),
        office: box(document.querySelector('button.room-private')!),
      }
    })
    expect(lock.width).toBeGreaterThan(4)
    expect(lock.x >= officeBox.x && lock.x + lock.width <= officeBox.x + officeBox.width, JSON.stringify({ lock, officeBox })).toBe(true)
    expect(lock.y >= officeBox.y && lock.y + lock.height <= officeBox.y + officeBox.height, JSON.stringify({ lock, officeBox })).toBe(true)
  })
})
