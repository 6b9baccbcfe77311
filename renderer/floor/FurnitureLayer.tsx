/**
 * The furniture hosts placed: one <use> per item of the kind's symbol (FurnitureDefs, below), turned
 * as the item is. Loaded on demand (FloorView.tsx): only a floor with furniture, or the editor,
 * needs it. Decoration only: hidden from screen readers and never hit (pointer-events: none), so a
 * click on a plant reaches the floor, room or desk beneath it; never a desk. Drawn above the rooms
 * and under the desks and people. Memoised per item: an edit elsewhere redraws nothing here.
 *
 * While a host edits, each piece also gets a button in a "Furniture" group (one Tab stop, arrows
 * between pieces), so a keyboard can select it as a mouse does through the editor's hit testing.
 */
import { memo } from 'react'
import type { Furniture } from '../../protocol/floor/records.ts'
import { mix } from './FloorDefs.tsx'
import { furnitureBox, furnitureKinds } from './furniture-kinds.ts'
import { RovingGroup } from './RovingGroup.tsx'

// Placed furniture: its own tokens (tokens.css, --furniture-*), one outline colour per theme.
const edge = { stroke: 'var(--furniture-edge)', strokeWidth: 1 }
const wood = { fill: 'var(--furniture-wood)', ...edge }
const fabric = { fill: 'var(--furniture-fabric)', ...edge }
const fabricSoft = { fill: mix('--furniture-fabric', '--furniture-board', 70), ...edge }
const leafA = { fill: 'var(--furniture-leaf)' }
const leafB = { fill: mix('--furniture-leaf', '--furniture-board', 75) }
const board = { fill: 'var(--furniture-board)', ...edge }
const rug = { fill: 'var(--furniture-rug)', ...edge }
const rugBorder = { fill: 'none', stroke: mix('--furniture-rug', '--furniture-edge', 60), strokeWidth: 2 }
const books = { fill: 'none', stroke: mix('--furniture-wood', '--furniture-edge', 40), strokeWidth: 1.5 }

/** The placed furniture's symbols (`furniture-<kind>`, sized as furniture-kinds.ts says), also the editor palette's. */
export const FurnitureDefs = memo(function FurnitureDefs() {
  return (
    <svg className="floor-defs" aria-hidden="true" focusable="false" width="0" height="0">
      <defs>
        {/* Placed furniture, each centred on its position in floor units like the desk (no viewBox). */}
        <symbol id="furniture-plant" overflow="visible">
          <circle style={wood} r="11" />
          <circle style={leafA} cx="-5" cy="-5" r="8" />
          <circle style={leafA} cx="6" cy="-3" r="7" />
          <circle style={leafB} cx="0" cy="6" r="8" />
          <circle style={leafB} cx="0" cy="-2" r="4.5" />
        </symbol>
        <symbol id="furniture-sofa" overflow="visible">
          <rect style={fabric} x="-42" y="-19" width="84" height="14" rx="6" />
          <rect style={fabricSoft} x="-33" y="-9" width="33" height="24" rx="4" />
          <rect style={fabricSoft} x="0" y="-9" width="33" height="24" rx="4" />
          <rect style={fabric} x="-42" y="-13" width="11" height="32" rx="5" />
          <rect style={fabric} x="31" y="-13" width="11" height="32" rx="5" />
        </symbol>
        <symbol id="furniture-table" overflow="visible">
          <rect style={wood} x="-36" y="-22" width="72" height="44" rx="10" />
          <ellipse style={books} cx="0" cy="0" rx="24" ry="12" />
        </symbol>
        <symbol id="furniture-bookshelf" overflow="visible">
          <rect style={wood} x="-40" y="-10" width="80" height="20" rx="2" />
          <path style={books} d="M-30 -6V6M-24 -6V6M-19 -6V6M-8 -6V6M-2 -6V6M10 -6V6M17 -6V6M28 -6V6M33 -6V6" />
        </symbol>
        <symbol id="furniture-whiteboard" overflow="visible">
          <rect style={board} x="-48" y="-6" width="96" height="8" rx="1.5" />
          <rect style={wood} x="-44" y="2" width="6" height="4" />
          <rect style={wood} x="38" y="2" width="6" height="4" />
        </symbol>
        <symbol id="furniture-rug" overflow="visible">
          <rect style={rug} x="-60" y="-40" width="120" height="80" rx="6" />
          <rect style={rugBorder} x="-52" y="-32" width="104" height="64" rx="3" />
        </symbol>
      </defs>
    </svg>
  )
})

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
