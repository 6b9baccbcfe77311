/**
 * An upload's type from its bytes, never from its name or the sender's header: PNG, JPEG, GIF,
 * WebP, PDF, ZIP, or UTF-8 text without control characters. Images also give their size in pixels
 * from their header, for a preview box that does not jump.
 */

export interface Sniffed {
  type: string
  /** File name extensions that fit this type. */
  extensions: readonly string[]
  width?: number
  height?: number
}

const startsWith = (b: Buffer, bytes: readonly number[], at = 0) => b.length >= at + bytes.length && bytes.every((x, i) => b[at + i] === x)
const ascii = (b: Buffer, text: string, at = 0) => b.length >= at + text.length && b.toString('latin1', at, at + text.length) === text
const sized = (s: Sniffed, width: number, height: number): Sniffed => (width > 0 && height > 0 ? { ...s, width, height } : s)

function pngOrNull(b: Buffer): Sniffed | null {
  if (!startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return null
  const s = { type: 'image/png', extensions: ['png'] }
  return b.length >= 24 && ascii(b, 'IHDR', 12) ? sized(s, b.readUInt32BE(16), b.readUInt32BE(20)) : s
}

function jpegOrNull(b: Buffer): Sniffed | null {
  if (!startsWith(b, [0xff, 0xd8, 0xff])) return null
  const s = { type: 'image/jpeg', extensions: ['jpg', 'jpeg'] }
  // Walk the segments to the first start-of-frame (SOF0..SOF15 but DHT, JPG and DAC).
  for (let at = 2; at + 9 < b.length;) {
    if (b[at] !== 0xff) return s
    const marker = b[at + 1]!
    if (marker === 0xff) { at++; continue }
    const length = b.readUInt16BE(at + 2)
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return sized(s, b.readUInt16BE(at + 7), b.readUInt16BE(at + 5))
    at += 2 + length
  }
  return s
}

function gifOrNull(b: Buffer): Sniffed | null {
  if (!ascii(b, 'GIF87a') && !ascii(b, 'GIF89a')) return null
  const s = { type: 'image/gif', extensions: ['gif'] }
  return b.length >= 10 ? sized(s, b.readUInt16LE(6), b.readUInt16LE(8)) : s
}

function webpOrNull(b: Buffer): Sniffed | null {
  if (!ascii(b, 'RIFF') || !ascii(b, 'WEBP', 8)) return null
  const s = { type: 'image/webp', extensions: ['webp'] }
  if (ascii(b, 'VP8X', 12) && b.length >= 30) return sized(s, 1 + b.readUIntLE(24, 3), 1 + b.readUIntLE(27, 3))
  if (ascii(b, 'VP8 ', 12) && b.length >= 30) return sized(s, b.readUInt16LE(26) & 0x3fff, b.readUInt16LE(28) & 0x3fff)
  if (ascii(b, 'VP8L', 12) && b.length >= 25) {
    const bits = b.readUInt32LE(21)
    return sized(s, (bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1)
  }
  return s
}

/** UTF-8 that decodes cleanly and has no control characters but tab, newline, carriage return and form feed. */
function textOrNull(b: Buffer): Sniffed | null {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(b)
  } catch {
    return null
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text)) return null
  return { type: 'text/plain; charset=utf-8', extensions: ['txt', 'md', 'csv', 'log', 'json'] }
}

/** The type found in `bytes`, or null for content that is none of the allowed types. */
export function sniff(bytes: Buffer): Sniffed | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { type: 'application/pdf', extensions: ['pdf'] }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return { type: 'application/zip', extensions: ['zip'] }
  return pngOrNull(bytes) ?? jpegOrNull(bytes) ?? gifOrNull(bytes) ?? webpOrNull(bytes) ?? textOrNull(bytes)
}

/** The extension of a file name, lower-cased ('' when it has none). */
export const extensionOf = (name: string): string => {
  const dot = name.lastIndexOf('.')
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : ''
}
