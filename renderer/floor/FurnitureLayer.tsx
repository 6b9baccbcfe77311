/**
 * The furniture hosts placed: one <use> per item of the kind's symbol (FloorDefs.tsx), turned as the
 * item is. Decoration only: hidden from screen readers and never hit (pointer-events: none), so a
 * click on a plant reaches the floor, room or desk beneath it; never a desk. Drawn above the rooms
 * and under the desks and people. Memoised per item: an edit elsewhere redraws nothing here.
 *
 * While a host edits, each piece also gets a button in a "Furniture" group (one Tab stop, arrows
 * between pieces), so a keyboard can select it as a mouse does through the editor's hit testing.
 */
import { memo } from 'react'
import type { Furniture } from '../../protocol/floor/records.ts'
import { furnitureBox, furnitureKinds } from './furniture-kinds.ts'
import { RovingGroup } from './RovingGroup.tsx'

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

/** A piece as the editor's keyboard reaches it; pointers keep going through the edit surface. */
const PieceButton = memo(function PieceButton(props: { item: Furniture; selected: boolean; onPick(id: string, shift: boolean): void }) {
  const { item, selected } = props
  const box = furnitureBox(item)
  const label = furnitureKinds[item.kind].label
  return (
    <button
      type="button"
      tabIndex={-1}
      data-roving={item.id}
      data-x={item.x}
      data-y={item.y}
      className={`furniture-handle${selected ? ' item-selected' : ''}`}
      style={{ left: box.x, top: box.y, width: box.width, height: box.height }}
      aria-label={selected ? `${label}, selected` : label}
      onClick={(e) => props.onPick(item.id, e.shiftKey)}
    />
  )
})

const NONE: readonly Furniture[] = []

export interface FurnitureEditing {
  selected: ReadonlySet<string>
  onPick(id: string, shift: boolean): void
  onFocusItem(el: HTMLElement): void
}

export const FurnitureLayer = memo(function FurnitureLayer({ furniture = NONE, editing }: { furniture?: readonly Furniture[] | undefined; editing?: FurnitureEditing | undefined }) {
  if (furniture.length === 0) return null
  return (
    <>
      <svg className="floor-art furniture-art" aria-hidden="true" focusable="false" style={{ pointerEvents: 'none' }}>
        {furniture.map((item) => (
          <Piece key={item.id} item={item} />
        ))}
      </svg>
      {editing && (
        <RovingGroup label="Furniture" className="layer furniture-handles" onFocusItem={editing.onFocusItem}>
          {furniture.map((item) => (
            <PieceButton key={item.id} item={item} selected={editing.selected.has(item.id)} onPick={editing.onPick} />
          ))}
        </RovingGroup>
      )}
    </>
  )
})
