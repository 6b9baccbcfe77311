/**
 * The start-up bundle of the built renderer stays within issue 10's budget: 10 % over the 277 kB
 * of JavaScript a window ran before the design system (305 kB). What the first screen does not
 * show loads on demand; a failure lists the start-up chunks, largest first, to say what grew.
 * Fonts are split too: the stylesheet names one file per script range, fetched only for text in
 * that range.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { root } from '../../scripts/lib/system.ts'
import { BASELINE_BYTES, BUDGET_BYTES, kb, listChunks, measureStartupBundle } from '../support/startup-bundle.ts'

describe('the start-up bundle', () => {
  const bundle = measureStartupBundle()

  it(`stays within ${kb(BUDGET_BYTES)} of JavaScript (${kb(BASELINE_BYTES)} + 10 %)`, () => {
    const over = `the start-up JavaScript is ${kb(bundle.raw)}, over the ${kb(BUDGET_BYTES)} budget by ${kb(bundle.raw - BUDGET_BYTES)}; split what the first screen does not show (import() / React.lazy). Start-up chunks:\n${listChunks(bundle.scripts)}`
    expect(bundle.raw, over).toBeLessThanOrEqual(BUDGET_BYTES)
  })

  it('leaves the call, the editor, the dialogs and the welcome screen to load on demand', () => {
    // LiveKit's client, the floor editor and the rarely shown parts are chunks of their own that
    // nothing at start-up imports statically (their names come from their entry modules).
    const startup = bundle.scripts.map((s) => s.file).join(' ')
    for (const part of ['online', 'EditorChrome', 'CommandPalette', 'InviteDialog', 'StatusForm', 'Stage', 'Welcome']) {
      expect(startup, `${part} is part of the start-up bundle:\n${listChunks(bundle.scripts)}`).not.toMatch(new RegExp(`assets/${part}-`))
    }
  })

  it('loads Inter one script range at a time, from files of its own', () => {
    const css = bundle.styles.map((s) => readFileSync(join(root, 'out', 'renderer', s.file), 'utf8')).join('\n')
    const faces = css.match(/@font-face\{[^}]*\}/g) ?? []
    expect(faces.length).toBeGreaterThan(1)
    for (const face of faces) {
      expect(face).toMatch(/unicode-range:/)
      expect(face).toMatch(/url\(\.\/inter-[\w-]+\.woff2\)/)
      expect(face).not.toMatch(/data:/)
    }
  })
})
