import { describe, expect, it } from 'vitest'
import { parseWindowBounds, visibleBounds } from '../../../../main/policy/window-bounds.ts'

const saved = { x: 100, y: 50, width: 1200, height: 800, maximized: false }
const laptop = { x: 0, y: 0, width: 1440, height: 900 }

describe('parseWindowBounds', () => {
  it('reads what was stored', () => expect(parseWindowBounds(JSON.stringify(saved))).toEqual(saved))
  it('treats nothing stored as null', () => expect(parseWindowBounds(null)).toBeNull())
  it('treats bad JSON as null', () => expect(parseWindowBounds('{x')).toBeNull())
  it('treats a tiny window as null', () => expect(parseWindowBounds(JSON.stringify({ ...saved, width: 10 }))).toBeNull())
  it('treats a missing field as null', () => expect(parseWindowBounds(JSON.stringify({ x: 1, y: 2 }))).toBeNull())
})

describe('visibleBounds', () => {
  it('keeps bounds on a current display', () => expect(visibleBounds(saved, [laptop])).toBe(saved))
  it('keeps bounds on a second display', () =>
    expect(visibleBounds({ ...saved, x: 2000 }, [laptop, { x: 1440, y: 0, width: 1920, height: 1080 }])).toEqual({ ...saved, x: 2000 }))
  it('drops bounds on an unplugged display', () => expect(visibleBounds({ ...saved, x: 2000 }, [laptop])).toBeNull())
  it('drops bounds whose title bar is above the screen', () => expect(visibleBounds({ ...saved, y: -700 }, [laptop])).toBeNull())
  it('passes null through', () => expect(visibleBounds(null, [laptop])).toBeNull())
})
