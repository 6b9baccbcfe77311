import { PNG } from 'pngjs'
import { describe, expect, it } from 'vitest'
import { comparePngs } from '../../support/screens.ts'

/** A width×height PNG filled with one colour, with `changed` pixels of the first row painted black. */
function png(width: number, height: number, changed = 0): Buffer {
  const image = new PNG({ width, height })
  for (let i = 0; i < width * height; i++) image.data.set([240, 240, 250, 255], i * 4)
  for (let i = 0; i < changed; i++) image.data.set([0, 0, 0, 255], i * 4)
  return PNG.sync.write(image)
}

describe('screen comparison', () => {
  it('finds no difference between the same pictures', () => {
    expect(comparePngs(png(40, 20), png(40, 20)).ratio).toBe(0)
  })

  it('counts the share of pixels that differ, with a diff image', () => {
    const result = comparePngs(png(40, 20), png(40, 20, 8))
    expect(result.ratio).toBeCloseTo(8 / 800)
    expect(PNG.sync.read(result.diff!).width).toBe(40)
  })

  it('says so when the sizes differ, as a complete difference', () => {
    expect(comparePngs(png(40, 20), png(40, 21))).toEqual({ ratio: 1, diff: null, sizes: '40×20 expected, 40×21 taken' })
  })
})
