import { describe, expect, it } from 'vitest'
import { fuzzSummary } from '../../../scripts/lib/api-fuzz.ts'

// Schemathesis' own closing lines, as `npm test` printed them.
const OUTPUT = [
  '  ✅  Loaded specification from http://127.0.0.1:34611/api/openapi.json (in 0.2s)',
  '  ✅ 88 passed',
  '  Selected: 88/90',
  '  Tested: 88',
  '  ⚠️ Rate limited: 4 operations mostly returned 429 responses',
  '  4129 generated, 4129 passed',
  'Seed: 285720104745415024484794631006127657875',
  '============================= 4 warnings in 61.41s =============================',
].join('\n')

describe('the API fuzz summary printed by npm test', () => {
  it('keeps what ran, the warnings and the seed', () => {
    const summary = fuzzSummary(OUTPUT)
    expect(summary).toContain('Tested: 88')
    expect(summary).toContain('4129 generated, 4129 passed')
    expect(summary).toContain('Seed: 285720104745415024484794631006127657875')
    expect(summary).toContain('schemathesis took 61.41 s (4 warnings)')
  })

  it('prints no line shaped like a pytest closing line, which CI would read as a run of no test', () => {
    for (const line of fuzzSummary(OUTPUT).split('\n')) expect(line).not.toMatch(/^=+ .* in [\d.]+s =+$/u)
  })
})
