import { readFileSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ScreenSourceInfo } from '../../protocol/ipc.ts'
import ts from 'typescript'
import { launchBrowser } from '../support/browser.ts'

// The desktop's screen picker (renderer/platform/screen-picker.ts) in real Chromium: its own
// module, bundled as it is, in a blank page. Electron's desktopCapturer cannot run here, so the
// sources are what main would list.
const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='
const sources: ScreenSourceInfo[] = [
  { id: 'screen:0:0', name: 'Entire screen', kind: 'screen', thumbnail: png },
  { id: 'window:11:0', name: 'Quarterly notes', kind: 'window', thumbnail: png },
  { id: 'window:12:0', name: 'Design review', kind: 'window', thumbnail: '' },
]

let browser: Browser
let bundle: string
beforeAll(async () => {
  browser = await launchBrowser()
  // The module imports types only, so stripping them leaves it whole.
  const source = readFileSync(new URL('../../renderer/platform/screen-picker.ts', import.meta.url), 'utf8')
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText
  bundle = `${js}\nwindow.screenPicker = { pickScreenSource }`
})
afterAll(() => browser?.close())

async function open(list = sources): Promise<Page> {
  const page = await browser.newPage()
  await page.setContent('<!doctype html><html><body><p>office</p></body></html>')
  await page.addScriptTag({ content: bundle, type: 'module' })
  await page.waitForFunction(() => 'screenPicker' in window)
  await page.evaluate((l) => {
    const w = window as unknown as { picked: Promise<string | null>; screenPicker: { pickScreenSource(s: unknown): Promise<string | null> } }
    w.picked = w.screenPicker.pickScreenSource(l)
  }, list)
  return page
}
const picked = (page: Page) => page.evaluate(() => (window as unknown as { picked: Promise<string | null> }).picked)

describe('screen picker', () => {
  it('is a dialog named "Share your screen" with one button per source, named by the source', async () => {
    const page = await open()
    const dialog = page.getByRole('dialog', { name: 'Share your screen' })
    await expect.poll(() => dialog.isVisible()).toBe(true)
    for (const s of sources) expect(await dialog.getByRole('button', { name: s.name, exact: true }).count()).toBe(1)
    expect(await dialog.getByRole('region', { name: 'Screens' }).getByRole('button').count()).toBe(1)
    expect(await dialog.getByRole('region', { name: 'Windows' }).getByRole('button').count()).toBe(2)
    expect(await dialog.locator('img').count()).toBe(2)
    await dialog.getByRole('button', { name: 'Quarterly notes' }).click()
    expect(await picked(page)).toBe('window:11:0')
    expect(await page.getByRole('dialog').count()).toBe(0)
    await page.close()
  })

  it('is usable from the keyboard: focus on the first source, arrows move, Enter picks', async () => {
    const page = await open()
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '')
    await expect.poll(focused).toBe('Entire screen')
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('ArrowRight')
    expect(await focused()).toBe('Design review')
    await page.keyboard.press('ArrowRight')
    expect(await focused()).toBe('Entire screen')
    await page.keyboard.press('ArrowLeft')
    await page.keyboard.press('Enter')
    expect(await picked(page)).toBe('window:12:0')
    await page.close()
  })

  it('cancels with Escape or Cancel, answering null', async () => {
    const page = await open()
    await page.getByRole('dialog', { name: 'Share your screen' }).waitFor()
    await page.keyboard.press('Escape')
    expect(await picked(page)).toBeNull()
    await page.close()
    const again = await open()
    await again.getByRole('button', { name: 'Cancel' }).click()
    expect(await picked(again)).toBeNull()
    await again.close()
  })

  it('says so when there is nothing to share, and focuses Cancel', async () => {
    const page = await open([])
    await expect.poll(() => page.getByText('There is nothing to share').isVisible()).toBe(true)
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel')
    await page.close()
  })
})
