import { describe, expect, it } from 'vitest'
import { contrast } from './contrast.ts'
import { blocks, theme, tokensCss } from './tokens.ts'

const TEXT = 4.5 // WCAG AA, normal text
const UI = 3 // WCAG AA, large text and user-interface parts (focus rings, status dots)

// [foreground, background, minimum]: the pairs the renderer actually draws.
const pairs: [string, string, number][] = [
  ['--text', '--bg', TEXT],
  ['--text', '--surface', TEXT],
  ['--text', '--surface-2', TEXT],
  ['--text-muted', '--bg', TEXT],
  ['--text-muted', '--surface', TEXT],
  ['--accent-text', '--accent', TEXT],
  ['--accent', '--surface', TEXT], // links and pressed borders in the accent colour
  ['--danger', '--surface', TEXT],
  ['--danger', '--bg', TEXT],
  ['--warn-text', '--warn-bg', TEXT],
  ['--text', '--room-meeting', TEXT],
  ['--text', '--room-lounge', TEXT],
  ['--text', '--room-private', TEXT],
  ['--text', '--room-stage', TEXT],
  ['--text-muted', '--desk', TEXT],
  ['--focus', '--bg', UI],
  ['--focus', '--surface', UI],
  ['--status-available', '--surface', UI],
  ['--status-busy', '--surface', UI],
  ['--status-away', '--surface', UI],
  ['--status-dnd', '--surface', UI],
  ['--speaking', '--surface', UI],
  ['--self', '--surface', UI],
  ['--wall', '--surface', UI], // walls are what outlines a room
]

describe('the contrast checker', () => {
  it('gives the WCAG ratios of known pairs, so a failing pair fails', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5)
    expect(contrast('#ffffff', '#ffffff')).toBe(1)
    // #777777 on white is the classic just-below-AA grey (4.48:1).
    expect(contrast('#777777', '#ffffff')).toBeLessThan(TEXT)
    expect(contrast('#767676', '#ffffff')).toBeGreaterThanOrEqual(TEXT)
  })
})

describe('design tokens meet WCAG AA contrast', () => {
  for (const name of ['light', 'dark', 'contrast'] as const) {
    describe(`${name} theme`, () => {
      const t = theme(name)
      it.each(pairs)('%s on %s is at least %s:1', (fg, bg, min) => {
        expect(t[fg], `${fg} is defined`).toMatch(/^#/)
        expect(t[bg], `${bg} is defined`).toMatch(/^#/)
        expect(contrast(t[fg] ?? '', t[bg] ?? '')).toBeGreaterThanOrEqual(min)
      })
    })
  }

  it('the high-contrast theme reaches AAA (7:1) for body text', () => {
    const t = theme('contrast')
    expect(contrast(t['--text'] ?? '', t['--bg'] ?? '')).toBeGreaterThanOrEqual(7)
    expect(contrast(t['--text-muted'] ?? '', t['--surface'] ?? '')).toBeGreaterThanOrEqual(7)
  })

  it('the system-dark fallback uses exactly the dark theme values', () => {
    const fallback = blocks(tokensCss(), /^:root:not\(\[data-theme\]\)$/)
    const dark = theme('dark')
    const colours = Object.fromEntries(Object.entries(fallback[0] ?? {}))
    expect(Object.keys(colours).length).toBeGreaterThan(20)
    for (const [k, v] of Object.entries(colours)) expect(v, k).toBe(dark[k])
  })

  it('every theme defines the same colour tokens', () => {
    const keys = (n: 'light' | 'dark' | 'contrast') => Object.keys(theme(n)).sort()
    expect(keys('dark')).toEqual(keys('light'))
    expect(keys('contrast')).toEqual(keys('light'))
  })

  it('reduced motion sets every duration token to zero', () => {
    const css = tokensCss()
    const reduced = css.slice(css.indexOf('@media (prefers-reduced-motion: reduce)'))
    const motion = blocks(reduced, /^:root$/)[0] ?? {}
    expect(motion['--motion-fast']).toBe('0ms')
    expect(motion['--motion-slow']).toBe('0ms')
  })
})
