/** Attachment types from content (server/chat/sniff.ts): the bytes decide, images give their size. */
import { describe, expect, it } from 'vitest'
import { extensionOf, sniff } from '../../../../server/chat/sniff.ts'

const png = (w: number, h: number) => {
  const b = Buffer.alloc(33)
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).copy(b)
  b.write('IHDR', 12, 'latin1')
  b.writeUInt32BE(w, 16)
  b.writeUInt32BE(h, 20)
  return b
}

describe('sniff', () => {
  it('finds PNG, GIF, JPEG and WebP with their size in pixels', () => {
    expect(sniff(png(640, 480))).toMatchObject({ type: 'image/png', width: 640, height: 480 })
    const gif = Buffer.concat([Buffer.from('GIF89a'), Buffer.from([0x20, 0x01, 0x10, 0x00])])
    expect(sniff(gif)).toMatchObject({ type: 'image/gif', width: 288, height: 16 })
    // SOI, an APP0 segment of 16 bytes, then SOF0 with height 100 and width 200.
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, ...Array(14).fill(0), 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x64, 0x00, 0xc8, 0x03])
    expect(sniff(jpeg)).toMatchObject({ type: 'image/jpeg', width: 200, height: 100 })
    const webp = Buffer.alloc(30)
    webp.write('RIFF', 0, 'latin1')
    webp.write('WEBPVP8X', 8, 'latin1')
    webp.writeUIntLE(99, 24, 3)
    webp.writeUIntLE(49, 27, 3)
    expect(sniff(webp)).toMatchObject({ type: 'image/webp', width: 100, height: 50 })
  })

  it('finds PDF, ZIP and UTF-8 text, and nothing in other binaries', () => {
    expect(sniff(Buffer.from('%PDF-1.7\n'))?.type).toBe('application/pdf')
    expect(sniff(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2]))?.type).toBe('application/zip')
    expect(sniff(Buffer.from('héllo\tworld\n'))?.type).toBe('text/plain; charset=utf-8')
    expect(sniff(Buffer.from([0x4d, 0x5a, 0x90, 0x00]))).toBeNull()
    expect(sniff(Buffer.from('text with a \u0000 NUL'))).toBeNull()
  })

  it('reads a name’s extension in lower case', () => {
    expect([extensionOf('A.PNG'), extensionOf('archive.tar.zip'), extensionOf('README'), extensionOf('.env')]).toEqual(['png', 'zip', '', ''])
  })
})
