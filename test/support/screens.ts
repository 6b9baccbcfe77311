/**
 * Visual regression: a screenshot compared with its committed baseline (test/e2e/screens/<name>.png)
 * by pixelmatch, within a tolerance. Baselines change only on purpose: `npm run screens:update`
 * (OFFICE_UPDATE_SCREENS=1) writes them; otherwise a missing baseline fails like a difference does.
 * A failure leaves the actual image and a diff image beside a message naming them.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pixelmatch from 'pixelmatch'
import type { Locator, Page } from 'playwright-core'
import { PNG } from 'pngjs'
import { root } from '../../scripts/lib/system.ts'

export const screensDir = join(root, 'test', 'e2e', 'screens')
const updating = process.env.OFFICE_UPDATE_SCREENS === '1'

export interface ScreenOptions {
  /** Parts that change by themselves (live video, clocks): painted over before comparing. */
  mask?: Locator[]
  /** Share of pixels allowed to differ (anti-aliasing): 0.1 % by default; runs here differ by none. */
  maxDiffRatio?: number
}

/** How two PNG images differ: the share of pixels pixelmatch counts as different, and a diff image. */
export function comparePngs(expected: Buffer, actual: Buffer): { ratio: number; diff: Buffer | null; sizes: string | null } {
  const a = PNG.sync.read(expected)
  const b = PNG.sync.read(actual)
  if (a.width !== b.width || a.height !== b.height) return { ratio: 1, diff: null, sizes: `${a.width}×${a.height} expected, ${b.width}×${b.height} taken` }
  const diff = new PNG({ width: a.width, height: a.height })
  const differing = pixelmatch(a.data, b.data, diff.data, a.width, a.height, { threshold: 0.1 })
  return { ratio: differing / (a.width * a.height), diff: PNG.sync.write(diff), sizes: null }
}

/** Takes `name`'s screenshot of the page and checks it against its baseline (or writes it, when updating). */
export async function expectScreen(page: Page, name: string, opts: ScreenOptions = {}): Promise<void> {
  // Fonts load on first use (unicode-range): wait for those the page asked for, as a person would see them.
  await page.evaluate(async () => {
    await Promise.all([...document.fonts].filter((f) => f.status === 'loading').map((f) => f.loaded.catch(() => undefined)))
    await document.fonts.ready
    // One more frame, so text drawn invisibly while its font loaded is painted with it.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
  })
  const actual = await page.screenshot({ animations: 'disabled', caret: 'hide', mask: opts.mask ?? [], maskColor: '#ff00ff' })
  const baseline = join(screensDir, `${name}.png`)
  if (updating) {
    mkdirSync(screensDir, { recursive: true })
    writeFileSync(baseline, actual)
    return
  }
  if (!existsSync(baseline)) throw new Error(`no baseline for screen "${name}" (${baseline}); run \`npm run screens:update\` to create it on purpose`)
  const { ratio, diff, sizes } = comparePngs(readFileSync(baseline), actual)
  const allowed = opts.maxDiffRatio ?? 0.001
  if (ratio <= allowed) return
  const out = join(tmpdir(), 'office-screens')
  mkdirSync(out, { recursive: true })
  writeFileSync(join(out, `${name}.actual.png`), actual)
  if (diff) writeFileSync(join(out, `${name}.diff.png`), diff)
  throw new Error(
    `screen "${name}" differs from its baseline: ${sizes ?? `${(ratio * 100).toFixed(2)} % of pixels (allowed ${(allowed * 100).toFixed(2)} %)`}; ` +
      `see ${join(out, `${name}.actual.png`)}${diff ? ` and ${name}.diff.png` : ''}. If the change is meant, run \`npm run screens:update\`.`,
  )
}
