/**
 * The window from 1024×640 to 4K, as a member resizes it: nothing scrolls sideways, every top-bar
 * control stays whole and apart from the others, the floor keeps a useful share of the window
 * (also with the editor's bar open), and the floor is drawn as vectors (no raster image to blur on
 * a high-DPI screen).
 */
import type { Locator, Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import type { SignedIn } from '../../protocol/api.ts'
import { officeSuite } from '../support/office-suite.ts'
import type { Account } from './pages/office-page.ts'

const ana: Account = { name: 'Ana Silva', email: 'ana@example.com', password: 'correct horse 1' }

type Box = { x: number; y: number; width: number; height: number }
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

async function boxes(list: Locator): Promise<{ name: string; box: Box }[]> {
  const out: { name: string; box: Box }[] = []
  for (const item of await list.all()) {
    const box = await item.boundingBox()
    if (box) out.push({ name: (await item.textContent())?.trim() ?? '?', box })
  }
  return out
}

/** What a member would see go wrong at this size, as sentences (empty when the layout holds). */
async function layoutProblems(page: Page, width: number, height: number): Promise<string[]> {
  const problems: string[] = []
  const scroll = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, cw: document.documentElement.clientWidth }))
  if (scroll.sw > scroll.cw) problems.push(`the page scrolls sideways (${scroll.sw} > ${scroll.cw})`)
  const controls = await boxes(page.locator('header button, header [role="toolbar"] button'))
  for (const c of controls) {
    if (c.box.x < 0 || c.box.x + c.box.width > width || c.box.y < 0 || c.box.y + c.box.height > height) problems.push(`"${c.name}" is cut off`)
  }
  controls.forEach((a, i) =>
    controls.slice(i + 1).forEach((b) => {
      if (overlap(a.box, b.box)) problems.push(`"${a.name}" overlaps "${b.name}"`)
    }),
  )
  // A bar is as tall as what it holds: no empty band above or below its controls.
  for (const bar of await page.locator('header, .editor-top').all()) {
    const outer = await bar.boundingBox()
    const inner = await boxes(bar.locator('button, label'))
    if (!outer || inner.length === 0) continue
    const top = Math.min(...inner.map((c) => c.box.y))
    const bottom = Math.max(...inner.map((c) => c.box.y + c.box.height))
    if (top - outer.y > 16 || outer.y + outer.height - bottom > 16) problems.push(`a bar has an empty band (${Math.round(outer.height)} px tall for ${Math.round(bottom - top)} px of controls)`)
  }
  const floor = await page.locator('.viewport').boundingBox()
  if (!floor) problems.push('the floor is not on screen')
  else if (floor.width < width * 0.5 || floor.height < height * 0.45) problems.push(`the floor has only ${Math.round(floor.width)}×${Math.round(floor.height)}`)
  return problems
}

describe('a responsive window', () => {
  const suite = officeSuite()

  beforeAll(async () => {
    await suite.http().post<SignedIn>('/api/workspaces', { name: 'Acme', owner: ana })
  })

  it('holds its layout at 1024×640, 1440×900 and 4K, also with the floor editor open', async () => {
    const { user, office } = await suite.open()
    const page = user.page
    await office.signIn(ana)
    for (const [width, height] of [
      [1024, 640],
      [1440, 900],
      [3840, 2160],
    ] as const) {
      await page.setViewportSize({ width, height })
      await expect.poll(() => layoutProblems(page, width, height), { message: `at ${width}×${height}`, timeout: 15_000 }).toEqual([])
    }

    await page.setViewportSize({ width: 1024, height: 640 })
    await page.getByRole('button', { name: 'Edit floor' }).click()
    await page.getByRole('toolbar', { name: 'Floor editor' }).waitFor()
    await expect.poll(() => layoutProblems(page, 1024, 640), { message: 'editing at 1024×640', timeout: 15_000 }).toEqual([])
  })

  it('draws the floor as vectors, so it stays crisp at any pixel density', async () => {
    const { user, office } = await suite.open()
    await office.signIn(ana)
    const floor = office.floor()
    await floor.locator('svg').first().waitFor()
    // Rooms, desks, furniture and people are SVG and DOM; a raster image would blur when scaled.
    expect(await floor.locator('canvas:not(.walkers), img:not([data-photo])').count()).toBe(0)
    // The one canvas, where people walking are drawn, is redrawn at the screen's density and zoom:
    // its backing store is its size on screen times the device pixel ratio.
    const sizes = () =>
      floor.locator('canvas.walkers').evaluate((c: HTMLCanvasElement) => [
        [c.width, c.height],
        [Math.round(c.clientWidth * devicePixelRatio), Math.round(c.clientHeight * devicePixelRatio)],
      ])
    await expect.poll(async () => new Set((await sizes()).map(String)).size).toBe(1)
    expect(await user.page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/Inter/)
  })
})
