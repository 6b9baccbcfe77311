/**
 * The furniture a host can place, with each kind's footprint in floor units (unturned, centred on
 * the item's position) and the words the editor uses for it. Shared by the floor's drawing and the
 * editor's hit testing, so what is selected is what is drawn.
 */
import type { FurnitureKind } from '../../protocol/floor/records.ts'

export const furnitureKinds: Record<FurnitureKind, { label: string; width: number; height: number }> = {
  plant: { label: 'Plant', width: 32, height: 32 },
  sofa: { label: 'Sofa', width: 84, height: 38 },
  table: { label: 'Table', width: 72, height: 44 },
  bookshelf: { label: 'Bookshelf', width: 80, height: 20 },
  whiteboard: { label: 'Whiteboard', width: 96, height: 12 },
  rug: { label: 'Rug', width: 120, height: 80 },
}

export const furnitureKindList = Object.keys(furnitureKinds) as FurnitureKind[]

/** The item's box on the floor once turned: the axis-aligned box around its rotated footprint. */
export function furnitureBox(item: { kind: FurnitureKind; x: number; y: number; rotation: number }) {
  const { width, height } = furnitureKinds[item.kind]
  const a = (item.rotation * Math.PI) / 180
  // Rounded so that a quarter turn gives whole sides, not 38.00000000000001.
  const tidy = (v: number) => Math.round(v * 1000) / 1000
  const w = tidy(Math.abs(width * Math.cos(a)) + Math.abs(height * Math.sin(a)))
  const h = tidy(Math.abs(width * Math.sin(a)) + Math.abs(height * Math.cos(a)))
  return { x: item.x - w / 2, y: item.y - h / 2, width: w, height: h }
}
