import { describe, expect, it } from 'vitest'
import { statusColours, trayIconPixels } from '../../../../main/desktop/tray-icon.ts'

/** The [r, g, b, a] of a pixel of a BGRA bitmap. */
const rgba = (px: Uint8Array, size: number, x: number, y: number) => {
  const o = (y * size + x) * 4
  return [px[o + 2], px[o + 1], px[o], px[o + 3]]
}

describe('tray icon pixels', () => {
  it('is a dot in the status colour on a transparent ground', () => {
    for (const status of ['available', 'busy', 'away', 'dnd', 'signed-out'] as const) {
      const px = trayIconPixels({ status, badge: null, tooltip: '' }, 16)
      expect(px).toHaveLength(16 * 16 * 4)
      expect(rgba(px, 16, 8, 8)).toEqual([...statusColours[status], 255])
      expect(rgba(px, 16, 0, 0)[3]).toBe(0)
    }
  })

  it('adds a red badge in the top right corner when something is unread', () => {
    const plain = trayIconPixels({ status: 'available', badge: null, tooltip: '' }, 32)
    const badged = trayIconPixels({ status: 'available', badge: '3', tooltip: '' }, 32)
    expect(rgba(badged, 32, 25, 7)).toEqual([0xe0, 0x24, 0x24, 255])
    expect(rgba(plain, 32, 25, 7)).not.toEqual(rgba(badged, 32, 25, 7))
    expect(rgba(badged, 32, 8, 24)).toEqual(rgba(plain, 32, 8, 24))
  })
})
