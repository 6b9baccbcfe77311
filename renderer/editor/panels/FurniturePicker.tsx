/**
 * The palette's Furniture group: one button per kind ("Add plant", "Add sofa", …). Focus starts on
 * the first; Escape closes the group and gives focus back to the button that opened it.
 */
import { useEffect, useRef } from 'react'
import type { FurnitureKind } from '../../../protocol/floor/records.ts'
import { furnitureKindList, furnitureKinds } from '../../floor/furniture-kinds.ts'
import './furniture.css'

export function FurniturePicker(props: { id: string; onPick(kind: FurnitureKind): void; onClose(): void }) {
  const group = useRef<HTMLDivElement>(null)
  useEffect(() => group.current?.querySelector('button')?.focus(), [])
  return (
    <div
      id={props.id}
      ref={group}
      role="group"
      aria-label="Furniture"
      className="palette-choices furniture-picker"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return
        e.preventDefault()
        e.stopPropagation()
        props.onClose()
      }}
    >
      {furnitureKindList.map((kind) => (
        <button key={kind} type="button" onClick={() => props.onPick(kind)}>
          <svg className="furniture-swatch" aria-hidden="true" focusable="false" viewBox="-64 -44 128 88">
            <use href={`#furniture-${kind}`} />
          </svg>
          Add {furnitureKinds[kind].label.toLowerCase()}
        </button>
      ))}
    </div>
  )
}
