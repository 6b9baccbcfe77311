/**
 * The tray icon, drawn rather than shipped: a dot in the status colour, with a red badge dot when
 * messages are unread (the count itself is in the tooltip and, on macOS, the dock badge: 16 pixels
 * hold no legible digits). Pixels are BGRA, as Electron's nativeImage.createFromBitmap expects.
 */
import type { TrayIconState } from './tray-model.ts'

type Rgb = readonly [number, number, number]

export const statusColours: Record<TrayIconState['status'], Rgb> = {
  available: [0x2e, 0x9e, 0x5b],
  busy: [0xd9, 0x82, 0x2b],
  away: [0xc9, 0xa2, 0x00],
  dnd: [0xd6, 0x45, 0x45],
  'signed-out': [0x8a, 0x8f, 0x98],
}
const badgeColour: Rgb = [0xe0, 0x24, 0x24]
const white: Rgb = [0xff, 0xff, 0xff]

/** Coverage of a pixel by a disc, 0..1, from 4×4 samples: cheap anti-aliasing. */
function coverage(px: number, py: number, cx: number, cy: number, r: number): number {
  let inside = 0
  for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) if (Math.hypot(px + (i + 0.5) / 4 - cx, py + (j + 0.5) / 4 - cy) <= r) inside++
  return inside / 16
}

export function trayIconPixels(icon: TrayIconState, size: number): Uint8Array {
  const out = new Uint8Array(size * size * 4)
  const paint = (x: number, y: number, [r, g, b]: Rgb, a: number) => {
    if (a <= 0) return
    const o = (y * size + x) * 4
    // Source-over onto what is there (premultiplied-free: both layers are opaque colours).
    const under = out[o + 3]! / 255
    const alpha = a + under * (1 - a)
    const mix = (c: number, prev: number) => Math.round((c * a + prev * under * (1 - a)) / alpha)
    out[o] = mix(b, out[o]!)
    out[o + 1] = mix(g, out[o + 1]!)
    out[o + 2] = mix(r, out[o + 2]!)
    out[o + 3] = Math.round(alpha * 255)
  }
  const disc = (cx: number, cy: number, r: number, colour: Rgb) => {
    for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) paint(x, y, colour, coverage(x, y, cx, cy, r))
  }
  const c = size / 2
  disc(c, c, size * 0.42, statusColours[icon.status])
  if (icon.badge !== null) {
    // A white ring keeps the badge apart from a red (do-not-disturb) status dot.
    disc(size * 0.78, size * 0.22, size * 0.24, white)
    disc(size * 0.78, size * 0.22, size * 0.17, badgeColour)
  }
  return out
}
