/**
 * The furniture hosts placed: one <use> per item of the kind's symbol (FloorDefs.tsx), turned as the
 * item is. Decoration only: hidden from screen readers and never hit (pointer-events: none), so a
 * click on a plant reaches the floor, room or desk beneath it; never a desk. Drawn above the rooms
 * and under the desks and people. Memoised per item: an edit elsewhere redraws nothing here.
 */
import { memo } from 'react'
import type { Furniture } from '../../protocol/floor/records.ts'

const Piece = memo(function Piece({ item }: { item: Furniture }) {
  return (
    <use
      href={`#furniture-${item.kind}`}
      className={`furniture furniture-${item.kind}`}
      data-furniture={item.id}
      transform={`translate(${item.x} ${item.y})${item.rotation ? ` rotate(${item.rotation})` : ''}`}
    />
  )
})

const NONE: readonly Furniture[] = []

export const FurnitureLayer = memo(function FurnitureLayer({ furniture = NONE }: { furniture?: readonly Furniture[] | undefined }) {
  if (furniture.length === 0) return null
  return (
    <svg className="floor-art furniture-art" aria-hidden="true" focusable="false" style={{ pointerEvents: 'none' }}>
      {furniture.map((item) => (
        <Piece key={item.id} item={item} />
      ))}
    </svg>
  )
})
