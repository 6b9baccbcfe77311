import { describe, expect, it } from 'vitest'
import { deskLabelPlacement, deskLabelText, labelTurn, normaliseAngle } from '../../../../renderer/floor/labels.ts'

describe('the upright-label rule', () => {
  const rotations = [...Array.from({ length: 360 }, (_, i) => i), 0.5, 89.9, 90.1, 179.5, 180.5, 269.9, 359.99]

  it.each(rotations)('keeps the label of a desk turned %s° level, turning it by at most half a turn', (rotation) => {
    const turn = labelTurn(rotation)
    // The label is drawn inside the desk's rotated frame: on the floor it sits at rotation + turn.
    expect(Math.abs(normaliseAngle(rotation + turn))).toBeLessThan(1e-9)
    expect(Math.abs(turn)).toBeLessThanOrEqual(180)
  })

  it('turns the bottom row of the starter floor (180°) right way up, and leaves unturned desks alone', () => {
    expect(labelTurn(180)).toBe(-180)
    expect(Object.is(labelTurn(0), 0)).toBe(true)
    expect(labelTurn(90)).toBe(-90)
    expect(labelTurn(270)).toBe(90)
  })

  it.each(rotations)('puts the label of a desk turned %s° on its desk top, level', (rotation) => {
    const at = deskLabelPlacement({ x: 500, y: 300, rotation })
    expect(Math.abs(at.angle)).toBeLessThanOrEqual(90)
    expect(at.angle).toBe(0)
    // Back in the desk's own frame, the label's spot is on the desk top (x -22..22, y -22..4), off the chair.
    const r = (-rotation * Math.PI) / 180
    const [dx, dy] = [at.x - 500, at.y - 300]
    const local = { x: dx * Math.cos(r) - dy * Math.sin(r), y: dx * Math.sin(r) + dy * Math.cos(r) }
    expect(Math.abs(local.x)).toBeLessThan(1)
    expect(local.y).toBeGreaterThan(-10)
    expect(local.y).toBeLessThan(0)
  })

  it('normalises angles into (-180, 180]', () => {
    expect([normaliseAngle(0), normaliseAngle(180), normaliseAngle(181), normaliseAngle(-90), normaliseAngle(720), normaliseAngle(-180)]).toEqual([0, 180, -179, -90, 0, 180])
  })
})

describe('desk label text', () => {
  it('shows short labels whole and cuts long ones with an ellipsis, by characters not bytes', () => {
    expect(deskLabelText('12')).toBe('12')
    expect(deskLabelText('A-1024')).toBe('A-1024')
    expect(deskLabelText('Window seat')).toBe('Windo…')
    expect(deskLabelText('🪴🪴🪴🪴🪴🪴🪴')).toBe('🪴🪴🪴🪴🪴…')
  })
})
